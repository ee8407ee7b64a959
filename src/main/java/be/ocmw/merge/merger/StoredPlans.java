package be.ocmw.merge.merger;

import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.finding.Findings;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.model.PlannedRows;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.merger.report.ReportRows;
import be.ocmw.merge.merger.planning.Planner;
import be.ocmw.merge.merger.store.PlanStore;

import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a merger stands, read back from the plans stored by {@code plan} and {@code apply}: the latest one with
 * its findings, checklist and administrators, in the reader's language. Reads only.
 */
@Component
public class StoredPlans {

    private final JdbcClient jdbc;
    private final PlanStore store;
    private final Findings findings;
    private final PlannedRows.Administrators administrators;
    private final Approvals approvals;
    private final Planner planner;
    private final Optional<OpenDrift> drift;
    private final Checklist checklist;

    StoredPlans(JdbcClient jdbc, PlanStore store, Findings findings, PlannedRows.Administrators administrators,
                Approvals approvals, Planner planner, Optional<OpenDrift> drift, Checklist checklist) {
        this.checklist = checklist;
        this.approvals = approvals;
        this.planner = planner;
        this.drift = drift;
        this.jdbc = jdbc;
        this.store = store;
        this.findings = findings;
        this.administrators = administrators;
    }

    /**
     * Where a merger stands (SPEC 5), the same on every page and in {@code status}: its latest plan or apply
     * ({@code planId}, {@code mode}, {@code fingerprint}, {@code at}, its {@code blocking} findings), the approval in
     * force, whether it was ever applied, and the drift a reconciliation found since.
     */
    public record Standing(Status status, Long planId, RunMode mode, String fingerprint, OffsetDateTime at, int blocking,
                           Approval approval, boolean applied, int drift) {

        /** No plan stored yet. */
        public static final Standing NONE = new Standing(Status.NO_PLAN, null, null, null, null, 0, null, false, 0);

        /**
         * NO_PLAN; the latest plan READY, OUT_OF_DATE (its inputs changed since), BLOCKED, APPROVED or
         * APPROVAL_OUT_OF_DATE (approved, and its inputs changed since); APPLYING (an apply under way or interrupted);
         * APPLIED (the latest run was an apply) or DRIFT (applied, and the reconciliation found drift since).
         */
        public enum Status {
            NO_PLAN, READY, OUT_OF_DATE, BLOCKED, APPROVED, APPROVAL_OUT_OF_DATE, APPLYING, APPLIED, DRIFT;

            /** The words of the console: {@code plan READY}, {@code approval out of date}. */
            public String english() {
                return switch (this) {
                    case NO_PLAN -> "not planned";
                    case READY -> "plan READY (to approve)";
                    case OUT_OF_DATE -> "plan out of date (its inputs changed: plan again)";
                    case BLOCKED -> "plan BLOCKED";
                    case APPROVED -> "approved (to apply)";
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

    public record Finding(String severity, String code, String title, String subject, String detail, String todo) {
    }

    /** A task of the checklist, in the reader's words; {@code done} who ticked it when (null: still to do). */
    public record Task(String code, LocalDate due, String text, Checklist.Tick done) {

        /** Not done and its day has passed. */
        public boolean overdue(LocalDate today) {
            return done == null && due.isBefore(today);
        }
    }

    public record Administrator(String domain, String role, String username, String name, String insz, String email,
                                String action) {
    }

    /**
     * The latest stored plan of a merger, as a coordinator reads it. {@code planned}: for an apply, the summary of the
     * plan it executed (what was predicted); null for a plan.
     */
    public record View(Standing standing, PlanCounts counts, PlanCounts planned, List<Finding> findings,
                       List<Task> tasks, List<Administrator> administrators) {

        /** Each count in summary order: its message key, the value, and for an apply what the plan predicted (or null). */
        public List<CountRow> countRows() {
            PlanCounts done = counts;
            PlanCounts predicted = planned;
            return java.util.Arrays.stream(be.ocmw.merge.merger.model.Count.values())
                    .filter(c -> done.has(c) || (predicted != null && predicted.has(c)))
                    .map(c -> new CountRow("count." + c.qualifiedKey(), done.has(c) ? done.get(c) : null,
                            predicted == null || !predicted.has(c) ? null : predicted.get(c)))
                    .toList();
        }

        public boolean comparesWithPlan() {
            return planned != null;
        }
    }

    /** One figure of a view: {@code planned} what the approved plan predicted, beside {@code value} what was done. */
    public record CountRow(String key, Integer value, Integer planned) {

        public boolean differs() {
            return planned != null && !planned.equals(value);
        }
    }

    /** Whether an apply of the merger finished. */
    public boolean applied(Merger merger) {
        return store.applied(merger);
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
        Standing.Status status;
        if (latest.mode() == RunMode.APPLY) {
            status = latest.status() == PlanStatus.READY ? Standing.Status.APPLYING
                    : drift > 0 ? Standing.Status.DRIFT : Standing.Status.APPLIED;
        } else if (latest.status() == PlanStatus.BLOCKED) {
            status = Standing.Status.BLOCKED;
        } else {
            // the input digest says whether what the plan was computed from is still what there is
            boolean current = latest.inputDigest() != null && latest.inputDigest().equals(planner.inputDigest(merger));
            // approved: the approval in force is of this very plan's content (a plan computed again gives it back)
            boolean approved = approval != null && approval.fingerprint().equals(latest.fingerprint()) && !approval.applied();
            status = approved ? (current ? Standing.Status.APPROVED : Standing.Status.APPROVAL_OUT_OF_DATE)
                    : current ? Standing.Status.READY : Standing.Status.OUT_OF_DATE;
        }
        return new Standing(status, latest.id(), latest.mode(), latest.fingerprint(), latest.at(), blocking, approval,
                latest.applied(), drift);
    }

    /** The checklist of the latest plan, with what was ticked; empty before the first plan. */
    public List<Task> tasks(Merger merger, Standing standing, ReportText text) {
        return standing.planned() ? tasks(merger, standing.planId(), text) : List.of();
    }

    /**
     * The checklist of the merger's latest plan or apply (the one its page shows), without working out its standing:
     * what a tick checks its task against.
     */
    public List<Task> latestTasks(Merger merger, ReportText text) {
        return latestId(merger).map(id -> tasks(merger, id, text)).orElse(List.of());
    }

    /** The merger's latest plan or apply, without working out its standing (which hashes every input row). */
    private Optional<Long> latestId(Merger merger) {
        return jdbc.sql("""
                        select id from plan where merger_id = :merger and mode in ('PLAN', 'APPLY')
                        order by id desc limit 1""")
                .param("merger", merger.id()).query(Long.class).optional();
    }

    /** The first task still to do, by its due date (it may be overdue). */
    public static Optional<Task> nextTask(List<Task> tasks) {
        return tasks.stream().filter(t -> t.done() == null).min(Comparator.comparing(Task::due));
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
        Applied applied = jdbc.sql("""
                        select created_by_run, created_at, applied_by from plan
                        where merger_id = :merger and mode = 'APPLY' and status = 'APPLIED' order by id desc limit 1""")
                .param("merger", merger.id())
                .query((rs, n) -> new Applied(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
                .optional().orElse(null);
        return Optional.of(new Cited(row.id(), row.rows(), row.rowsRun(), row.mode(), row.status(), row.fingerprint(),
                row.at(), row.run(), approval, applied));
    }

    /** The latest plan of the merger in the reader's language, INSZ masked unless {@code fullInsz}. */
    public Optional<View> latest(Merger merger, ReportText text, boolean fullInsz) {
        Standing standing = standing(merger);
        if (!standing.planned()) {
            return Optional.empty();
        }
        return Optional.of(view(merger, standing, standing.planId(), text, fullInsz));
    }

    /** Stored plan {@code id} of the merger (the approved one, say) in the reader's language, beside its standing. */
    public View view(Merger merger, Standing standing, long id, ReportText text, boolean fullInsz) {
        PlanCounts counts = store.summary(id).counts();
        List<Finding> findings = ReportRows.ordered(store.findings(id)).stream()
                .map(f -> new Finding(f.severity().name(), f.code(), text.get("finding." + f.code() + ".title"),
                        f.subject() == null ? "" : f.subject(), f.detail(text), f.todo(text)))
                .toList();
        List<Administrator> administrators = this.administrators.of(store.changesOf(id)).stream()
                // the role as the portal and the reports write it (co-HTB, not CO_HTB)
                .map(a -> new Administrator(a.domain(),
                        a.role().label(),
                        a.username(),
                        String.join(" ", java.util.stream.Stream.of(a.firstName(), a.lastName()).filter(java.util.Objects::nonNull)
                                .toList()), ReportRows.insz(a.insz(), fullInsz), a.email(),
                        text.get("action." + (a.created() ? "CREATE" : "UPDATE"))))
                .toList();
        // an apply's figures are what was done: beside them, what the approved plan it executed predicted
        PlanCounts planned = standing.mode() == RunMode.APPLY && standing.planId() != null && standing.planId() == id
                && standing.approval() != null && standing.approval().planId() != id
                ? store.summary(standing.approval().planId()).counts() : null;
        return new View(standing, counts, planned, findings, tasks(merger, id, text), administrators);
    }

    private List<Task> tasks(Merger merger, long planId, ReportText text) {
        Map<String, Checklist.Tick> ticks = checklist.ticks(merger);
        return store.tasks(planId).stream()
                .map(t -> new Task(t.code(), t.due(), ReportRows.taskText(t, merger, text), ticks.get(t.code())))
                // the checklist in date order (a stable sort: tasks of one day keep the plan's order)
                .sorted(java.util.Comparator.comparing(Task::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }
}
