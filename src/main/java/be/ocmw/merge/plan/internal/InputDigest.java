package be.ocmw.merge.plan.internal;

import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.stream.Stream;

/**
 * A digest of everything a merger's plan is computed from, in one statement (so in one snapshot): the access of
 * the participants and the target, the current designations and intake findings of the merger, the application
 * catalogue, the organisations and NIS codes, the dossiers of the participants and the target with the ones that
 * continue them, and the participants' OCMW Online requests with their links; and the merger as the registry
 * defines it. Each part is a multiset hash (the count and two sums of 64-bit hashes of the rows), so no row has to be
 * sorted or held; equal digests mean the planner would read the same rows and compute the same plan.
 */
public final class InputDigest {

    /**
     * A multiset hash of the rows {@code h} (records) that {@code rows} selects: their count and two sums of 64-bit
     * hashes of the records, in any order. A record is hashed column by column: turning it into text first cost
     * twice as much.
     */
    public static String multiset(String rows) {
        return "(select count(*) || ':' || coalesce(sum(hash_record_extended(h, 0)), 0)"
                + " || ':' || coalesce(sum(hash_record_extended(h, 1)), 0) from (" + rows + ") x)";
    }

    private static final String SQL = "select encode(sha256(convert_to(concat_ws(E'\\x1e', cast(:merger as text), "
            + String.join(", ",
                    multiset("""
                            select row(kbo, domain, username, last_name, first_name, role, insz, status, email, language,
                                       applications) as h
                            from live_account where kbo = any(:kbos)"""),
                    multiset("""
                            select row(s.kbo, a.source_row, a.role, a.domain, a.insz, a.last_name, a.first_name, a.email,
                                       a.language) as h
                            from submission_administrator a join submission s on s.id = a.submission_id
                            where s.merger_id = :id and s.superseded_by is null"""),
                    multiset("""
                            select row(code, severity, kbo, subject, detail, message, args) as h
                            from finding where merger_id = :id and origin = 'INTAKE'"""),
                    multiset("select row(domain, name) as h from known_application"),
                    multiset("select row(kbo, domain) as h from access_snapshot where status = 'CURRENT' and kbo = any(:kbos)"),
                    multiset("select row(kbo, name) as h from organisation where kbo = any(:kbos)"),
                    multiset("select row(kbo, nis, valid_from, valid_until) as h from organisation_nis where kbo = any(:kbos)"),
                    multiset("""
                            select row(id, kbo, reference, type, insz, start_date, end_date, predecessor_id) as h
                            from dossier where kbo = any(:kbos)"""),
                    multiset("""
                            select row(s.id, s.kbo, s.reference, s.predecessor_id) as h
                            from dossier s join dossier d on d.id = s.predecessor_id where d.kbo = any(:kbos)"""),
                    multiset("select row(id, reference, submitted_on, kbo, read) as h from online_request where kbo = any(:kbos)"),
                    multiset("""
                            select row(l.request_id, l.kbo, l.valid_from) as h
                            from online_request_link l join online_request r on r.id = l.request_id where r.kbo = any(:kbos)"""))
            + "), 'UTF8')), 'hex')";

    private InputDigest() {
    }

    public static String of(JdbcClient jdbc, Merger merger) {
        String[] kbos = Stream.concat(Stream.of(merger.target()), merger.participants().stream())
                .map(o -> o.kbo().digits()).distinct().toArray(String[]::new);
        return "sha256:" + jdbc.sql(SQL)
                .param("merger", merger.toString())
                .param("id", merger.id())
                .param("kbos", kbos)
                .query(String.class).single();
    }
}
