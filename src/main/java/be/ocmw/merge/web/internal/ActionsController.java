package be.ocmw.merge.web.internal;

import be.ocmw.merge.batch.JobHistory;
import be.ocmw.merge.intake.Intake;
import be.ocmw.merge.intake.IntakeReports;
import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.intake.IntakeResult;
import be.ocmw.merge.merger.ApplySettings;
import be.ocmw.merge.merger.Approval;
import be.ocmw.merge.merger.MergerRuns;
import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.merger.PlanViews;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.reconciliation.ReconcileRuns;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.web.WebSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What operators do from the dashboard: take in HTB submissions, plan, apply the approved plan, reconcile. Each
 * action runs beside the page ({@link Activities}) and its page shows how far it got and, at the end, its result.
 */
@Controller
@ConditionalOnWebApplication
class ActionsController {

    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final Pages pages;
    private final Activities activities;
    private final DashboardReadModel dashboard;
    private final StoredPlans plans;
    private final PlanViews views;
    private final MergerRuns mergerRuns;
    private final ReconcileRuns reconcileRuns;
    private final Intake intake;
    private final IntakeReports intakeReports;
    private final WebSettings settings;

    private final ApplySettings applySettings;
    private final JobHistory jobHistory;

    private final be.ocmw.merge.campaign.Campaign campaign;
    private final be.ocmw.merge.merger.ApplySchedules schedules;
    private final be.ocmw.merge.audit.RunLog runLog;
    private final java.time.Clock clock;

    ActionsController(Pages pages, Activities activities, DashboardReadModel dashboard, StoredPlans plans, PlanViews views, MergerRuns mergerRuns,
                      ReconcileRuns reconcileRuns, Intake intake, IntakeReports intakeReports, WebSettings settings,
                      ApplySettings applySettings, JobHistory jobHistory, be.ocmw.merge.campaign.Campaign campaign,
                      be.ocmw.merge.merger.ApplySchedules schedules, be.ocmw.merge.audit.RunLog runLog, java.time.Clock clock) {
        this.campaign = campaign;
        this.schedules = schedules;
        this.runLog = runLog;
        this.clock = clock;
        this.jobHistory = jobHistory;
        this.applySettings = applySettings;
        this.pages = pages;
        this.activities = activities;
        this.dashboard = dashboard;
        this.plans = plans;
        this.views = views;
        this.mergerRuns = mergerRuns;
        this.reconcileRuns = reconcileRuns;
        this.intake = intake;
        this.intakeReports = intakeReports;
        this.settings = settings;
    }

    /** An intake as its page shows it: the result, and the annotated copies and reports written in {@code folder}. */
    record IntakeOutcome(IntakeResult result, List<String> files, Path folder) {
    }

    @PostMapping("/mergers/{id}/plan")
    String plan(@PathVariable String id) {
        Merger merger = pages.merger(id);
        ReportOptions options = new ReportOptions(Pages.text().locale(), false);
        var activity = activities.start("plan", merger.id(), Pages.actor(), merger.id(),
                run -> mergerRuns.plan(merger, settings.reports(), options, run));
        return "redirect:/activities/" + activity.id();
    }

    /**
     * The campaign (SPEC 4.6): each participant's pre-filled workbook mailed to it, once ({@code kbo}: that one, again);
     * the activity page says to whom, and what could not be sent and why.
     */
    @PostMapping({"/mergers/{id}/campaign", "/mergers/{id}/campaign/{kbo}"})
    String campaign(@PathVariable String id, @PathVariable(required = false) String kbo) {
        Merger merger = pages.merger(id);
        be.ocmw.merge.domain.Kbo only = kbo == null ? null : merger.participants().stream()
                .filter(p -> p.kbo().digits().equals(kbo)).map(be.ocmw.merge.registry.Ocmw::kbo).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND, "no participant " + kbo + " in " + id));
        be.ocmw.merge.domain.Actor user = Pages.actor();
        var activity = activities.start("campaign", merger.id(), user, merger.id() + (kbo == null ? "" : " --resend " + kbo),
                run -> campaign.send(merger, only != null, user, run, only));
        return "redirect:/activities/" + activity.id();
    }

    /** The approved plan, who approved it and when, and what applying it does: what the operator confirms. */
    @GetMapping("/mergers/{id}/apply")
    String confirmApply(@PathVariable String id, Model model) {
        applyPage(pages.merger(id), model);
        return "web/apply";
    }

    private void applyPage(Merger merger, Model model) {
        StoredPlans.Standing standing = plans.standing(merger);
        Approval approval = standing.approval();
        model.addAttribute("merger", merger);
        model.addAttribute("standing", standing);
        model.addAttribute("approval", approval);
        model.addAttribute("view", approval == null || approval.applied() ? null
                : views.view(merger, standing, approval.planId(), Pages.text(), false));
        model.addAttribute("ownApproval", approval != null && approval.approvedBy(Pages.actor(), applySettings.fourEyes()) && !applySettings.allowSelfApproval());
        // the merged OCMW exists from E: before it, the apply is scheduled (default E at 06:00), not run
        model.addAttribute("schedule", schedules.waiting(merger).orElse(null));
        model.addAttribute("beforeEffective", java.time.LocalDate.now(clock).isBefore(merger.effectiveDate()));
        model.addAttribute("scheduleDefault", merger.effectiveDate() + "T06:00");
    }

    /** Schedules the approved plan for a moment (SPEC 5.8): serve applies it then; refused with the reason on the page. */
    @PostMapping("/mergers/{id}/schedule")
    String schedule(@PathVariable String id, @RequestParam String fingerprint, @RequestParam String at, Model model) {
        Merger merger = pages.merger(id);
        be.ocmw.merge.domain.Actor user = Pages.actor();
        long run = runLog.start("apply", merger.id() + " --fingerprint " + fingerprint + " --at " + at + " (dashboard, " + user.name() + ")",
                user);
        try {
            java.time.OffsetDateTime moment = java.time.LocalDateTime.parse(at.strip())
                    .atZone(be.ocmw.merge.reporting.Times.BELGIUM).toOffsetDateTime();
            schedules.schedule(merger, fingerprint.strip(), moment, user, run);
            runLog.finish(run, be.ocmw.merge.domain.ExitCode.DONE, "scheduled");
            return "redirect:/mergers/" + merger.id() + "/apply";
        } catch (java.time.format.DateTimeParseException e) {
            runLog.finish(run, be.ocmw.merge.domain.ExitCode.USAGE, "not a moment: " + at);
            applyPage(merger, model);
            model.addAttribute("scheduleRefused", Pages.text().get("web.apply.schedule.moment"));
            return "web/apply";
        } catch (be.ocmw.merge.merger.PlanRefusedException e) {
            runLog.finish(run, be.ocmw.merge.domain.ExitCode.BLOCKED, e.reason());
            applyPage(merger, model);
            model.addAttribute("scheduleRefused", Pages.text().reason(e.reason()));
            return "web/apply";
        }
    }

    @PostMapping("/mergers/{id}/schedule/cancel")
    String cancelSchedule(@PathVariable String id) {
        Merger merger = pages.merger(id);
        be.ocmw.merge.domain.Actor user = Pages.actor();
        long run = runLog.start("apply", merger.id() + " --cancel (dashboard, " + user + ")", user);
        try {
            schedules.cancel(merger, user, run);
            runLog.finish(run, be.ocmw.merge.domain.ExitCode.DONE, "cancelled");
        } catch (be.ocmw.merge.merger.PlanRefusedException e) {
            runLog.finish(run, be.ocmw.merge.domain.ExitCode.BLOCKED, e.reason());
        }
        return "redirect:/mergers/" + merger.id() + "/apply";
    }

    @PostMapping("/mergers/{id}/apply")
    String apply(@PathVariable String id, @RequestParam String fingerprint,
                 @RequestParam(defaultValue = "false") boolean confirmed, Model model) {
        Merger merger = pages.merger(id);
        if (!confirmed || fingerprint.isBlank()) {
            applyPage(merger, model);
            model.addAttribute("notConfirmed", true);
            return "web/apply";
        }
        ReportOptions options = new ReportOptions(Pages.text().locale(), false);
        be.ocmw.merge.domain.Actor operator = Pages.actor();
        var activity = activities.start("apply", merger.id(), operator, merger.id() + " --fingerprint " + fingerprint,
                run -> mergerRuns.apply(merger, settings.reports(), fingerprint.strip(), operator, options, run));
        return "redirect:/activities/" + activity.id();
    }

    @PostMapping("/reconciliation")
    String reconcile(@RequestParam(defaultValue = "false") boolean applySafe) {
        // an invalid registry is refused here, before anything starts
        pages.registry();
        ReportText text = Pages.text();
        var activity = activities.start("reconcile", null, Pages.actor(), applySafe ? "--apply-safe" : "",
                run -> reconcileRuns.reconcile(null, applySafe, settings.reports().resolve("reconcile"), run, text));
        return "redirect:/activities/" + activity.id();
    }

    @GetMapping("/intake")
    String intakeForm() {
        return "web/intake";
    }

    @PostMapping("/intake")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) throws IOException {
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        List<String> problems = new ArrayList<>();
        if (given.isEmpty()) {
            problems.add(Pages.text().get("web.intake.none"));
        }
        for (MultipartFile file : given) {
            String name = safeName(file.getOriginalFilename());
            if (!name.toLowerCase(Locale.ROOT).endsWith(".xlsx") || !startsWithZip(file)) {
                problems.add(Pages.text().get("web.intake.not_xlsx", name));
            } else if (file.getSize() > settings.maxUpload().toBytes()) {
                problems.add(Pages.text().get("web.intake.too_large", name, size(settings.maxUpload())));
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return "web/intake";
        }
        String folder = FOLDER.format(LocalDateTime.now());
        Path dir = settings.uploads().resolve(folder);
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>();
        for (MultipartFile file : given) {
            String name = safeName(file.getOriginalFilename());
            while (names.contains(name)) {
                name = "1-" + name;
            }
            names.add(name);
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, dir.resolve(name));
            }
        }
        Path out = settings.reports().resolve("intake").resolve(folder);
        ReportText text = Pages.text();
        var activity = activities.start("intake", null, Pages.actor(), String.join(" ", names), run -> {
            IntakeResult result = intake.intake(dir, run);
            List<String> written = intakeReports.write(result, out, text).stream().map(p -> p.getFileName().toString()).toList();
            return new IntakeOutcome(result, written, out);
        });
        return "redirect:/activities/" + activity.id();
    }

    @GetMapping("/activities/{id}")
    String activity(@PathVariable String id, Model model) {
        var activity = activities.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such action"));
        model.addAttribute("activity", activity);
        model.addAttribute("progress", jobHistory.ofRun(activity.run()));
        return "web/activity";
    }

    @GetMapping("/activities/{id}/files/{name}")
    ResponseEntity<FileSystemResource> activityFile(@PathVariable String id, @PathVariable String name) {
        var activity = activities.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such action"));
        if (!(activity.result() instanceof IntakeOutcome outcome) || !outcome.files().contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + name);
        }
        return DashboardController.download(outcome.folder().resolve(name));
    }

    /** The file's own name, without any folder, in characters that are safe on every disk. */
    static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        return name.isEmpty() || name.startsWith(".") ? "upload" + name : name;
    }

    private static String size(org.springframework.util.unit.DataSize size) {
        return size.toMegabytes() >= 1 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    private static boolean startsWithZip(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            byte[] head = in.readNBytes(4);
            return java.util.Arrays.equals(head, ZIP);
        }
    }
}
