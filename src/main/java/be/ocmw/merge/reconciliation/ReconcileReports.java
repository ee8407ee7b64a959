package be.ocmw.merge.reconciliation;

import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.reporting.ReportFiles;
import be.ocmw.merge.reporting.ReportSheets;
import be.ocmw.merge.reporting.ReportText;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code reconciliation-summary.json} (per merger: drift counts by code, corrections applied) and
 * {@code reconciliation.xlsx}, in {@code DIR/<run>-reconcile/} and, the latest, in {@code DIR} itself.
 */
@Component
class ReconcileReports {

    private static final String SUMMARY = "reconciliation-summary.json";
    private static final String WORKBOOK = "reconciliation.xlsx";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    record Written(Path summary, Path workbook) {
    }

    Written write(List<MergerDrift> results, boolean applySafe, long run, Path out, ReportText text) {
        try {
            Files.createDirectories(out);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("run", run);
            summary.put("mode", applySafe ? "apply-safe" : "report");
            summary.put("mergers", results.stream().map(r -> {
                Map<String, Object> merger = new LinkedHashMap<>();
                merger.put("merger", r.merger());
                merger.put("drift", r.counts());
                merger.put("corrections_needed", r.corrections());
                merger.put("corrections_applied", r.corrected());
                if (r.refused() != null) {
                    merger.put("refused", r.refused().english());
                }
                return merger;
            }).toList());
            // each reconciliation in a folder of its own, never written again; the latest also in DIR itself
            Path folder = ReportFiles.unused(out.resolve(String.format("%06d-reconcile", run)), SUMMARY);
            Files.createDirectories(folder);
            Path xlsx = folder.resolve(WORKBOOK);
            workbook(results, xlsx, text);
            Path json = folder.resolve(SUMMARY);
            JSON.writeValue(json.toFile(), summary);
            ReportFiles.link(xlsx, out.resolve(WORKBOOK));
            ReportFiles.link(json, out.resolve(SUMMARY));
            return new Written(json, xlsx);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reconciliation reports in " + out + ": " + e.getMessage(), e);
        }
    }

    private static void workbook(List<MergerDrift> results, Path file, ReportText text) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (OutputStream out = Files.newOutputStream(file)) {
            CellStyle bold = ReportSheets.bold(workbook);
            Sheet summary = ReportSheets.sheet(workbook, text.get("sheet.summary"), bold, text.get("column.merger"),
                    text.get("column.code"), text.get("column.drift"), text.get("column.count"),
                    text.get("column.corrections_needed"), text.get("column.corrections_done"), text.get("column.refused_because"));
            ReportSheets.widths(summary, 18, 36, 60, 10, 14, 14, 80);
            int r = 1;
            for (MergerDrift result : results) {
                String refused = result.refused() == null ? "" : text.reason(result.refused());
                if (result.drift().isEmpty()) {
                    ReportSheets.row(summary, r++, result.merger(), "", text.get("web.reconciliation.no_drift"), 0, 0, 0, "");
                }
                for (var count : result.counts().entrySet()) {
                    ReportSheets.row(summary, r++, result.merger(), count.getKey(), text.get("drift." + count.getKey() + ".title"),
                            count.getValue(), result.corrections(), result.corrected(), refused);
                }
            }
            Sheet drift = ReportSheets.sheet(workbook, text.get("sheet.drift"), bold, text.get("column.merger"),
                    text.get("column.code"), text.get("column.old_kbo"), text.get("column.subject"), text.get("column.detail"),
                    text.get("column.todo"), text.get("column.safe"));
            ReportSheets.widths(drift, 16, 36, 14, 40, 100, 80, 12);
            r = 1;
            for (MergerDrift result : results) {
                for (Drift d : result.drift()) {
                    ReportSheets.row(drift, r++, d.merger(), d.code(),
                            d.sourceKbo() == null ? "" : new Kbo(d.sourceKbo()).formatted(), d.subject(), d.detail(text),
                            d.todo(text), text.get(d.additive() ? "value.yes" : "value.no"));
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
