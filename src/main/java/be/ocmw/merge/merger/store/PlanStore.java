package be.ocmw.merge.merger.store;

import be.ocmw.merge.domain.Actor;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.finding.Findings;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.model.PlanTask;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import be.ocmw.merge.audit.AuditAction;
import be.ocmw.merge.audit.AuditEntry;
import be.ocmw.merge.audit.AuditWriter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merger's own tables: {@code plan} (a stored plan: its mode, status, fingerprint, summary, the digests it was
 * computed from, the plan whose part rows it shares) and {@code plan_task} (its checklist); its findings through
 * {@link Findings}. A stored plan is never changed but for its status, its summary once applied and the moment its
 * reports were in place. The parts' rows of a plan are stored by the parts, in their own tables.
 */
@Component
public class PlanStore {

    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** A stored plan that knows the digest of the inputs it was computed from. */
    public record WithInputs(long id, String inputDigest) {
    }

    /** A stored apply plan and the run that made it. */
    public record Apply(long id, long run) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Findings findings;

    private final AuditWriter auditWriter;

    PlanStore(JdbcClient jdbc, JdbcTemplate template, Findings findings, AuditWriter auditWriter) {
        this.auditWriter = auditWriter;
        this.jdbc = jdbc;
        this.template = template;
        this.findings = findings;
    }

    /**
     * A plan row; when {@code sameAs} is a stored plan with the same fingerprint (so the same changes and part rows),
     * the new plan shares its rows. A PLAN keeps the digest of its inputs: it may be executed as stored later.
     */
    public long insert(MergerPlan plan, RunMode mode, long run, Long sameAs) {
        return jdbc.sql("""
                        insert into plan (merger_id, mode, status, fingerprint, summary, created_by_run, source_fingerprint,
                                          changes_of, input_digest)
                        values (:merger, :mode, :status, :fingerprint, cast(:summary as jsonb), :run, :source,
                                (select coalesce(changes_of, id) from plan where id = :sameAs), :inputs) returning id""")
                .param("merger", plan.merger().id()).param("mode", mode.name()).param("status", plan.status().name())
                .param("fingerprint", plan.fingerprint()).param("summary", JSON.writeValueAsString(plan.counts().asJson()))
                .param("run", run).param("source", plan.sourceFingerprint())
                .param("sameAs", sameAs, java.sql.Types.BIGINT)
                .param("inputs", mode == RunMode.PLAN ? plan.inputDigest() : null, java.sql.Types.VARCHAR)
                .query(Long.class).single();
    }

    public void storeFindingsAndTasks(MergerPlan plan, RunMode mode, long run, long id) {
        findings.storeForPlan(plan.merger().id(), id, Findings.Origin.valueOf(mode.name()), run, plan.findings());
        List<Object[]> tasks = new ArrayList<>();
        for (int i = 0; i < plan.tasks().size(); i++) {
            PlanTask t = plan.tasks().get(i);
            tasks.add(new Object[]{id, i + 1, t.code(), t.due(), t.detail()});
        }
        template.batchUpdate("insert into plan_task (plan_id, seq, code, due, detail) values (?, ?, ?, ?, ?)", tasks);
    }

    /**
     * Stores a copy of stored plan {@code from} in {@code mode}: it shares the part rows (they are never changed once
     * stored) and gets copies of the findings and tasks. Returns the copy's id.
     */
    public long copy(long from, RunMode mode, long run) {
        long id = jdbc.sql("""
                        insert into plan (merger_id, mode, status, fingerprint, summary, created_by_run, input_digest,
                                          source_fingerprint, changes_of)
                        select merger_id, :mode, status, fingerprint, summary, :run, input_digest, source_fingerprint,
                               coalesce(changes_of, id)
                        from plan where id = :from
                        returning id""")
                .param("mode", mode.name()).param("run", run).param("from", from).query(Long.class).single();
        findings.copy(from, id, Findings.Origin.valueOf(mode.name()), run);
        jdbc.sql("""
                        insert into plan_task (plan_id, seq, code, due, detail)
                        select :id, seq, code, due, detail from plan_task where plan_id = :from""")
                .param("id", id).param("from", from).update();
        return id;
    }

    /** The plan whose part rows are those of plan {@code planId}: itself, or the one it shares. */
    public long changesOf(long planId) {
        return jdbc.sql("select coalesce(changes_of, id) from plan where id = :id").param("id", planId)
                .query(Long.class).single();
    }

    /** The summary stored with a plan (no counts, no fingerprints when it has none). */
    public StoredSummary summary(long planId) {
        return StoredSummary.fromJson(jdbc.sql("select cast(summary as text) from plan where id = :id")
                .param("id", planId).query(String.class).optional().orElse(null));
    }

    public void replaceSummary(long planId, Map<String, Object> summary) {
        jdbc.sql("update plan set summary = cast(:summary as jsonb) where id = :id")
                .param("summary", JSON.writeValueAsString(summary)).param("id", planId).update();
    }

    /** What the apply of stored plan {@code planId} did, by its audit trail, kept in its summary under {@code done}. */
    public void recordDone(long planId, PlanCounts done) {
        jdbc.sql("update plan set summary = coalesce(summary, '{}'::jsonb) || jsonb_build_object('done', cast(:done as jsonb)) where id = :id")
                .param("done", JSON.writeValueAsString(done.asJson())).param("id", planId).update();
    }

    public String fingerprint(long planId) {
        return jdbc.sql("select fingerprint from plan where id = :id").param("id", planId).query(String.class).single();
    }

    /** The fingerprint of the sources a plan was computed with, when it was stored with one. */
    public Optional<String> sourceFingerprint(long planId) {
        return jdbc.sql("select source_fingerprint from plan where id = :id and source_fingerprint is not null")
                .param("id", planId).query(String.class).optional();
    }

    /** The findings stored with a plan, in the order they were found. */
    public List<Finding> findings(long planId) {
        return findings.ofPlan(planId);
    }

    /** The checklist stored with a plan. */
    public List<PlanTask> tasks(long planId) {
        return jdbc.sql("select code, due, detail from plan_task where plan_id = :id order by seq")
                .param("id", planId)
                .query((rs, n) -> new PlanTask(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
                .list();
    }

    /** A merger's latest plan of mode PLAN: what a coordinator can approve. */
    public record Latest(long id, String fingerprint, PlanStatus status, String inputDigest, java.time.OffsetDateTime createdAt) {
    }

    public Optional<Latest> latestPlan(Merger merger) {
        return jdbc.sql("""
                        select id, fingerprint, status, input_digest, created_at from plan
                        where merger_id = :merger and mode = 'PLAN' order by id desc limit 1""")
                .param("merger", merger.id())
                .query((rs, n) -> new Latest(rs.getLong(1), rs.getString(2), PlanStatus.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, java.time.OffsetDateTime.class)))
                .optional();
    }

    /** Records who executed apply {@code planId}, the approval it executed, and whether its approver applied it. */
    public void markAppliedBy(long planId, Actor by, long approval, boolean fourEyesWaived, boolean rehearsal) {
        jdbc.sql("""
                        update plan set applied_by = :by, applied_account = :account, approval_id = :approval,
                                        four_eyes_waived = :waived, rehearsal = :rehearsal where id = :id""")
                .param("by", by.name()).param("account", by.accountKey()).param("approval", approval).param("waived", fourEyesWaived).param("rehearsal", rehearsal)
                .param("id", planId).update();
    }

    /** The audit row of an apply: who executed which approval of which plan. */
    public void auditApply(long run, long planId, Merger merger, String fingerprint, Actor by, long approval,
                           Actor approvedBy, boolean fourEyesWaived, boolean rehearsal) {
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("merger", merger.id());
        after.put("mode", "APPLY");
        after.put("fingerprint", fingerprint);
        after.put("applied_by", by.name());
        after.put("applied_account", by.accountKey());
        after.put("approval", approval);
        after.put("approved_by", approvedBy.name());
        after.put("approved_account", approvedBy.accountKey());
        after.put("four_eyes_waived", fourEyesWaived);
        if (rehearsal) {
            after.put("rehearsal", true);
        }
        audit(run, "plan", Long.toString(planId), AuditAction.INSERT, null, after);
    }

    /**
     * One audit row for a single act of the merger's (an approval, an apply, a tick of the checklist), in the caller's
     * transaction; {@code before} null for an insert.
     */
    public void audit(long run, String table, String key, AuditAction action, Map<String, Object> before,
                      Map<String, Object> after) {
        auditWriter.record(new AuditEntry(run, table, key, action, before, after));
    }

    /** Whose approval apply {@code planId} executed, and for whom; empty for an apply without a recorded approval. */
    public Optional<be.ocmw.merge.merger.report.ApplyResult.Approved> approvedOf(long planId) {
        return jdbc.sql("""
                        select a.approved_by, a.approved_at, a.comment, p.applied_by, p.four_eyes_waived, p.rehearsal,
                               a.approved_account, p.applied_account
                        from plan p join approval a on a.id = p.approval_id where p.id = :id""")
                .param("id", planId)
                .query((rs, n) -> new be.ocmw.merge.merger.report.ApplyResult.Approved(
                        Actor.stored(rs.getString(1), rs.getString(7)),
                        rs.getObject(2, java.time.OffsetDateTime.class), rs.getString(3),
                        rs.getString(4) == null ? null : Actor.stored(rs.getString(4), rs.getString(8)),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .optional();
    }

    /** The latest PLAN that is READY, knows its inputs and has fingerprint {@code approved} (null: any). */
    public Optional<WithInputs> latestWithInputs(Merger merger, String approved) {
        return jdbc.sql("""
                        select id, input_digest from plan
                        where merger_id = :merger and mode = 'PLAN' and status = 'READY' and input_digest is not null
                          and (cast(:approved as text) is null or fingerprint = :approved)
                        order by id desc limit 1""")
                .param("merger", merger.id()).param("approved", approved)
                .query((rs, n) -> new WithInputs(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /** The latest plan of the merger with this fingerprint, of mode PLAN when {@code planOnly}. */
    public Optional<Long> latestWithFingerprint(Merger merger, String fingerprint, boolean planOnly) {
        return jdbc.sql("""
                        select id from plan where merger_id = :merger and fingerprint = :fingerprint
                          and (not :planOnly or mode = 'PLAN')
                        order by id desc limit 1""")
                .param("merger", merger.id()).param("fingerprint", fingerprint).param("planOnly", planOnly)
                .query(Long.class).optional();
    }

    /** An apply whose job completed and whose process stopped before its reports were in place. */
    public Optional<Apply> unreportedApply(Merger merger) {
        return jdbc.sql("""
                        select id, created_by_run from plan
                        where merger_id = :merger and mode = 'APPLY' and status = 'APPLIED' and reported_at is null
                        order by id desc limit 1""")
                .param("merger", merger.id()).query((rs, n) -> new Apply(rs.getLong(1), rs.getLong(2))).optional();
    }

    /** An apply that was stored and not finished (interrupted, or failed its check). */
    public Optional<Apply> unfinishedApply(Merger merger) {
        return jdbc.sql("""
                        select id, created_by_run from plan where merger_id = :merger and mode = 'APPLY' and status = 'READY'
                        order by id desc limit 1""")
                .param("merger", merger.id()).query((rs, n) -> new Apply(rs.getLong(1), rs.getLong(2))).optional();
    }

    public void markApplied(long planId) {
        jdbc.sql("update plan set status = 'APPLIED' where id = :plan").param("plan", planId).update();
    }

    public void markReported(long planId) {
        jdbc.sql("update plan set reported_at = now() where id = :id").param("id", planId).update();
    }

    /** Whether an apply of the merger finished. */
    public boolean applied(Merger merger) {
        return jdbc.sql("select count(*) from plan where merger_id = :m and mode = 'APPLY' and status = 'APPLIED'")
                .param("m", merger.id()).query(Long.class).single() > 0;
    }
}
