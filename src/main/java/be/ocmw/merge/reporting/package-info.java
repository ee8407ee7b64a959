/**
 * What every report shares: the words in Dutch and French ({@code ReportText} over the
 * {@code messages/report*.properties} bundles), the report workbook written straight into its zip
 * ({@code StreamingXlsx}: bold, frozen, filterable headers, cells no spreadsheet executes, a sheet continued past
 * Excel's last row), the POI sheets of the smaller reports ({@code ReportSheets}), and the report threads that
 * work beside a job ({@code Background}).
 */
package be.ocmw.merge.reporting;
