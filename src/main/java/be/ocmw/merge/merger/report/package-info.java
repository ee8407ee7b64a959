/**
 * The coordinator's reports of a plan or an apply (SPEC 7, 8): {@link be.ocmw.merge.merger.report.PlanReports} builds
 * the report model ({@link be.ocmw.merge.merger.report.PlanReport}) once and hands it to the writers, which format and
 * read nothing else: {@code PlanWorkbook} ({@code plan.xlsx}, one method per sheet), {@code PlanHtml} ({@code plan.html})
 * and {@code summary.json} ({@link be.ocmw.merge.merger.report.ReportRows}, with the rows the workbook, the page and the
 * dashboard share). A new sheet is a method of {@code PlanWorkbook} on the model.
 */
package be.ocmw.merge.merger.report;
