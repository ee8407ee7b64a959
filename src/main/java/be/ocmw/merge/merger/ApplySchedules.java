package be.ocmw.merge.merger;

import be.ocmw.merge.domain.Actor;
import be.ocmw.merge.audit.AuditAction;
import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies scheduled for a moment (SPEC 5.8): an operator schedules the approved plan (four eyes holds for who
 * schedules, as for who applies), and {@code serve} runs it once at that time; the schedule can be cancelled until
 * then. Each act is audited. At most one schedule waits per merger.
 */
@Component
public class ApplySchedules {

    /** What a schedule is now. */
    public enum State { SCHEDULED, RUNNING, DONE, REFUSED, FAILED, CANCELLED }

    /** A schedule of the approved plan {@code fingerprint} of a merger, for {@code at}, made by {@code by}. */
    public record Schedule(long id, String merger, long approval, String fingerprint, OffsetDateTime at, Actor scheduler,
                           State state, boolean late, String outcome, OffsetDateTime firedAt) {

        /** The name it was scheduled by (the apply runs for them, from their account). */
        public String by() {
            return scheduler.name();
        }
    }

    private final JdbcClient jdbc;
    private final ApplyApproval approvals;
    private final PlanStore store;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ApplySchedules(JdbcClient jdbc, ApplyApproval approvals, PlanStore store, Clock clock,
                   PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.store = store;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Schedules the approved plan ({@code fingerprint}: the one asked for, which must be it) for {@code at}; refused
     * with the reason when there is no approval it may execute, when {@code by} approved it, when {@code at} is not in
     * the future or before the effective date, or when a schedule is waiting already.
     */
    public Schedule schedule(Merger merger, String fingerprint, OffsetDateTime at, Actor by, long run) {
        Approval approval = approvals.approvedFor(merger, fingerprint, by);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!at.isAfter(now)) {
            throw new PlanRefusedException(Reason.of("schedule.past", merger.id(), be.ocmw.merge.reporting.Times.moment(at)));
        }
        if (at.atZoneSameInstant(be.ocmw.merge.reporting.Times.BELGIUM).toLocalDate().isBefore(merger.effectiveDate())) {
            throw new PlanRefusedException(Reason.of("schedule.before_effective", merger.id(),
                    be.ocmw.merge.reporting.Times.moment(at), merger.effectiveDate()));
        }
        Optional<Schedule> waiting = waiting(merger);
        if (waiting.isPresent()) {
            throw new PlanRefusedException(Reason.of("schedule.waiting", merger.id(),
                    be.ocmw.merge.reporting.Times.moment(waiting.get().at()), waiting.get().by()));
        }
        return transactions.execute(tx -> {
            long id = jdbc.sql("""
                            insert into apply_schedule (merger_id, approval_id, fingerprint, at, scheduled_by,
                                                        scheduled_account, run_id)
                            values (:merger, :approval, :fingerprint, :at, :by, :account, :run) returning id""")
                    .param("merger", merger.id()).param("approval", approval.id()).param("fingerprint", approval.fingerprint())
                    .param("at", at).param("by", by.name()).param("account", by.accountKey()).param("run", run).query(Long.class).single();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("merger", merger.id());
            after.put("fingerprint", approval.fingerprint());
            after.put("at", at.toString());
            after.put("scheduled_by", by.name());
            after.put("scheduled_account", by.accountKey());
            store.audit(run, "apply_schedule", Long.toString(id), AuditAction.INSERT, null, after);
            return find(id).orElseThrow();
        });
    }

    /** Cancels the merger's waiting schedule; refused when there is none. */
    public Schedule cancel(Merger merger, Actor by, long run) {
        Schedule waiting = waiting(merger).filter(s -> s.state() == State.SCHEDULED)
                .orElseThrow(() -> new PlanRefusedException(Reason.of("schedule.none", merger.id())));
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                            update apply_schedule set status = 'CANCELLED', cancelled_by = :by, cancelled_account = :account
                            where id = :id and status = 'SCHEDULED'""")
                    .param("by", by.name()).param("account", by.accountKey()).param("id", waiting.id()).update();
            Map<String, Object> before = Map.of("status", "SCHEDULED");
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", "CANCELLED");
            after.put("cancelled_by", by.name());
            after.put("cancelled_account", by.accountKey());
            store.audit(run, "apply_schedule", Long.toString(waiting.id()), AuditAction.UPDATE, before, after);
        });
        return find(waiting.id()).orElseThrow();
    }

    /** The merger's schedule waiting to run (or running), if any. */
    public Optional<Schedule> waiting(Merger merger) {
        return jdbc.sql(SELECT + " where merger_id = :merger and status in ('SCHEDULED', 'RUNNING')")
                .param("merger", merger.id()).query(ApplySchedules::schedule).optional();
    }

    /** The merger's latest schedule, whatever became of it. */
    public Optional<Schedule> latest(Merger merger) {
        return jdbc.sql(SELECT + " where merger_id = :merger order by id desc limit 1")
                .param("merger", merger.id()).query(ApplySchedules::schedule).optional();
    }

    /** The next schedule due of any merger, for the health. */
    public Optional<Schedule> next() {
        return jdbc.sql(SELECT + " where status = 'SCHEDULED' order by at limit 1").query(ApplySchedules::schedule).optional();
    }

    /**
     * Takes a schedule that is due now for this node: marked RUNNING in its own transaction, so that of several
     * {@code serve} nodes only one takes it. Empty when none is due.
     */
    public Optional<Schedule> claimDue() {
        return transactions.execute(tx -> {
            Optional<Long> id = jdbc.sql("""
                            select id from apply_schedule
                            where (status = 'SCHEDULED' and at <= :now)
                               -- a node stopped mid-apply: taken again (the apply resumes; one still at it holds its lock)
                               or (status = 'RUNNING' and fired_at < :now - interval '2 minutes')
                            order by at limit 1 for update skip locked""")
                    .param("now", OffsetDateTime.now(clock)).query(Long.class).optional();
            id.ifPresent(found -> jdbc.sql("""
                            update apply_schedule set status = 'RUNNING', fired_at = :now,
                                   late = :now > at + interval '5 minutes' where id = :id""")
                    .param("now", OffsetDateTime.now(clock)).param("id", found).update());
            return id.flatMap(this::find);
        });
    }

    /** What became of a schedule that ran: done, refused (and why) or failed; audited. */
    public void finish(Schedule schedule, State state, String outcome, Long applyRun, long run) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("update apply_schedule set status = :state, outcome = :outcome, apply_run = :applyRun where id = :id")
                    .param("state", state.name()).param("outcome", outcome).param("applyRun", applyRun, java.sql.Types.BIGINT)
                    .param("id", schedule.id()).update();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", state.name());
            after.put("outcome", outcome);
            after.put("late", schedule.late());
            store.audit(run, "apply_schedule", Long.toString(schedule.id()), AuditAction.UPDATE, Map.of("status", "RUNNING"), after);
        });
    }

    private Optional<Schedule> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ApplySchedules::schedule).optional();
    }

    private static final String SELECT = """
            select id, merger_id, approval_id, fingerprint, at, scheduled_by, scheduled_account, status, late, outcome, fired_at
            from apply_schedule""";

    private static Schedule schedule(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Schedule(rs.getLong("id"), rs.getString("merger_id"), rs.getLong("approval_id"), rs.getString("fingerprint"),
                rs.getObject("at", OffsetDateTime.class), Approvals.actor(rs, "scheduled_by", "scheduled_account"), State.valueOf(rs.getString("status")),
                rs.getBoolean("late"), rs.getString("outcome"), rs.getObject("fired_at", OffsetDateTime.class));
    }

    /** @return the schedules of the merger, newest first (its history) */
    public List<Schedule> of(Merger merger) {
        return jdbc.sql(SELECT + " where merger_id = :merger order by id desc").param("merger", merger.id())
                .query(ApplySchedules::schedule).list();
    }
}
