package be.ocmw.merge.merger.report;

import be.ocmw.merge.batch.Rejection;
import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.model.PlannedRows;
import be.ocmw.merge.merger.model.RunMode;

import java.time.LocalDate;
import java.util.List;

/**
 * The report model: everything the workbook, the page and summary.json of a plan or an apply show, built once by
 * {@link PlanReports}. The writers format it and read nothing else. {@code reviews}: what each OCMW's review decided. {@code rows} is the stored plan whose dossiers and
 * requests are listed (null: the plan was not stored, it lists none); those are streamed from {@code dossiers} and
 * {@code requests}, being too many to hold.
 */
public record PlanReport(MergerPlan plan, Long rows, RunMode mode, PlanStatus status, ReportOptions options,
                         PlannedRows.Dossiers dossiers, PlannedRows.Requests requests, List<Rejection> rejected,
                         LocalDate generated, java.util.Map<String, be.ocmw.merge.merger.Checklist.Tick> ticks,
                         List<be.ocmw.merge.intake.Designations.ReviewTally> reviews) {

    public PlanReport {
        rejected = List.copyOf(rejected);
        ticks = java.util.Map.copyOf(ticks);
        reviews = List.copyOf(reviews);
    }

    /** The same report, written with {@code other} options (its other language). */
    public PlanReport withOptions(ReportOptions other) {
        return new PlanReport(plan, rows, mode, status, other, dossiers, requests, rejected, generated, ticks, reviews);
    }

    /** Who ticked the task done and when, as the report says it ("" while it is still to do). */
    public String done(String task, be.ocmw.merge.reporting.ReportText text) {
        var tick = ticks.get(task);
        return tick == null ? "" : text.get("task.done_by", tick.by(), be.ocmw.merge.reporting.ReportText.dateTime(tick.at()));
    }

    /** How many persons (distinct INSZ) the report names: its accounts, their changes and its dossiers. */
    public long persons() {
        java.util.Set<String> insz = new java.util.HashSet<>();
        plan.changes().stream().map(change -> change.detail().get("insz")).filter(java.util.Objects::nonNull)
                .forEach(value -> insz.add(String.valueOf(value)));
        plan.accounts().stream().map(MergerPlan.TargetAccount::insz).filter(java.util.Objects::nonNull)
                .forEach(value -> insz.add(value.digits()));
        if (rows != null) {
            dossiers.persons(rows, insz::add);
        }
        return insz.size();
    }

    public int dossierCount() {
        return rows == null ? 0 : dossiers.count(rows);
    }
}
