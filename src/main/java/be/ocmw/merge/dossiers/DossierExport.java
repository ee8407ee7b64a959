package be.ocmw.merge.dossiers;

import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.input.CsvWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code export dossiers}: the dossiers in the load format plus {@code predecessor} ({@code KBO/reference}
 * of the dossier a reopened one continues). Sorted by KBO and reference, so exporting twice gives the
 * same file, and loading an export changes nothing.
 */
@Component
public class DossierExport {

    static final List<String> HEADER = List.of("reference", "type", "insz", "kbo", "start_date", "end_date", "predecessor");

    private final JdbcClient jdbc;

    DossierExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many persons (distinct INSZ) the export (of one OCMW, or all when {@code kbo} is null) names. */
    public long persons(Kbo kbo) {
        return jdbc.sql("select count(distinct insz) from dossier where (cast(:kbo as text) is null or kbo = :kbo)")
                .param("kbo", kbo == null ? null : kbo.digits()).query(Long.class).single();
    }

    /** Writes the file and returns how many dossiers it holds. */
    public int export(Path file, Kbo kbo) {
        int[] count = {0};
        try (CsvWriter csv = CsvWriter.create(file)) {
            csv.row(HEADER);
            jdbc.sql("""
                            select d.reference, d.type, d.insz, d.kbo, d.start_date, d.end_date,
                                   p.kbo as predecessor_kbo, p.reference as predecessor_reference
                            from dossier d left join dossier p on p.id = d.predecessor_id
                            where (cast(:kbo as text) is null or d.kbo = :kbo)
                            order by d.kbo, d.reference""")
                    .param("kbo", kbo == null ? null : kbo.digits())
                    .query(rs -> {
                        try {
                            String predecessor = rs.getString("predecessor_kbo") == null ? ""
                                    : rs.getString("predecessor_kbo") + "/" + rs.getString("predecessor_reference");
                            csv.row(List.of(rs.getString("reference"), rs.getString("type"), rs.getString("insz"),
                                    rs.getString("kbo"), rs.getString("start_date"),
                                    rs.getString("end_date") == null ? "" : rs.getString("end_date"), predecessor));
                            count[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return count[0];
    }
}
