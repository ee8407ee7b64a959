package be.ocmw.merge.merger.report;

import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.batch.Rejection;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanTask;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.reporting.StreamingXlsx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code plan.xlsx} / {@code apply.xlsx}: the summary, administrators, users with the accounts each was merged from,
 * findings with what to do, dossiers, OCMW Online requests, tasks, rejected input rows and who keeps access to an old
 * OCMW in the transition, formatted from the report model. The summary sheet comes first and is written last: an
 * apply's says what the job did, which is known only when it is done.
 */
final class PlanWorkbook {

    private PlanWorkbook() {
    }

    static void write(PlanReport report, Path file, CompletableFuture<ApplyResult> applied) throws IOException {
        ReportText text = ReportText.of(report.options().language());
        MergerPlan plan = report.plan();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             StreamingXlsx workbook = new StreamingXlsx(out)) {
            StreamingXlsx.Sheet summary = report.mode() == RunMode.APPLY
                    ? workbook.later(text.get("sheet.summary"), text.get("column.what"), text.get("column.value"),
                    text.get("column.planned"))
                    : workbook.later(text.get("sheet.summary"), text.get("column.what"), text.get("column.value"));
            summary.widths(50, 90, 24);
            corrections(workbook, report, text);
            administrators(workbook, report, text);
            users(workbook, report, text);
            findings(workbook, plan, text);
            dossiers(workbook, report, text);
            onlineRequests(workbook, report, text);
            tasks(workbook, report, text);
            rejected(workbook, report.rejected(), text);
            transition(workbook, report, text);
            List<List<Object>> rows = new ArrayList<>(ReportRows.summary(report, applied.join(), text));
            // a sheet longer than Excel opens went on on further sheets: the reader is told where
            workbook.continued().forEach((sheet, further) -> rows.add(List.of(text.get("summary.continued", sheet),
                    String.join(", ", further))));
            summary.rows(rows);
        }
    }

    private static String insz(Insz insz, PlanReport report) {
        return ReportRows.insz(insz, report.options().fullInsz());
    }

    private static String insz(String insz, PlanReport report) {
        return ReportRows.insz(insz, report.options().fullInsz());
    }

    /** What the plan takes away (SPEC 5.7), before what it adds: who, what before → after, why, from which submission. */
    private static void corrections(StreamingXlsx workbook, PlanReport report, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.corrections"), text.get("column.name"),
                text.get("column.domain"), text.get("column.username"), text.get("column.insz"), text.get("column.what_changes"),
                text.get("column.why"), text.get("column.submission"));
        sheet.widths(24, 24, 18, 18, 50, 100, 60);
        int r = 1;
        for (ReportRows.CorrectionRow c : ReportRows.corrections(ReportRows.corrections(report.plan()), text,
                report.options().fullInsz())) {
            sheet.row(r++, c.name(), c.domain(), c.username(), c.insz(), c.what(), c.why(), c.source());
        }
    }

    private static void administrators(StreamingXlsx workbook, PlanReport report, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.administrators"), text.get("column.domain"),
                text.get("column.role"), text.get("column.username"), text.get("column.last_name"), text.get("column.first_name"),
                text.get("column.insz"), text.get("column.action"));
        int r = 1;
        for (MergerPlan.TargetAccount a : report.plan().accounts()) {
            if (a.administrator()) {
                sheet.row(r++, a.domain(), a.role().label(), a.username(), a.lastName(), a.firstName(),
                        insz(a.insz(), report), text.get("action." + a.action()));
            }
        }
    }

    private static void users(StreamingXlsx workbook, PlanReport report, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.users"), text.get("column.domain"),
                text.get("column.username"), text.get("column.last_name"), text.get("column.first_name"), text.get("column.insz"),
                text.get("column.role"), text.get("column.status"), text.get("column.email"), text.get("column.applications"),
                text.get("column.action"), text.get("column.sources"));
        sheet.widths(24, 18, 20, 16, 18, 10, 14, 30, 60, 12, 60);
        Map<String, String> actions = new HashMap<>();
        int r = 1;
        for (MergerPlan.TargetAccount a : report.plan().accounts()) {
            sheet.row(r++, a.domain(), a.username(), a.lastName(), a.firstName(), insz(a.insz(), report), a.role().label(),
                    text.get("account.status." + a.status().name()), a.email() == null ? "" : a.email(), String.join(" | ", a.applications()),
                    actions.computeIfAbsent(a.action().name(), action -> text.get("action." + action)), String.join("; ", a.mergedFrom()));
        }
    }

    private static void findings(StreamingXlsx workbook, MergerPlan plan, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.findings"), text.get("column.severity"),
                text.get("column.code"), text.get("column.subject"), text.get("column.detail"), text.get("column.todo"));
        sheet.widths(16, 26, 24, 100, 60);
        int r = 1;
        for (Finding f : ReportRows.ordered(plan.findings())) {
            sheet.row(r++, ReportRows.severity(f.severity(), text), f.code(), f.subject() == null ? "" : f.subject(),
                    text.get("finding." + f.code() + ".title") + ": " + f.detail(text), f.todo(text));
        }
    }

    /**
     * Every dossier the plan closes (and reopens), then the ones after the cut-over it leaves alone, streamed: a
     * merger of a million dossiers is written in the memory of a few hundred rows.
     */
    private static void dossiers(StreamingXlsx workbook, PlanReport report, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.dossiers"), text.get("column.action"),
                text.get("column.kbo"), text.get("column.reference"), text.get("column.type"), text.get("column.insz"),
                text.get("column.start_date"), text.get("column.end_date"), text.get("column.new_end_date"),
                text.get("column.successor_kbo"), text.get("column.successor_reference"), text.get("column.successor_start"),
                text.get("column.successor_end"));
        sheet.widths(28);
        int[] r = {1};
        LocalDate close = report.plan().merger().closeDate();
        LocalDate effective = report.plan().merger().effectiveDate();
        String target = report.plan().merger().target().kbo().formatted();
        // a few organisations for many dossiers: each KBO written the way people read it once
        Map<String, String> kbos = new HashMap<>();
        if (report.rows() != null) {
            report.dossiers().planned(report.rows(), null, d -> {
                boolean reopened = d.successor() != null;
                sheet.row(r[0]++, text.get(reopened ? "dossier.close_reopen" : "dossier.close"),
                        kbos.computeIfAbsent(d.kbo(), Kbo::format),
                        d.reference(), d.type(), insz(d.insz(), report), d.start(), d.originalEnd(), close,
                        reopened ? target : "", reopened ? d.successor() : "", reopened ? effective : "",
                        reopened && d.originalEnd() != null ? d.originalEnd() : "");
            });
        }
        report.dossiers().later(report.plan().merger(), d -> sheet.row(r[0]++, text.get("dossier.untouched"),
                kbos.computeIfAbsent(d.kbo(), Kbo::format),
                d.reference(), d.type(), insz(d.insz(), report), d.start(), d.end() == null ? "" : d.end(), "", "", "", "", ""));
    }

    private static void onlineRequests(StreamingXlsx workbook, PlanReport report, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.online"), text.get("column.reference"),
                text.get("column.submitted_on"), text.get("column.kbo"), text.get("column.handled_by"), text.get("column.from"));
        if (report.rows() == null) {
            return;
        }
        int[] r = {1};
        String target = report.plan().merger().target().kbo().formatted();
        LocalDate effective = report.plan().merger().effectiveDate();
        Map<String, String> kbos = new HashMap<>();
        report.requests().planned(report.rows(), null, request -> sheet.row(r[0]++, request.reference(), request.submittedOn(),
                kbos.computeIfAbsent(request.kbo(), Kbo::format), target, effective));
    }

    private static void tasks(StreamingXlsx workbook, PlanReport report, ReportText text) {
        MergerPlan plan = report.plan();
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.tasks"), text.get("column.task"), text.get("column.due"),
                text.get("column.description"), text.get("column.done"));
        sheet.widths(28, 14, 110, 40);
        int r = 1;
        for (PlanTask t : plan.tasks()) {
            sheet.row(r++, t.code(), t.due(), ReportRows.taskText(t, plan.merger(), text), report.done(t.code(), text));
        }
    }

    /** The input rows refused for this merger's organisations, so that they can be sent back and corrected. */
    private static void rejected(StreamingXlsx workbook, List<Rejection> rejected, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.rejected"), text.get("column.file"),
                text.get("column.sheet"), text.get("column.row"), text.get("column.column"), text.get("column.reason"));
        sheet.widths(40, 16, 8, 20, 100);
        int r = 1;
        for (Rejection rejection : rejected) {
            sheet.row(r++, rejection.file(), rejection.sheet(), rejection.row(), rejection.column(), text.reason(rejection.reason()));
        }
    }

    private static void transition(StreamingXlsx workbook, PlanReport report, ReportText text) {
        StreamingXlsx.Sheet sheet = workbook.sheet(text.get("sheet.transition"), text.get("column.last_name"),
                text.get("column.first_name"), text.get("column.insz"), text.get("column.domain"), text.get("column.username"),
                text.get("column.old_ocmws"));
        sheet.widths(20, 16, 18, 24, 18, 70);
        int r = 1;
        for (MergerPlan.TargetAccount a : ReportRows.transitionPeople(report.plan())) {
            sheet.row(r++, a.lastName(), a.firstName(), insz(a.insz(), report), a.domain(), a.username(),
                    String.join("; ", a.mergedFrom()));
        }
    }
}
