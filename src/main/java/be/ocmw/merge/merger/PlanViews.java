package be.ocmw.merge.merger;

import be.ocmw.merge.merger.StoredPlans.Standing;
import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.model.PlannedRows;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.merger.report.ReportRows;
import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.merger.store.StoredSummary;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A stored plan as a coordinator reads it, in the reader's language: its figures (beside the approved plan's for an
 * apply), findings, checklist with its ticks, and the administrators it gives the merged OCMW. Where the merger
 * stands comes from {@link StoredPlans}. Reads only.
 */
@Component
public class PlanViews {

    public record Finding(String severity, String code, String title, String subject, String detail, String todo) {
    }

    /** A task of the checklist, in the reader's words; {@code done} who ticked it when (null: still to do). */
    public record Task(String code, LocalDate due, String text, Checklist.Tick done, String doneByEngine) {

        public Task(String code, LocalDate due, String text, Checklist.Tick done) {
            this(code, due, text, done, null);
        }

        /** Not ticked, and not known to be done by the engine ({@code doneByEngine} says how it knows). */
        public boolean open() {
            return done == null && doneByEngine == null;
        }

        /** Still to do and its day has passed. */
        public boolean overdue(LocalDate today) {
            return open() && due.isBefore(today);
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
                       List<Task> tasks, List<ReportRows.CorrectionRow> corrections, List<Administrator> administrators) {

        /** Each count in summary order: its message key, the value, and for an apply what the plan predicted (or null). */
        public List<CountRow> countRows() {
            return Arrays.stream(Count.values())
                    .filter(c -> counts.has(c) || (planned != null && planned.has(c)))
                    .map(c -> new CountRow("count." + c.qualifiedKey(), counts.has(c) ? counts.get(c) : null,
                            planned == null || !planned.has(c) ? null : planned.get(c)))
                    .toList();
        }

        /** The dossiers after E under an old KBO that the plan lists and leaves to people: an open item, not drift. */
        public int leftToPeople() {
            return counts.get(Count.DOSSIERS_AFTER_CUTOVER);
        }

        /** The first task still to do, by its due date (it may be overdue). */
        public Optional<Task> nextTask() {
            return PlanViews.nextTask(tasks);
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

    private final StoredPlans plans;
    private final PlanStore store;
    private final PlannedRows.Administrators administrators;
    private final PlanChecklist checklist;
    private final PlannedRows.Corrections corrections;

    PlanViews(StoredPlans plans, PlanStore store, PlannedRows.Administrators administrators, PlanChecklist checklist,
              PlannedRows.Corrections corrections) {
        this.corrections = corrections;
        this.plans = plans;
        this.store = store;
        this.administrators = administrators;
        this.checklist = checklist;
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
        return plans.latestId(merger).map(id -> tasks(merger, id, text)).orElse(List.of());
    }

    /** The first task still to do, by its due date (it may be overdue). */
    public static Optional<Task> nextTask(List<Task> tasks) {
        return tasks.stream().filter(Task::open).min(Comparator.comparing(Task::due));
    }

    /** The latest plan of the merger in the reader's language, INSZ masked unless {@code fullInsz}. */
    public Optional<View> latest(Merger merger, ReportText text, boolean fullInsz) {
        Standing standing = plans.standing(merger);
        if (!standing.planned()) {
            return Optional.empty();
        }
        return Optional.of(view(merger, standing, standing.planId(), text, fullInsz));
    }

    /** Stored plan {@code id} of the merger (the approved one, say) in the reader's language, beside its standing. */
    public View view(Merger merger, Standing standing, long id, ReportText text, boolean fullInsz) {
        StoredSummary summary = store.summary(id);
        // an apply's figures are what it did, as its reports say, beside what the plan it executed predicted: the
        // same figures as apply.html and summary.json, read from what the apply stored with them
        PlanCounts counts = summary.didAsReported().orElse(summary.counts());
        List<Finding> findings = ReportRows.ordered(store.findings(id)).stream()
                .map(f -> new Finding(f.severity().name(), f.code(), text.get("finding." + f.code() + ".title"),
                        f.subject() == null ? "" : f.subject(), f.detail(text), f.todo(text)))
                .toList();
        List<Administrator> administrators = this.administrators.of(store.changesOf(id)).stream()
                // the role as the portal and the reports write it (co-HTB, not CO_HTB)
                .map(a -> new Administrator(a.domain(),
                        a.role().label(),
                        a.username(),
                        String.join(" ", Stream.of(a.firstName(), a.lastName()).filter(Objects::nonNull)
                                .toList()), ReportRows.insz(a.insz(), fullInsz), a.email(),
                        text.get("action." + (a.created() ? "CREATE" : "UPDATE"))))
                .toList();
        PlanCounts planned = summary.done().isPresent() ? summary.counts()
                // an apply still writing its reports: what the approved plan predicted
                : standing.mode() == RunMode.APPLY && standing.planId() != null && standing.planId() == id
                && standing.approval() != null && standing.approval().planId() != id
                ? store.summary(standing.approval().planId()).counts() : null;
        return new View(standing, counts, planned, findings, tasks(merger, id, text),
                ReportRows.corrections(corrections.of(store.changesOf(id)), text, fullInsz), administrators);
    }

    private List<Task> tasks(Merger merger, long planId, ReportText text) {
        return checklist.of(merger, planId, text);
    }
}
