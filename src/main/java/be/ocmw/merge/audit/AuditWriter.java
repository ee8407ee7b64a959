package be.ocmw.merge.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of the audit trail for single acts (an approval, an apply's plan row, a tick of the checklist), in the
 * caller's transaction. Set-based statements of other modules write theirs through the view {@code audit_entry} in the
 * same statement as the change (V18, docs/architecture.md): either way the trigger of the audit chain hashes the row.
 */
@Component
public class AuditWriter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final JdbcClient jdbc;

    AuditWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(AuditEntry entry) {
        jdbc.sql("""
                        insert into audit (run_id, table_name, row_key, action, before, after)
                        values (:run, :table, :key, :action, cast(:before as jsonb), cast(:after as jsonb))""")
                .param("run", entry.run()).param("table", entry.table()).param("key", entry.key())
                .param("action", entry.action().name())
                .param("before", entry.before() == null ? null : JSON.writeValueAsString(entry.before()))
                .param("after", entry.after() == null ? null : JSON.writeValueAsString(entry.after()))
                .update();
    }
}
