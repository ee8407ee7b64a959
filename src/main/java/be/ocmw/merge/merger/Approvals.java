package be.ocmw.merge.merger;

import be.ocmw.merge.domain.Actor;
import be.ocmw.merge.domain.FreeText;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.Readable;
import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.planning.Planner;
import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Approvals as recorded acts (SPEC 5): a coordinator approves the merger's latest READY plan by its fingerprint, or
 * takes an approval back. Each is stored with who, when and why, and audited in the same transaction. A refusal is a
 * value with its reason, for the command line and the dashboard to show.
 */
@Component
public class Approvals {

    private static final String SELECT = """
            select a.*, p.applied_by, p.applied_account, p.created_at as applied_at
            from approval a
                     left join lateral (select applied_by, applied_account, created_at from plan
                                        where approval_id = a.id and mode = 'APPLY' and status = 'APPLIED'
                                        order by id limit 1) p on true
            """;

    private final JdbcClient jdbc;
    private final PlanStore store;
    private final Planner planner;
    private final TransactionTemplate transaction;

    Approvals(JdbcClient jdbc, PlanStore store, Planner planner, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.planner = planner;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What an approval or withdrawal gave: the approval as it now stands, or why nothing was recorded. */
    public sealed interface Result {

        /** Recorded ({@code again}: it was so already, and nothing new was recorded). */
        record Recorded(Approval approval, boolean again) implements Result {
        }

        record Refused(Reason reason) implements Result {
        }
    }

    /** The approval of the merger in force, if any. */
    public Optional<Approval> inForce(Merger merger) {
        return jdbc.sql(SELECT + "where a.merger_id = :merger and a.withdrawn_at is null")
                .param("merger", merger.id()).query(Approvals::approval).optional();
    }

    /** Every approval of the merger, the first first. */
    public List<Approval> history(Merger merger) {
        return jdbc.sql(SELECT + "where a.merger_id = :merger order by a.id")
                .param("merger", merger.id()).query(Approvals::approval).list();
    }

    /**
     * Approves the merger's latest plan, which must have {@code fingerprint}, be READY and have been computed from the
     * data as it is now. An approval in force of another plan is withdrawn by it (recorded so).
     */
    public Result approve(Merger merger, String fingerprint, Actor by, String typedComment, long run) {
        if (fingerprint == null || fingerprint.isBlank()) {
            return new Result.Refused(Reason.of("approve.fingerprint", merger.id()));
        }
        Optional<Reason> typed = typed(fingerprint, by.name(), typedComment);
        if (typed.isPresent()) {
            return new Result.Refused(typed.get());
        }
        String comment = Insz.maskedIn(typedComment);
        Optional<PlanStore.Latest> latest = store.latestPlan(merger);
        if (latest.isEmpty()) {
            return new Result.Refused(Reason.of("approve.unplanned", merger.id()));
        }
        PlanStore.Latest plan = latest.get();
        if (!plan.fingerprint().equals(fingerprint.strip())) {
            boolean older = store.latestWithFingerprint(merger, fingerprint.strip(), true).isPresent();
            return new Result.Refused(Reason.of(older ? "approve.not_latest" : "approve.not_a_plan",
                    Readable.shorten(fingerprint.strip()),
                    merger.id(), plan.fingerprint(), plan.createdAt().toLocalDate()));
        }
        if (plan.status() == PlanStatus.BLOCKED) {
            return new Result.Refused(Reason.of("approve.blocked", merger.id()));
        }
        if (plan.inputDigest() == null || !plan.inputDigest().equals(planner.inputDigest(merger))) {
            return new Result.Refused(Reason.of("approve.changed", merger.id(), plan.fingerprint()));
        }
        Optional<Approval> current = inForce(merger);
        if (current.isPresent() && current.get().fingerprint().equals(plan.fingerprint()) && !current.get().applied()) {
            return new Result.Recorded(current.get(), true);
        }
        long id = transaction.execute(tx -> {
            current.ifPresent(before -> withdrawRow(before, by, "superseded: plan " + plan.fingerprint() + " was approved", run));
            long approval = jdbc.sql("""
                            insert into approval (merger_id, plan_id, fingerprint, approved_by, approved_account, comment, run_id)
                            values (:merger, :plan, :fingerprint, :by, :account, :comment, :run) returning id""")
                    .param("merger", merger.id()).param("plan", plan.id()).param("fingerprint", plan.fingerprint())
                    .param("by", by.name()).param("account", by.accountKey()).param("comment", blankToNull(comment)).param("run", run)
                    .query(Long.class).single();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("merger", merger.id());
            after.put("plan", plan.id());
            after.put("fingerprint", plan.fingerprint());
            after.put("approved_by", by.name());
            after.put("approved_account", by.accountKey());
            after.put("comment", blankToNull(comment));
            audit(run, approval, be.ocmw.merge.audit.AuditAction.INSERT, null, after);
            return approval;
        });
        return new Result.Recorded(byId(id), false);
    }

    /** What is wrong with what the approver typed (a control character, a text too long), if anything. */
    private static Optional<Reason> typed(String fingerprint, String by, String comment) {
        return FreeText.SEARCH.problem("fingerprint", fingerprint)
                .or(() -> FreeText.NAME.problem("by", by))
                .or(() -> FreeText.COMMENT.problem("comment", comment));
    }

    /** Takes back the merger's approval in force. */
    public Result withdraw(Merger merger, Actor by, String typedComment, long run) {
        Optional<Reason> typed = typed(null, by.name(), typedComment);
        if (typed.isPresent()) {
            return new Result.Refused(typed.get());
        }
        String comment = Insz.maskedIn(typedComment);
        Optional<Approval> current = inForce(merger);
        if (current.isEmpty()) {
            return new Result.Refused(Reason.of("withdraw.none", merger.id()));
        }
        if (current.get().applied()) {
            return new Result.Refused(Reason.of("withdraw.applied", current.get().fingerprint(),
                    current.get().appliedAt().toLocalDate(), current.get().appliedBy()));
        }
        transaction.executeWithoutResult(tx -> withdrawRow(current.get(), by, blankToNull(comment), run));
        return new Result.Recorded(byId(current.get().id()), false);
    }

    private void withdrawRow(Approval approval, Actor by, String comment, long run) {
        jdbc.sql("""
                        update approval set withdrawn_by = :by, withdrawn_account = :account, withdrawn_at = now(),
                                            withdraw_comment = :comment
                        where id = :id""")
                .param("by", by.name()).param("account", by.accountKey()).param("comment", comment).param("id", approval.id()).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("fingerprint", approval.fingerprint());
        before.put("approved_by", approval.approvedBy());
        before.put("in_force", true);
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("in_force", false);
        after.put("withdrawn_by", by.name());
        after.put("withdrawn_account", by.accountKey());
        after.put("comment", comment);
        audit(run, approval.id(), be.ocmw.merge.audit.AuditAction.UPDATE, before, after);
    }

    private void audit(long run, long approval, be.ocmw.merge.audit.AuditAction action, Map<String, Object> before, Map<String, Object> after) {
        store.audit(run, "approval", Long.toString(approval), action, before, after);
    }

    private Approval byId(long id) {
        return jdbc.sql(SELECT + "where a.id = :id").param("id", id).query(Approvals::approval).single();
    }

    private static Approval approval(ResultSet rs, int n) throws SQLException {
        return new Approval(rs.getLong("id"), rs.getString("merger_id"), rs.getLong("plan_id"), rs.getString("fingerprint"),
                actor(rs, "approved_by", "approved_account"), rs.getObject("approved_at", OffsetDateTime.class),
                rs.getString("comment"), actor(rs, "withdrawn_by", "withdrawn_account"),
                rs.getObject("withdrawn_at", OffsetDateTime.class), rs.getString("withdraw_comment"),
                actor(rs, "applied_by", "applied_account"), rs.getObject("applied_at", OffsetDateTime.class));
    }

    /** The actor of a name column and its account column; null when neither holds anything. */
    static Actor actor(ResultSet rs, String name, String account) throws SQLException {
        return Actor.stored(rs.getString(name), rs.getString(account));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
