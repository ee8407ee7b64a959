package be.ocmw.merge.merger.report;

import be.ocmw.merge.reporting.ReportFiles;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.merger.ReportLedger;
import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.model.PlannedRows;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.Background;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

/**
 * The reports of a plan or apply, each run in a folder of its own that is never written into again
 * ({@code DIR/<merger>/<plan id>-plan/}, {@code …-apply/}; see {@link RunFolders}), and the latest of each mode linked
 * into {@code DIR/<merger>/} as the view scripts and people open: {@code DIR/<merger>/summary.json} (SPEC 7), {@code plan.xlsx} / {@code apply.xlsx} and {@code plan.html} /
 * {@code apply.html} (SPEC 8) for coordinators, in Dutch or French. Builds the report model ({@link PlanReport}) once
 * and hands it to the writers ({@link PlanWorkbook}, {@link PlanHtml}, summary.json from {@link ReportRows}); records
 * every set of reports in the {@link ReportLedger} before its first file is in place, with whether it shows full
 * INSZ. INSZ are masked unless asked otherwise.
 */
@Component
public class PlanReports {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final PlanHtml html;
    private final PlanStore store;
    private final LoadFiles loads;
    private final PlannedRows.Dossiers dossiers;
    private final PlannedRows.Requests requests;
    private final ReportLedger ledger;
    private final be.ocmw.merge.audit.Consultations consultations;
    private final be.ocmw.merge.merger.Checklist checklist;
    private final be.ocmw.merge.intake.Designations designations;

    PlanReports(PlanHtml html, PlanStore store, LoadFiles loads, PlannedRows.Dossiers dossiers,
                PlannedRows.Requests requests, ReportLedger ledger, be.ocmw.merge.merger.Checklist checklist,
                be.ocmw.merge.audit.Consultations consultations, be.ocmw.merge.intake.Designations designations) {
        this.designations = designations;
        this.consultations = consultations;
        this.checklist = checklist;
        this.html = html;
        this.store = store;
        this.loads = loads;
        this.dossiers = dossiers;
        this.requests = requests;
        this.ledger = ledger;
    }

    /** A workbook being written on another thread into a part file; its summary waits for {@code applied}. */
    public record Pending(CompletableFuture<Void> writing, CompletableFuture<ApplyResult> applied, Path part, Path file,
                          Path folder) {
    }

    /** The report model of a plan, the dossiers and requests listed from stored plan {@code planId} (null: none). */
    public PlanReport report(MergerPlan plan, Long planId, RunMode mode, PlanStatus status, ReportOptions options) {
        return new PlanReport(plan, planId == null ? null : store.changesOf(planId), mode, status, options, dossiers,
                requests, loads.rejectionsOf(plan.merger().id(),
                plan.merger().participants().stream().map(o -> o.kbo().digits()).toList()), LocalDate.now(),
                checklist.ticks(plan.merger()), java.util.List.copyOf(designations.tallies(plan.merger()).values()));
    }

    /** Writes the reports of a plan; returns the folder. */
    public Path write(MergerPlan plan, Long planId, RunMode mode, PlanStatus status, Path out, ReportOptions options) {
        return write(report(plan, planId, mode, status, options), null, out, null, planId);
    }

    /**
     * Starts writing the workbook of a plan on another thread: an apply writes its report while its job runs.
     * The summary sheet is written last, with what {@link #writeApplied} hands over when the apply has succeeded; the
     * file only gets its real name then. {@link #discard} otherwise.
     */
    public Pending startWorkbook(MergerPlan plan, long planId, RunMode mode, PlanStatus status, Path out,
                                 ReportOptions options) {
        return startWorkbook(plan.merger(), CompletableFuture.completedFuture(plan), planId, mode, status, out, options);
    }

    /** The same, for a plan that is still being read back from the database. */
    public Pending startWorkbook(Merger merger, CompletableFuture<MergerPlan> plan, long planId, RunMode mode,
                                 PlanStatus status, Path out, ReportOptions options) {
        Path folder = RunFolders.choose(out.resolve(merger.id()), planId, mode);
        Path file = folder.resolve(mode.file() + ".xlsx");
        Path part = part(folder, mode);
        CompletableFuture<ApplyResult> applied = new CompletableFuture<>();
        CompletableFuture<PlanReport> report = plan.thenApply(p -> report(p, planId, mode, status, options));
        CompletableFuture<Void> writing = Background.run("apply-workbook", () -> {
            try {
                Files.createDirectories(folder);
                // the page is written when the job is done; its engine is made ready now, while the plan is read
                html.warmUp(options);
                PlanWorkbook.write(Background.join(report), part, applied);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        });
        return new Pending(writing, applied, part, file, folder);
    }

    /** Where the workbook of {@code mode} is written until it is complete. */
    private static Path part(Path folder, RunMode mode) {
        return folder.resolve(mode.file() + ".xlsx.part");
    }

    /** Removes the unfinished workbook that a stopped apply of plan {@code planId} left, if any. */
    public static void discardPart(Path out, Merger merger, long planId, RunMode mode) {
        discardPart(RunFolders.of(out.resolve(merger.id()), planId, mode), mode);
    }

    private static void discardPart(Path folder, RunMode mode) {
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
        pending.applied().completeExceptionally(new IllegalStateException("the apply did not finish"));
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

    /** Writes the reports of an applied plan, the workbook unless {@code pending} is writing it already. */
    public Path writeApplied(MergerPlan plan, long planId, ApplyResult applied, Path out, ReportOptions options,
                             Pending pending) {
        return write(report(plan, planId, RunMode.APPLY, PlanStatus.APPLIED, options), applied, out, pending, planId);
    }

    private Path write(PlanReport report, ApplyResult applied, Path out, Pending pending, Long planId) {
        MergerPlan plan = report.plan();
        RunMode mode = report.mode();
        Path latest = out.resolve(plan.merger().id());
        Path folder = pending != null ? pending.folder() : RunFolders.choose(latest, planId, mode);
        try {
            Files.createDirectories(folder);
            // the dashboard gives these reports to coordinators only when their INSZ are masked: whether they show
            // full INSZ is recorded before any of their files is there, and masked ones count only once every file of
            // theirs has replaced those before them, so that no download in between hands out full INSZ
            Long persons = report.options().fullInsz() ? report.persons() : null;
            long recorded = ledger.started(plan.merger(), mode, folder, planId, report.options().fullInsz(), report.options(),
                    persons);
            if (persons != null) {
                // full INSZ leave the engine: a consultation, recorded before the files exist
                ReportOptions.Disclosure disclosure = report.options().disclosure();
                consultations.record(be.ocmw.merge.audit.Consultation.of(disclosure.actor(), disclosure.channel(),
                        mode.file() + " --full-insz", plan.merger().id(), folder.toString(), persons,
                        disclosure.reason(), null));
            }
            // the page is written beside the workbook: each keeps one core busy; and in the other language too, for a
            // reader of the dashboard who reads that one (the workbook stays in the merger's language)
            ReportOptions other = report.options().inOtherLanguage();
            String otherPage = ReportOptions.inLanguage(mode.file() + ".html", other.language());
            CompletableFuture<Void> page = Background.run("report-html", () -> {
                html.write(PlanHtml.model(report, applied), folder.resolve(mode.file() + ".html"), report.options());
                PlanReport translated = report.withOptions(other);
                html.write(PlanHtml.model(translated, applied), folder.resolve(otherPage), other);
            });
            if (pending == null) {
                PlanWorkbook.write(report, folder.resolve(mode.file() + ".xlsx"), CompletableFuture.completedFuture(applied));
            } else {
                pending.applied().complete(applied);
                Background.join(pending.writing());
                Files.move(pending.part(), pending.file(), StandardCopyOption.REPLACE_EXISTING);
            }
            Background.join(page);
            JSON.writeValue(folder.resolve("summary.json").toFile(), ReportRows.summary(plan, mode, report.status(), applied));
            ledger.completed(recorded);
            // the latest view: the same files, linked (not copied) into the merger's folder, in the ledger as well
            long linked = ledger.started(plan.merger(), mode, latest, planId, report.options().fullInsz(), report.options(),
                    persons);
            for (String name : java.util.List.of(mode.file() + ".xlsx", mode.file() + ".html", otherPage, "summary.json")) {
                ReportFiles.link(folder.resolve(name), latest.resolve(name));
            }
            ledger.completed(linked);
            if (!report.options().fullInsz()) {
                Files.deleteIfExists(ReportLedger.legacyMark(latest, mode));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports in " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }
}
