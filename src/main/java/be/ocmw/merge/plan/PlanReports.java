package be.ocmw.merge.plan;

import be.ocmw.merge.reporting.ReportSheets;
import be.ocmw.merge.domain.Insz;
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
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code DIR/<merger>/summary.json} (SPEC 7) and a first {@code plan.xlsx} / {@code apply.xlsx}: summary,
 * administrators, accounts with the accounts each was merged from, findings, tasks. INSZ are masked.
 */
@Component
public class PlanReports {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Writes the reports of a plan (mode plan) or of an applied plan (mode apply); returns the folder. */
    public Path write(MergerPlan plan, String mode, String status, Map<String, Object> extra, Path out) {
        return write(plan, mode, status, extra, out, null);
    }

    /** A workbook being written on another thread into a part file, put in its place by {@link #write}. */
    public record Pending(CompletableFuture<Void> writing, Path part, Path file) {
    }

    /**
     * Starts writing the workbook of a plan on another thread: an apply writes its report while its job runs.
     * The file only gets its real name when the apply has succeeded ({@link #write}); {@link #discard} otherwise.
     */
    public Pending startWorkbook(MergerPlan plan, String mode, String status, Path out) {
        Path folder = out.resolve(plan.merger().id());
        Path file = folder.resolve(mode + ".xlsx");
        Path part = folder.resolve(mode + ".xlsx.part");
        return new Pending(CompletableFuture.runAsync(() -> {
            try {
                Files.createDirectories(folder);
                workbook(plan, mode, status, part);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }), part, file);
    }

    /** Waits for a workbook that is no longer wanted and removes it. */
    public static void discard(Pending pending) {
        if (pending == null) {
            return;
        }
        try {
            pending.writing().join();
        } catch (RuntimeException e) {
            // the workbook is thrown away anyway
        }
        try {
            Files.deleteIfExists(pending.part());
        } catch (IOException e) {
            // a stale part file is harmless: the next apply overwrites it
        }
    }

    /** Writes summary.json, and the workbook unless {@code pending} is writing it already. */
    public Path write(MergerPlan plan, String mode, String status, Map<String, Object> extra, Path out, Pending pending) {
        Path folder = out.resolve(plan.merger().id());
        try {
            Files.createDirectories(folder);
            if (pending == null) {
                workbook(plan, mode, status, folder.resolve(mode + ".xlsx"));
            } else {
                try {
                    pending.writing().join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
                Files.move(pending.part(), pending.file(), StandardCopyOption.REPLACE_EXISTING);
            }
            JSON.writeValue(folder.resolve("summary.json").toFile(), summary(plan, mode, status, extra));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports in " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    static Map<String, Object> summary(MergerPlan plan, String mode, String status, Map<String, Object> extra) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("merger", plan.merger().id());
        summary.put("scenario", plan.merger().scenario().number());
        summary.put("mode", mode);
        summary.put("status", status);
        summary.put("effective_date", plan.merger().effectiveDate().toString());
        summary.put("close_date", plan.merger().closeDate().toString());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kbo", plan.merger().target().kbo().digits());
        target.put("nis", plan.merger().target().nis().code());
        summary.put("target", target);
        plan.counts().forEach(summary::put);
        summary.put("findings", plan.findings().stream().map(f -> {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("code", f.code());
            finding.put("severity", f.severity());
            finding.put("detail", f.detail());
            return finding;
        }).toList());
        summary.put("tasks", plan.tasks().stream().map(t -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("code", t.code());
            task.put("due", t.due().toString());
            return task;
        }).toList());
        summary.put("fingerprint", plan.fingerprint());
        summary.putAll(extra);
        return summary;
    }

    private static void workbook(MergerPlan plan, String mode, String status, Path file) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(false);
        try (OutputStream out = Files.newOutputStream(file)) {
            CellStyle bold = ReportSheets.bold(workbook);
            Sheet summary = ReportSheets.sheet(workbook, "Samenvatting", bold, "Wat", "Waarde");
            int r = 1;
            ReportSheets.row(summary, r++, "Fusie", plan.merger().name() + " (" + plan.merger().id() + ")");
            ReportSheets.row(summary, r++, "Scenario", plan.merger().scenario().number() + " " + plan.merger().scenario());
            ReportSheets.row(summary, r++, "Gefusioneerd OCMW", plan.merger().target().name() + ", KBO " + plan.merger().target().kbo()
                    + ", NIS " + plan.merger().target().nis());
            ReportSheets.row(summary, r++, "Invoegetreding", plan.merger().effectiveDate().toString());
            ReportSheets.row(summary, r++, "Status", status);
            ReportSheets.row(summary, r++, "Vingerafdruk (fingerprint)", plan.fingerprint());
            for (var group : plan.counts().entrySet()) {
                for (var count : group.getValue().entrySet()) {
                    ReportSheets.row(summary, r++, group.getKey() + "." + count.getKey(), count.getValue());
                }
            }
            Sheet administrators = ReportSheets.sheet(workbook, "Beheerders", bold, "Domein", "Rol", "Gebruikersnaam", "Naam", "Voornaam",
                    "INSZ", "Actie");
            r = 1;
            for (MergerPlan.TargetAccount a : plan.accounts()) {
                if (!a.role().equals("USER")) {
                    ReportSheets.row(administrators, r++, a.domain(), a.role(), a.username(), a.lastName(), a.firstName(), masked(a.insz()),
                            a.action());
                }
            }
            Sheet users = ReportSheets.sheet(workbook, "Gebruikers", bold, "Domein", "Gebruikersnaam", "Naam", "Voornaam", "INSZ", "Rol",
                    "Status", "E-mailadres", "Toepassingen", "Actie", "Samengevoegd uit");
            r = 1;
            for (MergerPlan.TargetAccount a : plan.accounts()) {
                ReportSheets.row(users, r++, a.domain(), a.username(), a.lastName(), a.firstName(), masked(a.insz()), a.role(), a.status(),
                        a.email() == null ? "" : a.email(), String.join(" | ", a.applications()), a.action(),
                        String.join("; ", a.mergedFrom()));
            }
            Sheet findings = ReportSheets.sheet(workbook, "Bevindingen", bold, "Ernst", "Code", "Betreft", "Toelichting");
            r = 1;
            for (PlanFinding f : plan.findings()) {
                ReportSheets.row(findings, r++, f.severity(), f.code(), f.subject() == null ? "" : f.subject(), f.detail());
            }
            Sheet tasks = ReportSheets.sheet(workbook, "Taken", bold, "Taak", "Tegen", "Omschrijving");
            r = 1;
            for (PlanTask t : plan.tasks()) {
                ReportSheets.row(tasks, r++, t.code(), t.due().toString(), t.detail());
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static String masked(String insz) {
        return insz == null ? "" : new Insz(insz).masked();
    }



}
