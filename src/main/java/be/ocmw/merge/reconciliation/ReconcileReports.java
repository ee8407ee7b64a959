package be.ocmw.merge.reconciliation;

import be.ocmw.merge.reporting.ReportSheets;
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

/** {@code DIR/reconciliation-summary.json} (per merger: drift counts by code, corrections applied) and {@code reconciliation.xlsx}. */
@Component
class ReconcileReports {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    record Written(Path summary, Path workbook) {
    }

    Written write(List<MergerDrift> results, boolean applySafe, long run, Path out) {
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
                    merger.put("refused", r.refused());
                }
                return merger;
            }).toList());
            Path json = out.resolve("reconciliation-summary.json");
            JSON.writeValue(json.toFile(), summary);
            Path xlsx = out.resolve("reconciliation.xlsx");
            workbook(results, xlsx);
            return new Written(json, xlsx);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reconciliation reports in " + out + ": " + e.getMessage(), e);
        }
    }

    private static void workbook(List<MergerDrift> results, Path file) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (OutputStream out = Files.newOutputStream(file)) {
            CellStyle bold = ReportSheets.bold(workbook);
            Sheet summary = ReportSheets.sheet(workbook, "Samenvatting", bold, "Fusie", "Code", "Aantal", "Correcties nodig",
                    "Correcties uitgevoerd", "Geweigerd omdat");
            int r = 1;
            for (MergerDrift result : results) {
                if (result.drift().isEmpty()) {
                    ReportSheets.row(summary, r++, result.merger(), "", 0, 0, 0, "");
                }
                for (var count : result.counts().entrySet()) {
                    ReportSheets.row(summary, r++, result.merger(), count.getKey(), count.getValue(), result.corrections(),
                            result.corrected(), result.refused() == null ? "" : result.refused());
                }
            }
            Sheet drift = ReportSheets.sheet(workbook, "Afwijkingen", bold, "Fusie", "Code", "Oud KBO", "Betreft", "Toelichting",
                    "Veilig te corrigeren");
            ReportSheets.widths(drift, 16, 36, 14, 40, 100, 12);
            r = 1;
            for (MergerDrift result : results) {
                for (Drift d : result.drift()) {
                    ReportSheets.row(drift, r++, d.merger(), d.code(), d.sourceKbo() == null ? "" : d.sourceKbo(), d.subject(),
                            d.detail(), d.additive() ? "ja" : "nee");
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
