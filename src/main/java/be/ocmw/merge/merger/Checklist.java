package be.ocmw.merge.merger;

import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tasks of a merger's checklist that people marked as done (SPEC 6): who ticked which task when. A tick belongs to
 * the merger and the task, not to one plan, so a new plan keeps what was done. Each tick and untick is stored, never
 * overwritten, and audited in the same transaction.
 */
@Component
public class Checklist {

    /** Who marked a task done, and when. */
    public record Tick(String code, be.ocmw.merge.domain.Actor who, OffsetDateTime at) {

        public String by() {
            return who.name();
        }

    }

    private final JdbcClient jdbc;
    private final PlanStore store;
    private final TransactionTemplate transaction;

    Checklist(JdbcClient jdbc, PlanStore store, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Marks the task done ({@code done}) or not done any more; doing what is already so records nothing. */
    public void mark(Merger merger, String code, boolean done, be.ocmw.merge.domain.Actor by, long run) {
        transaction.executeWithoutResult(tx -> {
            // one tick at a time per merger: two people ticking the same task record it once
            jdbc.sql("select pg_advisory_xact_lock(hashtext('task_check:' || :merger))").param("merger", merger.id())
                    .query(Object.class).list();
            boolean now = ticks(merger).containsKey(code);
            if (now == done) {
                return;
            }
            long id = jdbc.sql("""
                            insert into task_check (merger_id, task_code, done, by_whom, account, run_id)
                            values (:merger, :code, :done, :by, :account, :run) returning id""")
                    .param("merger", merger.id()).param("code", code).param("done", done).param("by", by.name())
                    .param("account", by.accountKey()).param("run", run)
                    .query(Long.class).single();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("merger", merger.id());
            after.put("task", code);
            after.put("done", done);
            after.put("by", by.name());
            after.put("account", by.accountKey());
            store.audit(run, "task_check", Long.toString(id), be.ocmw.merge.audit.AuditAction.INSERT, null, after);
        });
    }

    /** The merger's tasks that are done now, by code. */
    public Map<String, Tick> ticks(Merger merger) {
        Map<String, Tick> ticks = new LinkedHashMap<>();
        jdbc.sql("""
                        select distinct on (task_code) task_code, done, by_whom, account, at from task_check
                        where merger_id = :merger order by task_code, id desc""")
                .param("merger", merger.id())
                .query(rs -> {
                    if (rs.getBoolean("done")) {
                        ticks.put(rs.getString("task_code"), new Tick(rs.getString("task_code"), Approvals.actor(rs, "by_whom", "account"),
                                rs.getObject("at", OffsetDateTime.class)));
                    }
                });
        return ticks;
    }
}
