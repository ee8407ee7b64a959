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
 * {@link PlanReports}. The writers format it and read nothing else. {@code rows} is the stored plan whose dossiers and
 * requests are listed (null: the plan was not stored, it lists none); those are streamed from {@code dossiers} and
 * {@code requests}, being too many to hold.
 */
public record PlanReport(MergerPlan plan, Long rows, RunMode mode, PlanStatus status, ReportOptions options,
                         PlannedRows.Dossiers dossiers, PlannedRows.Requests requests, List<Rejection> rejected,
                         LocalDate generated) {

    public PlanReport {
        rejected = List.copyOf(rejected);
    }

    public int dossierCount() {
        return rows == null ? 0 : dossiers.count(rows);
    }
}
