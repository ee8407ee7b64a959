package be.ocmw.merge.plan;

import be.ocmw.merge.reporting.ReportSheets;
import be.ocmw.merge.domain.Insz;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import be.ocmw.merge.plan.internal.DossierPlanner;
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
 * administrators, accounts with the accounts each was merged from, findings, dossiers, OCMW Online requests,
 * tasks. INSZ are masked.
 */
@Component
public class PlanReports {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final JdbcClient jdbc;
    private final TransactionTemplate streaming;

    PlanReports(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // PostgreSQL only streams a result (fetch size) inside a transaction; otherwise it sends all rows at once
        this.streaming = new TransactionTemplate(transactions);
        this.streaming.setReadOnly(true);
    }

    /**
     * Writes the reports of a plan (mode plan) or of an applied plan (mode apply); returns the folder. The
     * dossiers and requests are listed from the stored plan {@code planId} (none when it was not stored).
     */
    public Path write(MergerPlan plan, Long planId, String mode, String status, Map<String, Object> extra, Path out) {
        return write(plan, planId, mode, status, extra, out, null);
    }

    /** A workbook being written on another thread into a part file, put in its place by {@link #write}. */
    public record Pending(CompletableFuture<Void> writing, Path part, Path file) {
    }

    /**
     * Starts writing the workbook of a plan on another thread: an apply writes its report while its job runs.
     * The file only gets its real name when the apply has succeeded ({@link #write}); {@link #discard} otherwise.
     */
    public Pending startWorkbook(MergerPlan plan, long planId, String mode, String status, Path out) {
        Path folder = out.resolve(plan.merger().id());
        Path file = folder.resolve(mode + ".xlsx");
        Path part = folder.resolve(mode + ".xlsx.part");
        return new Pending(CompletableFuture.runAsync(() -> {
            try {
                Files.createDirectories(folder);
                workbook(plan, planId, mode, status, part);
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
    public Path write(MergerPlan plan, Long planId, String mode, String status, Map<String, Object> extra, Path out,
                      Pending pending) {
        Path folder = out.resolve(plan.merger().id());
        try {
            Files.createDirectories(folder);
            if (pending == null) {
                workbook(plan, planId, mode, status, folder.resolve(mode + ".xlsx"));
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

    private void workbook(MergerPlan plan, Long planId, String mode, String status, Path file) throws IOException {
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
            streaming.executeWithoutResult(tx -> dossiers(ReportSheets.sheet(workbook, "Dossiers", bold, "Actie", "KBO", "Referentie", "Type", "INSZ", "Begindatum",
                    "Einddatum", "Nieuwe einddatum", "Opvolger KBO", "Opvolger referentie", "Opvolger begindatum",
                    "Opvolger einddatum"), plan, planId));
            onlineRequests(ReportSheets.sheet(workbook, "OCMW Online", bold, "Referentie", "Ingediend op", "KBO",
                    "Behandeld door (KBO)", "Vanaf"), plan, planId);
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

    /**
     * Every dossier the plan closes (and reopens), then the ones after the cut-over it leaves alone, streamed
     * from the database: a merger of a million dossiers is written in the memory of a few hundred rows.
     */
    private void dossiers(Sheet sheet, MergerPlan plan, Long planId) {
        int[] r = {1};
        String close = plan.merger().closeDate().toString();
        String effective = plan.merger().effectiveDate().toString();
        String target = plan.merger().target().kbo().digits();
        if (planId != null) {
            jdbc.sql("""
                            select d.kbo, d.reference, d.type, d.insz, d.start_date, p.original_end_date, p.successor_reference
                            from plan_dossier p join dossier d on d.id = p.dossier_id
                            where p.plan_id = :plan order by d.kbo, d.reference""")
                    .param("plan", planId).withFetchSize(1000)
                    .query(rs -> {
                        String successor = rs.getString("successor_reference");
                        String end = rs.getString("original_end_date") == null ? "" : rs.getString("original_end_date");
                        ReportSheets.row(sheet, r[0]++, successor == null ? "SLUITEN" : "SLUITEN EN HEROPENEN",
                                rs.getString("kbo"), rs.getString("reference"), rs.getString("type"), masked(rs.getString("insz")),
                                rs.getString("start_date"), end, close, successor == null ? "" : target,
                                successor == null ? "" : successor, successor == null ? "" : effective, successor == null ? "" : end);
                    });
        }
        jdbc.sql("""
                        select kbo, reference, type, insz, start_date, end_date from dossier
                        where kbo = any(:gone) and start_date >= :effective order by kbo, reference""")
                .param("gone", DossierPlanner.disappearing(plan.merger()).toArray(String[]::new))
                .param("effective", plan.merger().effectiveDate()).withFetchSize(1000)
                .query(rs -> {
                    ReportSheets.row(sheet, r[0]++, "NIET AANGERAAKT: start na de fusie", rs.getString("kbo"),
                            rs.getString("reference"), rs.getString("type"), masked(rs.getString("insz")),
                            rs.getString("start_date"), rs.getString("end_date") == null ? "" : rs.getString("end_date"),
                            "", "", "", "", "");
                });
    }

    private void onlineRequests(Sheet sheet, MergerPlan plan, Long planId) {
        if (planId == null) {
            return;
        }
        int[] r = {1};
        String target = plan.merger().target().kbo().digits();
        String effective = plan.merger().effectiveDate().toString();
        jdbc.sql("""
                        select r.reference, r.submitted_on, r.kbo from plan_online_request p
                        join online_request r on r.id = p.request_id
                        where p.plan_id = :plan order by r.kbo, r.reference""")
                .param("plan", planId)
                .query(rs -> {
                    ReportSheets.row(sheet, r[0]++, rs.getString("reference"), rs.getString("submitted_on"), rs.getString("kbo"),
                            target, effective);
                });
    }

    private static String masked(String insz) {
        return insz == null ? "" : new Insz(insz).masked();
    }



}
