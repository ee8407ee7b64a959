package be.ocmw.merge.merger;

import be.ocmw.merge.finding.Findings;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.merger.planning.Planner;
import be.ocmw.merge.merger.store.PlanStore;

import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Where a merger stands, read back from the plans stored by {@code plan} and {@code apply}: its latest plan or apply,
 * the approval in force, whether it was applied, and what a person's explanation cites. How a stored plan reads in
 * the reader's language is {@link PlanViews}. Reads only.
 */
@Component
public class StoredPlans {

    private final JdbcClient jdbc;
    private final PlanStore store;
    private final Findings findings;
    private final Approvals approvals;
    private final Planner planner;
    private final Optional<OpenDrift> drift;

    StoredPlans(JdbcClient jdbc, PlanStore store, Findings findings, Approvals approvals, Planner planner,
                Optional<OpenDrift> drift) {
        this.approvals = approvals;
        this.planner = planner;
        this.drift = drift;
        this.jdbc = jdbc;
        this.store = store;
        this.findings = findings;
    }

    /**
     * Where a merger stands (SPEC 5), the same on every page and in {@code status}: its latest plan or apply
     * ({@code planId}, {@code mode}, {@code fingerprint}, {@code at}, its {@code blocking} findings), the approval in
     * force, whether it was ever applied, the drift a reconciliation found since, and for a plan computed after the
     * apply how many things it does ({@code toDo}; 0 otherwise).
     */
    public record Standing(Status status, Long planId, RunMode mode, String fingerprint, OffsetDateTime at, int blocking,
                           Approval approval, boolean applied, int drift, int toDo) {

        /** No plan stored yet. */
        public static final Standing NONE = new Standing(Status.NO_PLAN, null, null, null, null, 0, null, false, 0, 0);

        /** Applied, and planned again since: the latest plan changes nothing, so there is nothing to approve. */
        public boolean replannedWithNothingToDo() {
            return applied && mode == RunMode.PLAN && toDo == 0 && (status == Status.APPLIED || status == Status.DRIFT);
        }

        /** Applied, and planned again since with something to do: a new plan to read and approve. */
        public boolean replannedWithChanges() {
            return applied && mode == RunMode.PLAN && toDo > 0;
        }

        /** The approval in force is of the plan this standing shows (not of an earlier one, applied or not). */
        public boolean approvalOfShownPlan() {
            return approval != null && approval.fingerprint().equals(fingerprint);
        }

        /**
         * NO_PLAN; the latest plan READY, OUT_OF_DATE (its inputs changed since), BLOCKED, APPROVED or
         * APPROVAL_OUT_OF_DATE (approved, and its inputs changed since); APPLYING (an apply under way or interrupted);
         * APPLIED (the latest run was an apply, or a plan since that changes nothing) or DRIFT (applied, and the
         * reconciliation found drift since).
         */
        public enum Status {
            NO_PLAN, READY, OUT_OF_DATE, BLOCKED, APPROVED, SCHEDULED, APPROVAL_OUT_OF_DATE, APPLYING, APPLIED, DRIFT;

            /** The words of the console: {@code plan READY}, {@code approval out of date}. */
            public String english() {
                return switch (this) {
                    case NO_PLAN -> "not planned";
                    case READY -> "plan READY (to approve)";
                    case OUT_OF_DATE -> "plan out of date (its inputs changed: plan again)";
                    case BLOCKED -> "plan BLOCKED";
                    case APPROVED -> "approved (to apply)";
                    case SCHEDULED -> "approved and scheduled (serve applies it at the time; apply --cancel cancels it)";
                    case APPROVAL_OUT_OF_DATE -> "approved, but out of date (its inputs changed: plan and approve again)";
                    case APPLYING -> "apply under way or interrupted (run apply again)";
                    case APPLIED -> "applied";
                    case DRIFT -> "applied, drift since (see reconcile)";
                };
            }
        }

        public boolean planned() {
            return planId != null;
        }
    }

    /** Whether an apply of the merger finished. */
    public boolean applied(Merger merger) {
        return store.applied(merger);
    }

    /** The run of the merger's latest finished apply; empty when it was never applied. */
    public Optional<Long> lastApplyRun(Merger merger) {
        return lastApply(merger).map(Applied::run);
    }

    /** The merger's latest finished apply: its run, when it was stored, and who executed it. */
    private Optional<Applied> lastApply(Merger merger) {
        return jdbc.sql("""
                        select created_by_run, created_at, applied_by from plan
                        where merger_id = :merger and mode = 'APPLY' and status = 'APPLIED' order by id desc limit 1""")
                .param("merger", merger.id())
                .query((rs, n) -> new Applied(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
                .optional();
    }

    public Standing standing(Merger merger) {
        record Latest(long id, RunMode mode, PlanStatus status, String fingerprint, OffsetDateTime at, String inputDigest,
                      boolean applied, OffsetDateTime lastApply) {
        }
        Optional<Latest> found = jdbc.sql("""
                        select p.id, p.mode, p.status, p.fingerprint, p.created_at, p.input_digest,
                               (select max(a.created_at) from plan a where a.merger_id = p.merger_id and a.mode = 'APPLY'
                                                                       and a.status = 'APPLIED') as last_apply
                        from plan p where p.merger_id = :merger and p.mode in ('PLAN', 'APPLY')
                        order by p.id desc limit 1""")
                .param("merger", merger.id())
                .query((rs, n) -> new Latest(rs.getLong("id"), RunMode.valueOf(rs.getString("mode")),
                        PlanStatus.valueOf(rs.getString("status")), rs.getString("fingerprint"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("input_digest"),
                        rs.getObject("last_apply") != null, rs.getObject("last_apply", OffsetDateTime.class)))
                .optional();
        if (found.isEmpty()) {
            return Standing.NONE;
        }
        Latest latest = found.get();
        Approval approval = approvals.inForce(merger).orElse(null);
        int blocking = findings.blockingOf(List.of(latest.id())).getOrDefault(latest.id(), 0);
        int drift = latest.applied() ? this.drift.map(d -> d.openSince(merger, latest.lastApply())).orElse(0) : 0;
        // what a plan since the apply does (only then does it decide the standing and what the page says)
        int toDo = latest.mode() == RunMode.PLAN && latest.applied() ? toDo(latest.id()) : 0;
        Standing.Status status;
        if (latest.mode() == RunMode.APPLY) {
            status = latest.status() == PlanStatus.READY ? Standing.Status.APPLYING
                    : drift > 0 ? Standing.Status.DRIFT : Standing.Status.APPLIED;
        } else if (latest.status() == PlanStatus.BLOCKED) {
            status = Standing.Status.BLOCKED;
        } else if (latest.applied() && toDo == 0) {
            // planned again after the apply, and nothing is left to do: applied it stays, with nothing to approve
            status = drift > 0 ? Standing.Status.DRIFT : Standing.Status.APPLIED;
        } else {
            // the input digest says whether what the plan was computed from is still what there is
            boolean current = latest.inputDigest() != null && latest.inputDigest().equals(planner.inputDigest(merger));
            // approved: the approval in force is of this very plan's content (a plan computed again gives it back)
            boolean approved = approval != null && approval.fingerprint().equals(latest.fingerprint()) && !approval.applied();
            status = approved ? (current ? Standing.Status.APPROVED : Standing.Status.APPROVAL_OUT_OF_DATE)
                    : current ? Standing.Status.READY : Standing.Status.OUT_OF_DATE;
            if (status == Standing.Status.APPROVED && scheduled(merger)) {
                status = Standing.Status.SCHEDULED;
            }
        }
        return new Standing(status, latest.id(), latest.mode(), latest.fingerprint(), latest.at(), blocking, approval,
                latest.applied(), drift, toDo);
    }

    /** Whether an apply of the merger waits for its time (SPEC 5.8). */
    private boolean scheduled(Merger merger) {
        return jdbc.sql("select exists (select 1 from apply_schedule where merger_id = :m and status in ('SCHEDULED', 'RUNNING'))")
                .param("m", merger.id()).query(Boolean.class).single();
    }

    /**
     * What stored plan {@code id} does ({@link be.ocmw.merge.merger.model.PlanCounts#toDo}); when its counts say
     * nothing, the parts are asked whether it stores any change at all (an organisation's, which is not counted), as 1
     * if so.
     */
    private int toDo(long id) {
        int counted = store.summary(id).counts().toDo();
        if (counted > 0) {
            return counted;
        }
        long rows = store.changesOf(id);
        return planner.parts().stream().anyMatch(part -> !part.storedChanges(rows).isEmpty()) ? 1 : 0;
    }

    /** The merger's latest plan or apply, without working out its standing (which hashes every input row). */
    Optional<Long> latestId(Merger merger) {
        return jdbc.sql("""
                        select id from plan where merger_id = :merger and mode in ('PLAN', 'APPLY')
                        order by id desc limit 1""")
                .param("merger", merger.id()).query(Long.class).optional();
    }

    /** The stored rows (dossiers, requests) of the merger's latest plan or apply: its own, or the plan's it shares. */
    public Optional<Long> latestRows(Merger merger) {
        return latestId(merger).map(store::changesOf);
    }

    /**
     * The merger's latest plan or apply as an explanation cites it: {@code rows} the plan whose changes it holds (its own,
     * or the plan it executed) and {@code rowsRun} the run that computed them (what the plan saw is what was there
     * before that run); the approval of its fingerprint (null: none), and the last apply that finished (null: none).
     */
    public record Cited(long id, long rows, long rowsRun, RunMode mode, PlanStatus status, String fingerprint,
                        OffsetDateTime at, long run, Approval approval, Applied applied) {
    }

    /** A finished apply: its run, when it was stored, and who executed it. */
    public record Applied(long run, OffsetDateTime at, String by) {
    }

    /** The approval that apply run {@code run} of the merger carried out, if it did carry one out. */
    public Optional<Approval> approvalAppliedBy(Merger merger, long run) {
        Optional<Long> id = jdbc.sql("""
                        select approval_id from plan where merger_id = :merger and mode = 'APPLY' and created_by_run = :run
                          and approval_id is not null order by id desc limit 1""")
                .param("merger", merger.id()).param("run", run).query(Long.class).optional();
        return id.flatMap(approval -> approvals.history(merger).stream().filter(a -> a.id() == approval).findFirst());
    }

    /** The merger's latest plan or apply with its approval and the last finished apply; empty before the first plan. */
    public Optional<Cited> cited(Merger merger) {
        record Row(long id, long rows, long rowsRun, RunMode mode, PlanStatus status, String fingerprint, OffsetDateTime at,
                   long run, Long approvalId) {
        }
        Optional<Row> latest = jdbc.sql("""
                        select p.id, r.id as rows, r.created_by_run as rows_run, p.mode, p.status, p.fingerprint, p.created_at,
                               p.created_by_run, p.approval_id
                        from plan p join plan r on r.id = coalesce(p.changes_of, p.id)
                        where p.merger_id = :merger and p.mode in ('PLAN', 'APPLY') order by p.id desc limit 1""")
                .param("merger", merger.id())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("rows"), rs.getLong("rows_run"),
                        RunMode.valueOf(rs.getString("mode")), PlanStatus.valueOf(rs.getString("status")),
                        rs.getString("fingerprint"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getLong("created_by_run"), (Long) rs.getObject("approval_id")))
                .optional();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Row row = latest.get();
        // an apply names the approval it executed; a plan has the latest approval of its content, if any
        Approval approval = approvals.history(merger).stream()
                .filter(a -> row.approvalId() != null ? a.id() == row.approvalId() : a.fingerprint().equals(row.fingerprint()))
                .reduce((first, second) -> second).orElse(null);
        Applied applied = lastApply(merger).orElse(null);
        return Optional.of(new Cited(row.id(), row.rows(), row.rowsRun(), row.mode(), row.status(), row.fingerprint(),
                row.at(), row.run(), approval, applied));
    }

}
