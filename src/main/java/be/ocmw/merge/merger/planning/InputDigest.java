package be.ocmw.merge.merger.planning;

import be.ocmw.merge.intake.Designations;
import be.ocmw.merge.merger.model.Fingerprint;
import be.ocmw.merge.merger.model.MergerPart;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of everything a merger's plan is computed from, in one statement (so in one snapshot): the rows the
 * intake gives the planner (designations and findings) and the rows each part reads (access, the organisations and
 * the catalogue, dossiers, OCMW Online requests with their links), each named by the feature that owns them; and the
 * merger as the registry defines it. Each is a multiset hash ({@link Fingerprint#multiset}), so no row has to be
 * sorted or held; equal digests mean the planner would read the same rows and compute the same plan.
 */
final class InputDigest {

    private InputDigest() {
    }

    static String of(JdbcClient jdbc, Merger merger, List<MergerPart> parts) {
        List<String> rows = new ArrayList<>(Designations.INPUT_ROWS);
        parts.forEach(part -> rows.addAll(part.inputRows()));
        String sql = "select encode(sha256(convert_to(concat_ws(E'\\x1e', cast(:merger as text), "
                + String.join(", ", rows.stream().map(Fingerprint::multiset).toList()) + "), 'UTF8')), 'hex')";
        String[] kbos = Stream.concat(Stream.of(merger.target()), merger.participants().stream())
                .map(o -> o.kbo().digits()).distinct().toArray(String[]::new);
        return "sha256:" + jdbc.sql(sql)
                .param("merger", merger.toString())
                .param("id", merger.id())
                .param("kbos", kbos)
                .query(String.class).single();
    }
}
