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
    public record Entry(long id, long run, String command, OffsetDateTime at, String action) {
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
                        group by action""")
                .param("run", run).param("table", table).param("prefix", keyPrefix)
                .query(rs -> {
                    counts.put(AuditAction.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    public List<Entry> of(String table, String key) {
        return jdbc.sql("""
                        select a.id, a.run_id, r.command, a.at, a.action from audit a join run r on r.id = a.run_id
                        where a.table_name = :table and a.row_key = :key order by a.id""")
                .param("table", table).param("key", key)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("run_id"), rs.getString("command"),
                        rs.getObject("at", OffsetDateTime.class), rs.getString("action")))
                .list();
    }
}
