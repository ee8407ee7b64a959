package be.ocmw.merge.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;

/** The audit rows of one row of a table (by its key, as the writers name it), for the explanations: what, when, which run. */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One audit row: its number, the run that wrote it (and that run's command), when, and what it did. */
    /** An audit row of one row: {@code correction} the correction it carried out (SPEC 5.7), null for any other change. */
    public record Entry(long id, long run, String command, OffsetDateTime at, String action, String correction) {
    }

    /**
     * How many rows of {@code table} run {@code run} audited, by what it did to them; only rows whose key starts with
     * {@code keyPrefix} when one is given: what an apply did, counted from its audit rows.
     */
    public java.util.Map<AuditAction, Integer> counts(long run, String table, String keyPrefix) {
        java.util.Map<AuditAction, Integer> counts = new java.util.EnumMap<>(AuditAction.class);
        for (AuditAction action : AuditAction.values()) {
            counts.put(action, 0);
        }
        jdbc.sql("""
                        select action, count(*) from audit
                        where run_id = :run and table_name = :table and (cast(:prefix as text) is null or starts_with(row_key, :prefix))
                          and after -> 'correction' is null
                        group by action""")
                .param("run", run).param("table", table).param("prefix", keyPrefix)
                .query(rs -> {
                    counts.put(AuditAction.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    /** How many rows and how many listed items ({@code after.withdrawn}) one kind of correction changed. */
    public record Corrected(int rows, int items) {
    }

    /**
     * What run {@code run} corrected in {@code table} (SPEC 5.7), by the correction its audit rows carry out
     * ({@code after.correction}); {@link #counts} counts the other rows.
     */
    public java.util.Map<String, Corrected> corrections(long run, String table, String keyPrefix) {
        java.util.Map<String, Corrected> corrected = new java.util.TreeMap<>();
        jdbc.sql("""
                        select after ->> 'correction', count(*),
                               coalesce(sum(jsonb_array_length(coalesce(after -> 'withdrawn', '[]'))), 0)
                        from audit
                        where run_id = :run and table_name = :table and (cast(:prefix as text) is null or starts_with(row_key, :prefix))
                          and after -> 'correction' is not null
                        group by 1""")
                .param("run", run).param("table", table).param("prefix", keyPrefix)
                .query(rs -> {
                    corrected.put(rs.getString(1), new Corrected(rs.getInt(2), rs.getInt(3)));
                });
        return corrected;
    }

    public List<Entry> of(String table, String key) {
        return jdbc.sql("""
                        select a.id, a.run_id, r.command, a.at, a.action, a.after ->> 'correction' as correction
                        from audit a join run r on r.id = a.run_id
                        where a.table_name = :table and a.row_key = :key order by a.id""")
                .param("table", table).param("key", key)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("run_id"), rs.getString("command"),
                        rs.getObject("at", OffsetDateTime.class), rs.getString("action"), rs.getString("correction")))
                .list();
    }
}
