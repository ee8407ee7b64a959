package be.ocmw.merge.plan;

import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.plan.internal.DossierPlanner;
import be.ocmw.merge.reporting.Background;
import be.ocmw.merge.reporting.StreamingXlsx;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code DIR/<merger>/summary.json} (SPEC 7), {@code plan.xlsx} / {@code apply.xlsx} and {@code plan.html} /
 * {@code apply.html} (SPEC 8) for coordinators, in Dutch or French: a summary that explains the merger and
 * what blocks it, the administrators, the users with the accounts each was merged from, the findings with
 * what to do about them, the dossiers and OCMW Online requests, the checklist of tasks, the rejected input
 * rows and who keeps access to an old OCMW in the transition phase. INSZ are masked unless asked otherwise.
 */
@Component
public class PlanReports {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final List<String> SEVERITIES = List.of("BLOCKING", "WARNING", "INFO");

    private final JdbcClient jdbc;
    private final TransactionTemplate streaming;
    private final PlanHtml html;

    PlanReports(JdbcClient jdbc, PlatformTransactionManager transactions, PlanHtml html) {
        this.jdbc = jdbc;
        this.html = html;
        // PostgreSQL only streams a result (fetch size) inside a transaction; otherwise it sends all rows at once
        this.streaming = new TransactionTemplate(transactions);
        this.streaming.setReadOnly(true);
    }

    /** A workbook being written on another thread into a part file; its summary waits for {@code extra}. */
    public record Pending(CompletableFuture<Void> writing, CompletableFuture<Map<String, Object>> extra, Path part,
                          Path file) {
    }

    /**
     * Writes the reports of a plan (mode plan) or of an applied plan (mode apply); returns the folder. The
     * dossiers and requests are listed from the stored plan {@code planId} (none when it was not stored).
     */
    public Path write(MergerPlan plan, Long planId, String mode, String status, Map<String, Object> extra, Path out,
                      ReportOptions options) {
        return write(plan, planId, mode, status, extra, out, options, null);
    }

    /**
     * Starts writing the workbook of a plan on another thread: an apply writes its report while its job runs.
     * The summary sheet is written last, with what {@link #write} hands over when the apply has succeeded; the
     * file only gets its real name then. {@link #discard} otherwise.
     */
    public Pending startWorkbook(MergerPlan plan, long planId, String mode, String status, Path out, ReportOptions options) {
        return startWorkbook(plan.merger(), CompletableFuture.completedFuture(plan), planId, mode, status, out, options);
    }

    /** The same, for a plan that is still being read back from the database. */
    public Pending startWorkbook(be.ocmw.merge.registry.Merger merger, CompletableFuture<MergerPlan> plan, long planId,
                                 String mode, String status, Path out, ReportOptions options) {
        Path folder = out.resolve(merger.id());
        Path file = folder.resolve(mode + ".xlsx");
        Path part = part(folder, mode);
        CompletableFuture<Map<String, Object>> extra = new CompletableFuture<>();
        return new Pending(Background.run("apply-workbook", () -> {
            try {
                Files.createDirectories(folder);
                // the page is written when the job is done; its engine is made ready now, while the plan is read
                html.warmUp(options);
                workbook(Background.join(plan), planId, mode, status, options, part, extra);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }), extra, part, file);
    }

    /** Where the workbook of {@code mode} is written until it is complete. */
    private static Path part(Path folder, String mode) {
        return folder.resolve(mode + ".xlsx.part");
    }

    /** Removes the unfinished workbook of {@code mode} that a stopped process left in {@code folder}, if any. */
    static void discardPart(Path folder, String mode) {
        try {
            Files.deleteIfExists(part(folder, mode));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + part(folder, mode) + ": " + e.getMessage(), e);
        }
    }

    /** Stops a workbook that is no longer wanted and removes it. */
    public static void discard(Pending pending) {
        if (pending == null) {
            return;
        }
        pending.extra().completeExceptionally(new IllegalStateException("the apply did not finish"));
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

    /** Writes summary.json and the HTML, and the workbook unless {@code pending} is writing it already. */
    public Path write(MergerPlan plan, Long planId, String mode, String status, Map<String, Object> extra, Path out,
                      ReportOptions options, Pending pending) {
        Path folder = out.resolve(plan.merger().id());
        try {
            Files.createDirectories(folder);
            // the dashboard gives these reports to coordinators only when their INSZ are masked: a report with full
            // INSZ is marked before any of its files is there, and the mark of earlier full-INSZ reports only goes once
            // the masked ones have replaced them, so that no download in between hands out full INSZ
            Path fullInsz = fullInszMarker(folder, mode);
            if (options.fullInsz()) {
                Files.writeString(fullInsz, "plan.xlsx and plan.html of this mode show full INSZ\n");
            }
            // the page is written beside the workbook: each keeps one core busy
            CompletableFuture<Void> page = Background.run("report-html", () ->
                    html.write(model(plan, planId, mode, status, extra, options), folder.resolve(mode + ".html"), options));
            if (pending == null) {
                workbook(plan, planId, mode, status, options, folder.resolve(mode + ".xlsx"),
                        CompletableFuture.completedFuture(extra));
            } else {
                pending.extra().complete(extra);
                Background.join(pending.writing());
                Files.move(pending.part(), pending.file(), StandardCopyOption.REPLACE_EXISTING);
            }
            Background.join(page);
            if (!options.fullInsz()) {
                Files.deleteIfExists(fullInsz);
            }
            JSON.writeValue(folder.resolve("summary.json").toFile(), summary(plan, mode, status, extra));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports in " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /** A file beside the reports of {@code mode} that says they show full INSZ (written with --full-insz). */
    public static Path fullInszMarker(Path folder, String mode) {
        return folder.resolve(mode + ".full-insz");
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
        extra.forEach((key, value) -> {
            if (!key.startsWith("_")) {
                summary.put(key, value);
            }
        });
        return summary;
    }

    /** The summary rows: what, value, and for an apply what the plan predicted. */
    List<List<Object>> summaryRows(MergerPlan plan, String mode, String status, Map<String, Object> extra, ReportText text) {
        var merger = plan.merger();
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of(text.get("summary.merger"), merger.name() + " (" + merger.id() + ")"));
        rows.add(List.of(text.get("summary.scenario"), text.get("scenario." + merger.scenario().number())));
        rows.add(List.of(text.get("summary.target"), text.get("summary.target.value", merger.target().name(),
                merger.target().kbo().formatted(), merger.target().nis().code())));
        rows.add(List.of(text.get("summary.effective"), merger.effectiveDate()));
        rows.add(List.of(text.get("summary.close"), merger.closeDate()));
        rows.add(List.of(text.get("summary.mode"), text.get("summary.mode." + mode)));
        rows.add(List.of(text.get("summary.status"), text.get("status." + status)));
        plan.findings().stream().filter(PlanFinding::blocking).forEach(f -> rows.add(List.of(text.get("summary.blocked_by"),
                text.get("finding." + f.code() + ".title") + ": " + f.detail(text))));
        // an apply shows what its audit trail says was done, beside what the plan predicted
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Integer>> done = (Map<String, Map<String, Integer>>) extra.get("_done");
        for (var group : plan.counts().entrySet()) {
            for (var count : group.getValue().entrySet()) {
                String key = "count." + group.getKey() + "." + count.getKey();
                String label = text.has(key) ? text.get(key) : group.getKey() + "." + count.getKey();
                if (done == null) {
                    rows.add(List.of(label, count.getValue()));
                } else {
                    Integer did = done.getOrDefault(group.getKey(), Map.of()).get(count.getKey());
                    rows.add(List.of(label, did == null ? count.getValue() : did, count.getValue()));
                }
            }
        }
        rows.add(List.of(text.get("summary.fingerprint"), plan.fingerprint()));
        if (mode.equals("plan")) {
            rows.add(List.of("", text.get("summary.fingerprint.help")));
        }
        if (extra.containsKey("source_fingerprint_before")) {
            rows.add(List.of(text.get("summary.source_before"), extra.get("source_fingerprint_before")));
            rows.add(List.of(text.get("summary.source_after"), extra.get("source_fingerprint_after")));
            rows.add(List.of(text.get("summary.untouched"),
                    text.get(Boolean.TRUE.equals(extra.get("sources_untouched")) ? "summary.yes" : "summary.no")));
        }
        rows.add(List.of(text.get("summary.generated"), LocalDate.now()));
        return rows;
    }

    private void workbook(MergerPlan plan, Long planId, String mode, String status, ReportOptions options, Path file,
                          CompletableFuture<Map<String, Object>> extra) throws IOException {
        ReportText text = ReportText.of(options.language());
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             StreamingXlsx workbook = new StreamingXlsx(out)) {
            // first in the workbook, written last: an apply's summary says what the job did
            StreamingXlsx.Sheet summary = mode.equals("apply")
                    ? workbook.later(text.get("sheet.summary"), text.get("column.what"), text.get("column.value"),
                    text.get("column.planned"))
                    : workbook.later(text.get("sheet.summary"), text.get("column.what"), text.get("column.value"));
            summary.widths(50, 90, 24);
            administrators(workbook, plan, text, options);
            users(workbook, plan, text, options);
            findings(workbook, plan, text);
            streaming.executeWithoutResult(tx -> dossiers(workbook, plan, planId, text, options));
            onlineRequests(workbook, plan, planId, text);
            tasks(workbook, plan, text);
            rejected(workbook, plan, text);
            transition(workbook, plan, text, options);
            List<List<Object>> rows = new java.util.ArrayList<>(summaryRows(plan, mode, status, extra.join(), text));
            // a sheet longer than Excel opens went on on further sheets: the reader is told where
            workbook.continued().forEach((sheet, further) -> rows.add(List.of(text.get("summary.continued", sheet),
                    String.join(", ", further))));
            summary.rows(rows);
        }
    }

    private static void administrators(StreamingXlsx workbook, MergerPlan plan, ReportText text,
                                       ReportOptions options) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.administrators"), text.get("column.domain"),
                text.get("column.role"), text.get("column.username"), text.get("column.last_name"), text.get("column.first_name"),
                text.get("column.insz"), text.get("column.action"));
        int r = 1;
        for (MergerPlan.TargetAccount a : plan.accounts()) {
            if (!a.role().equals("USER")) {
                sheet.row(r++, a.domain(), a.role(), a.username(), a.lastName(), a.firstName(),
                        insz(a.insz(), options), text.get("action." + a.action()));
            }
        }
    }

    private static void users(StreamingXlsx workbook, MergerPlan plan, ReportText text, ReportOptions options) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.users"), text.get("column.domain"),
                text.get("column.username"), text.get("column.last_name"), text.get("column.first_name"), text.get("column.insz"),
                text.get("column.role"), text.get("column.status"), text.get("column.email"), text.get("column.applications"),
                text.get("column.action"), text.get("column.sources"));
        sheet.widths(24, 18, 20, 16, 18, 10, 14, 30, 60, 12, 60);
        Map<String, String> actions = new java.util.HashMap<>();
        int r = 1;
        for (MergerPlan.TargetAccount a : plan.accounts()) {
            sheet.row(r++, a.domain(), a.username(), a.lastName(), a.firstName(), insz(a.insz(), options), a.role(),
                    a.status(), a.email() == null ? "" : a.email(), String.join(" | ", a.applications()),
                    actions.computeIfAbsent(a.action(), action -> text.get("action." + action)), String.join("; ", a.mergedFrom()));
        }
    }

    /** Blocking first, then what to check, then what is only for information. */
    static List<PlanFinding> ordered(List<PlanFinding> findings) {
        return findings.stream().sorted(Comparator.comparingInt(f -> SEVERITIES.indexOf(f.severity()))).toList();
    }

    private static void findings(StreamingXlsx workbook, MergerPlan plan, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.findings"), text.get("column.severity"),
                text.get("column.code"), text.get("column.subject"), text.get("column.detail"), text.get("column.todo"));
        sheet.widths(16, 26, 24, 100, 60);
        int r = 1;
        for (PlanFinding f : ordered(plan.findings())) {
            sheet.row(r++, text.get("severity." + f.severity()), f.code(), f.subject() == null ? "" : f.subject(),
                    text.get("finding." + f.code() + ".title") + ": " + f.detail(text), text.get("finding." + f.code() + ".todo"));
        }
    }

    /**
     * Every dossier the plan closes (and reopens), then the ones after the cut-over it leaves alone, streamed
     * from the database: a merger of a million dossiers is written in the memory of a few hundred rows.
     */
    private void dossiers(StreamingXlsx workbook, MergerPlan plan, Long planId, ReportText text,
                          ReportOptions options) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.dossiers"), text.get("column.action"),
                text.get("column.kbo"), text.get("column.reference"), text.get("column.type"), text.get("column.insz"),
                text.get("column.start_date"), text.get("column.end_date"), text.get("column.new_end_date"),
                text.get("column.successor_kbo"), text.get("column.successor_reference"), text.get("column.successor_start"),
                text.get("column.successor_end"));
        sheet.widths(28);
        int[] r = {1};
        LocalDate close = plan.merger().closeDate();
        LocalDate effective = plan.merger().effectiveDate();
        String target = plan.merger().target().kbo().digits();
        if (planId != null) {
            plannedDossiers(planId, null, d -> {
                boolean reopened = d.successor() != null;
                sheet.row(r[0]++, text.get(reopened ? "dossier.close_reopen" : "dossier.close"), d.kbo(),
                        d.reference(), d.type(), insz(d.insz(), options), d.start(), d.originalEnd(), close,
                        reopened ? target : "", reopened ? d.successor() : "", reopened ? effective : "",
                        reopened && d.originalEnd() != null ? d.originalEnd() : "");
            });
        }
        jdbc.sql("""
                        select kbo, reference, type, insz, start_date, end_date from dossier
                        where kbo = any(:gone) and start_date >= :effective order by kbo, reference""")
                .param("gone", DossierPlanner.disappearing(plan.merger()).toArray(String[]::new))
                .param("effective", effective).withFetchSize(1000)
                .query(rs -> {
                    LocalDate end = rs.getObject("end_date", LocalDate.class);
                    sheet.row(r[0]++, text.get("dossier.untouched"), rs.getString("kbo"),
                            rs.getString("reference"), rs.getString("type"), insz(rs.getString("insz"), options),
                            rs.getObject("start_date", LocalDate.class), end == null ? "" : end, "", "", "", "", "");
                });
    }

    private void onlineRequests(StreamingXlsx workbook, MergerPlan plan, Long planId, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.online"), text.get("column.reference"),
                text.get("column.submitted_on"), text.get("column.kbo"), text.get("column.handled_by"), text.get("column.from"));
        if (planId == null) {
            return;
        }
        int[] r = {1};
        String target = plan.merger().target().kbo().digits();
        LocalDate effective = plan.merger().effectiveDate();
        plannedRequests(planId, request -> sheet.row(r[0]++, request.reference(), request.submittedOn(),
                request.kbo(), target, effective));
    }

    private static void tasks(StreamingXlsx workbook, MergerPlan plan, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.tasks"), text.get("column.task"), text.get("column.due"),
                text.get("column.description"), text.get("column.done"));
        sheet.widths(28, 14, 110, 10);
        int r = 1;
        for (PlanTask t : plan.tasks()) {
            sheet.row(r++, t.code(), t.due(), taskText(t, plan, text), "");
        }
    }

    static String taskText(PlanTask task, MergerPlan plan, ReportText text) {
        return taskText(task, plan.merger(), text);
    }

    static String taskText(PlanTask task, be.ocmw.merge.registry.Merger merger, ReportText text) {
        int year = merger.effectiveDate().getYear();
        return switch (task.code()) {
            case "UNIEK_VERSLAG_OLD" -> text.get("task.UNIEK_VERSLAG_OLD", year - 1, year);
            case "UNIEK_VERSLAG_NEW" -> text.get("task.UNIEK_VERSLAG_NEW", year);
            case "LOGIN_CHOICE" -> text.get("task.LOGIN_CHOICE", text.get("sheet.transition"));
            default -> text.has("task." + task.code()) ? text.get("task." + task.code()) : task.detail();
        };
    }

    /** The input rows refused for this merger's organisations, so that they can be sent back and corrected. */
    private void rejected(StreamingXlsx workbook, MergerPlan plan, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.rejected"), text.get("column.file"),
                text.get("column.sheet"), text.get("column.row"), text.get("column.column"), text.get("column.reason"));
        sheet.widths(40, 16, 8, 20, 100);
        int[] r = {1};
        jdbc.sql("""
                        select source_file, sheet, row_number, column_name, reason from rejected_row
                        where merger_id = :merger or kbo = any(:kbos) order by source_file, sheet, row_number""")
                .param("merger", plan.merger().id())
                .param("kbos", plan.merger().participants().stream().map(o -> o.kbo().digits()).toArray(String[]::new))
                .query(rs -> {
                    sheet.row(r[0]++, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5));
                });
    }

    /** Whoever gets an account in the merged OCMW from an old one keeps that one for now: both, in the transition. */
    static List<MergerPlan.TargetAccount> transitionPeople(MergerPlan plan) {
        return plan.accounts().stream().filter(a -> !a.mergedFrom().isEmpty()).toList();
    }

    private static void transition(StreamingXlsx workbook, MergerPlan plan, ReportText text,
                                   ReportOptions options) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.transition"), text.get("column.last_name"),
                text.get("column.first_name"), text.get("column.insz"), text.get("column.domain"), text.get("column.username"),
                text.get("column.old_ocmws"));
        sheet.widths(20, 16, 18, 24, 18, 70);
        int r = 1;
        for (MergerPlan.TargetAccount a : transitionPeople(plan)) {
            sheet.row(r++, a.lastName(), a.firstName(), insz(a.insz(), options), a.domain(), a.username(),
                    String.join("; ", a.mergedFrom()));
        }
    }

    static String insz(String insz, ReportOptions options) {
        return insz(insz, options.fullInsz());
    }

    /** An INSZ as a report shows it: masked unless {@code full}; nothing when there is none. */
    static String insz(String insz, boolean full) {
        if (insz == null) {
            return "";
        }
        return full ? new Insz(insz).formatted() : new Insz(insz).masked();
    }

    /** What the HTML shows: the same as the workbook, long lists cut short with a pointer to the workbook. */
    private PlanHtml.Model model(MergerPlan plan, Long planId, String mode, String status, Map<String, Object> extra,
                                 ReportOptions options) {
        ReportText text = ReportText.of(options.language());
        return PlanHtml.model(this, plan, planId, mode, status, extra, options, text);
    }

    List<List<Object>> dossierRows(MergerPlan plan, Long planId, ReportOptions options, ReportText text, int limit) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        if (planId != null) {
            String target = plan.merger().target().kbo().digits();
            plannedDossiers(planId, limit, d -> rows.add(List.of(
                    text.get(d.successor() != null ? "dossier.close_reopen" : "dossier.close"), d.kbo(), d.reference(), d.type(),
                    insz(d.insz(), options), ReportText.date(d.start()), d.originalEnd() == null ? "" : ReportText.date(d.originalEnd()),
                    d.successor() == null ? "" : target + "/" + d.successor())));
        }
        return rows;
    }

    /** A dossier a stored plan closes; {@code successor} the reference it is reopened under, null when only closed. */
    record PlannedDossier(String kbo, String reference, String type, String insz, LocalDate start, LocalDate originalEnd,
                          String successor) {
    }

    /** The dossiers of a stored plan in KBO and reference order, the first {@code limit} (null: all), streamed. */
    private void plannedDossiers(long planId, Integer limit, java.util.function.Consumer<PlannedDossier> each) {
        jdbc.sql("""
                        select d.kbo, d.reference, d.type, d.insz, d.start_date, p.original_end_date, p.successor_reference
                        from plan_dossier p join dossier d on d.id = p.dossier_id
                        where p.plan_id = :plan order by d.kbo, d.reference limit :limit""")
                .param("plan", Planner.changesOf(jdbc, planId)).param("limit", limit, java.sql.Types.INTEGER).withFetchSize(1000)
                .query(rs -> {
                    each.accept(new PlannedDossier(rs.getString("kbo"), rs.getString("reference"), rs.getString("type"),
                            rs.getString("insz"), rs.getObject("start_date", LocalDate.class),
                            rs.getObject("original_end_date", LocalDate.class), rs.getString("successor_reference")));
                });
    }

    /** An OCMW Online request a stored plan links to the target. */
    record PlannedRequest(String reference, LocalDate submittedOn, String kbo) {
    }

    private void plannedRequests(long planId, java.util.function.Consumer<PlannedRequest> each) {
        jdbc.sql("""
                        select r.reference, r.submitted_on, r.kbo from plan_online_request p
                        join online_request r on r.id = p.request_id where p.plan_id = :plan order by r.kbo, r.reference""")
                .param("plan", Planner.changesOf(jdbc, planId))
                .query(rs -> {
                    each.accept(new PlannedRequest(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)));
                });
    }

    int dossierCount(Long planId) {
        return planId == null ? 0 : jdbc.sql("select count(*) from plan_dossier where plan_id = :plan").param("plan", Planner.changesOf(jdbc, planId))
                .query(Integer.class).single();
    }

    List<List<Object>> onlineRows(Long planId) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        if (planId != null) {
            plannedRequests(planId, r -> rows.add(List.of(r.reference(), ReportText.date(r.submittedOn()), r.kbo())));
        }
        return rows;
    }
}
