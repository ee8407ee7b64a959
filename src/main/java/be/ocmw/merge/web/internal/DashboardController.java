package be.ocmw.merge.web.internal;

import be.ocmw.merge.domain.FreeText;
import be.ocmw.merge.merger.History;
import be.ocmw.merge.merger.ReportLedger;
import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.merger.PlanViews;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.web.WebSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pages everybody who logs in may read: mergers, one merger, runs, reconciliation; and the reports. */
@Controller
@ConditionalOnWebApplication
class DashboardController {

    static final List<String> REPORTS = List.of("plan.html", "plan.xlsx", "apply.html", "apply.xlsx", "summary.json");
    private static final Map<String, MediaType> TYPES = Map.of(
            "html", MediaType.TEXT_HTML,
            "json", MediaType.APPLICATION_JSON,
            "xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final Pages pages;
    private final DashboardReadModel dashboard;
    private final be.ocmw.merge.batch.JobHistory jobHistory;
    private final StoredPlans plans;
    private final PlanViews views;
    private final ReportLedger ledger;
    private final WebSettings settings;

    private final History history;

    private final be.ocmw.merge.audit.RunLog runLog;
    private final be.ocmw.merge.audit.Consultations consultations;
    private final be.ocmw.merge.notify.Outbox outbox;
    private final be.ocmw.merge.intake.ReviewWorkbooks workbooks;

    DashboardController(Pages pages, DashboardReadModel dashboard, StoredPlans plans, PlanViews views, WebSettings settings, ReportLedger ledger,
                        History history, be.ocmw.merge.audit.RunLog runLog,
                        be.ocmw.merge.audit.Consultations consultations, be.ocmw.merge.notify.Outbox outbox,
                        be.ocmw.merge.batch.JobHistory jobHistory, be.ocmw.merge.intake.ReviewWorkbooks workbooks) {
        this.workbooks = workbooks;
        this.jobHistory = jobHistory;
        this.outbox = outbox;
        this.runLog = runLog;
        this.consultations = consultations;
        this.history = history;
        this.ledger = ledger;
        this.pages = pages;
        this.dashboard = dashboard;
        this.plans = plans;
        this.views = views;
        this.settings = settings;
    }

    /**
     * The login page: the users file's form when there are users, the provider's button when OIDC is on, and for a
     * user the provider logged in but the dashboard gives no role, who they are and what to ask for.
     */
    @GetMapping("/login")
    String login(jakarta.servlet.http.HttpServletRequest request, Model model) {
        model.addAttribute("passwords", !settings.users().isEmpty());
        model.addAttribute("oidc", settings.oidc().enabled() ? settings.oidc().label() : null);
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object refused = session == null ? null : session.getAttribute(WebSecurityConfiguration.NO_ROLE_NAME);
        if (refused != null && request.getParameter("norole") != null) {
            model.addAttribute("noRole", refused);
            model.addAttribute("roleClaim", settings.oidc().roleClaim());
            model.addAttribute("roleValues", String.join(", ", settings.oidc().coordinator()) + " / "
                    + String.join(", ", settings.oidc().operator()));
        }
        return "web/login";
    }

    /**
     * Where every merger stands, one line each; {@code q} (part of a name or id) and {@code status} narrow the list, and
     * the count per standing above it says what there is, whatever the filter.
     */
    @GetMapping("/")
    String overview(@RequestParam(required = false) String q, @RequestParam(required = false) String status, Model model) {
        List<DashboardReadModel.MergerRow> rows = dashboard.overview(pages.registry(), LocalDate.now(), Pages.text());
        Map<StoredPlans.Standing.Status, Long> counts = new EnumMap<>(StoredPlans.Standing.Status.class);
        rows.forEach(row -> counts.merge(row.standing().status(), 1L, Long::sum));
        // a name or an id: what is typed is kept to a search's length, its control characters never shown back
        String words = q == null ? "" : FreeText.cleaned(q.length() > 200 ? q.substring(0, 200) : q).strip()
                .toLowerCase(Locale.ROOT);
        StoredPlans.Standing.Status only = Arrays.stream(StoredPlans.Standing.Status.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(null);
        model.addAttribute("rows", rows.stream()
                .filter(row -> only == null || row.standing().status() == only)
                .filter(row -> words.isEmpty() || row.merger().name().toLowerCase(Locale.ROOT).contains(words)
                        || row.merger().id().contains(words))
                .toList());
        model.addAttribute("all", rows.size());
        model.addAttribute("counts", counts);
        model.addAttribute("q", words);
        model.addAttribute("status", only);
        model.addAttribute("today", LocalDate.now());
        return "web/overview";
    }

    /**
     * The merger's page. The administrators' INSZ are masked for everybody; an operator who needs them in full asks
     * with a reason ({@code ?reason=}), and that look is a consultation in the log.
     */
    @GetMapping("/mergers/{id}")
    String merger(@PathVariable String id, @RequestParam(required = false) String reason, Model model) {
        Merger merger = pages.merger(id);
        model.addAttribute("merger", merger);
        model.addAttribute("today", LocalDate.now());
        boolean full = Pages.operator() && reason != null && !reason.isBlank();
        PlanViews.View view = views.latest(merger, Pages.text(), full).orElse(null);
        if (full && view != null) {
            consultations.record(be.ocmw.merge.audit.Consultation.of(Pages.actor(),
                    be.ocmw.merge.audit.Consultation.Channel.DASHBOARD, "page administrators", merger.id(), null,
                    view.administrators().size(), reason, null));
        }
        model.addAttribute("fullInsz", full);
        StoredPlans.Standing standing = view != null ? view.standing() : plans.standing(merger);
        model.addAttribute("view", view);
        model.addAttribute("standing", standing);
        // a coordinator approves what this page shows: the latest plan, READY and computed from the data as it is
        model.addAttribute("approvable", !Pages.operator() && standing.status() == StoredPlans.Standing.Status.READY);
        model.addAttribute("withdrawable", !Pages.operator() && standing.approval() != null && !standing.approval().applied());
        List<History.Entry> entries = new java.util.ArrayList<>(history.of(merger));
        java.util.Collections.reverse(entries);
        model.addAttribute("history", entries);
        var submissions = dashboard.submissions(merger);
        model.addAttribute("submissions", submissions);
        model.addAttribute("campaignNotStarted", submissions.stream()
                .allMatch(s -> s.campaign() == null || s.campaign().workbooks().isEmpty()));
        model.addAttribute("mails", outbox.ofMerger(merger.id(), 10));
        model.addAttribute("reports", latestReports(merger));
        return "web/merger";
    }

    @GetMapping("/mergers/{id}/reports/{name}")
    ResponseEntity<?> report(@PathVariable String id, @PathVariable String name,
                             @RequestParam(required = false) String reason, jakarta.servlet.http.HttpServletRequest request) {
        Merger merger = pages.merger(id);
        if (!REPORTS.contains(name) || !Files.isRegularFile(report(merger, name))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no report " + name + " of " + id);
        }
        // the workbooks and pages show people; summary.json only counts and findings, with INSZ masked
        RunMode mode = name.startsWith("plan.") ? RunMode.PLAN : name.startsWith("apply.") ? RunMode.APPLY : null;
        Path folder = report(merger, name).getParent();
        if (mode != null && ledger.showsFullInsz(folder, mode)) {
            return consulted(merger, inReadersLanguage(report(merger, name)), ledger.persons(folder, mode), reason, request);
        }
        return download(inReadersLanguage(report(merger, name)));
    }

    /** The reports of one run of the merger's history, from the folder of their own. */
    @GetMapping("/mergers/{id}/history/{report}/{name}")
    ResponseEntity<?> historyReport(@PathVariable String id, @PathVariable long report, @PathVariable String name,
                                    @RequestParam(required = false) String reason,
                                    jakarta.servlet.http.HttpServletRequest request) {
        Merger merger = pages.merger(id);
        ReportLedger.Written written = ledger.written(merger, report)
                .filter(w -> REPORTS.contains(name) && Files.isRegularFile(w.folder().resolve(name)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report " + name + " in run " + report + " of " + id));
        if (written.fullInsz() && !name.equals("summary.json")) {
            return consulted(merger, inReadersLanguage(written.folder().resolve(name)), ledger.persons(written.folder(), written.mode()),
                    reason, request);
        }
        return download(inReadersLanguage(written.folder().resolve(name)));
    }

    /**
     * A report with full INSZ: refused to coordinators; an operator first says why (a page asks), and the download is
     * then a consultation in the log, with who, when, which file, how many persons and the reason.
     */
    private ResponseEntity<?> consulted(Merger merger, Path file, long persons, String reason,
                                        jakarta.servlet.http.HttpServletRequest request) {
        if (!Pages.operator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "this report shows full INSZ: ask an operator for one "
                    + "with masked INSZ (plan again without --full-insz)");
        }
        if (reason == null || reason.isBlank()) {
            // the page that asks, under the address asked for (context path included)
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(java.net.URI.create(request.getRequestURI() + "/reason")).build();
        }
        consultations.record(be.ocmw.merge.audit.Consultation.of(Pages.actor(),
                be.ocmw.merge.audit.Consultation.Channel.DASHBOARD, "download " + file.getFileName(), merger.id(),
                file.toString(), persons, reason, null));
        return download(file);
    }

    /**
     * The pre-filled workbook of one OCMW of the merger (SPEC 4.5), written for this download from what is loaded now, in
     * the merger's language; after the apply only the merged OCMW's. Names and masked INSZ of every account: a
     * consultation of personal data in the log (who, when, which workbook, how many persons).
     */
    @GetMapping("/mergers/{id}/workbooks/{kbo}")
    ResponseEntity<?> workbook(@PathVariable String id, @PathVariable String kbo) throws java.io.IOException {
        Merger merger = pages.merger(id);
        be.ocmw.merge.domain.Kbo number;
        try {
            number = be.ocmw.merge.domain.Kbo.parse(kbo);
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no OCMW " + kbo + " in " + id);
        }
        Path folder = Files.createTempDirectory("ocmw-workbook");
        try {
            var written = workbooks.write(merger, folder, plans.applied(merger), null, number);
            if (written.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no workbook of " + kbo + " in " + id);
            }
            var workbook = written.get(0);
            consultations.record(be.ocmw.merge.audit.Consultation.of(Pages.actor(),
                    be.ocmw.merge.audit.Consultation.Channel.DASHBOARD, "download pre-filled workbook", merger.id(),
                    workbook.file().getFileName().toString(), workbook.accounts(), "pre-filled workbook (INSZ masked)", null));
            byte[] content = Files.readAllBytes(workbook.file());
            return ResponseEntity.ok()
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                            .attachment().filename(workbook.file().getFileName().toString(), java.nio.charset.StandardCharsets.UTF_8)
                            .build().toString())
                    .contentType(org.springframework.http.MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(content);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        }
    }

    /** What an operator is asked before a report with full INSZ is handed out. */
    @GetMapping({"/mergers/{id}/reports/{name}/reason", "/mergers/{id}/history/{report}/{name}/reason"})
    String reason(@PathVariable String id, @PathVariable String name, jakarta.servlet.http.HttpServletRequest request,
                  Model model) {
        model.addAttribute("merger", pages.merger(id));
        model.addAttribute("name", name);
        String uri = request.getRequestURI();
        model.addAttribute("action", uri.substring(request.getContextPath().length(), uri.length() - "/reason".length()));
        return "web/reason";
    }

    @GetMapping("/runs")
    String runs(Model model) {
        model.addAttribute("runs", jobHistory.recent(100));
        model.addAttribute("commands", runLog.recent(100));
        return "web/runs";
    }

    @GetMapping("/reconciliation")
    String reconciliation(Model model) {
        model.addAttribute("reconciliation", dashboard.lastReconciliation(pages.registry()).orElse(null));
        return "web/reconciliation";
    }

    /**
     * A latest report of the merger, when it was written, and whether a later step wrote reports of the other kind since
     * (a plan.html from before the apply still says the plan can be approved: it shows the merger as it stood then).
     */
    record ReportLink(String name, OffsetDateTime written, boolean earlier) {
    }

    private List<ReportLink> latestReports(Merger merger) {
        Map<String, OffsetDateTime> written = new LinkedHashMap<>();
        for (String name : REPORTS) {
            try {
                Path file = report(merger, name);
                if (Files.isRegularFile(file)) {
                    written.put(name, Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC));
                }
            } catch (IOException e) {
                // a report that cannot be read is not offered
            }
        }
        // a plan's reports and an apply's are each written by one step: the kind written last is the current one
        Map<String, OffsetDateTime> kinds = new HashMap<>();
        written.forEach((name, at) -> kinds.merge(name.substring(0, name.indexOf('.')), at, (a, b) -> a.isAfter(b) ? a : b));
        return written.entrySet().stream()
                .map(e -> {
                    String kind = e.getKey().substring(0, e.getKey().indexOf('.'));
                    String other = kind.equals("plan") ? "apply" : "plan";
                    boolean earlier = !kind.equals("summary") && kinds.containsKey(other)
                            && kinds.get(other).isAfter(kinds.get(kind));
                    return new ReportLink(e.getKey(), e.getValue(), earlier);
                })
                .toList();
    }

    /**
     * A report page in the reader's language: the pages are written in the merger's language and, beside it, in the
     * other one ({@code plan.fr.html}); a report from before that has only its own (the workbooks are not translated).
     */
    private static Path inReadersLanguage(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".html")) {
            return file;
        }
        Path translated = file.resolveSibling(ReportOptions.inLanguage(name, Pages.text().locale()));
        return Files.isRegularFile(translated) ? translated : file;
    }

    private Path report(Merger merger, String name) {
        return settings.reports().resolve(merger.id()).resolve(name);
    }

    /**
     * A report: the HTML pages open in the browser, in a sandbox (no script, no form, no link to the dashboard's
     * session can run in them; only their own inline style is allowed); the rest is downloaded.
     */
    static ResponseEntity<FileSystemResource> download(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        boolean page = extension.equals("html");
        var response = ResponseEntity.ok()
                .contentType(TYPES.getOrDefault(extension, MediaType.APPLICATION_OCTET_STREAM))
                .header(HttpHeaders.CONTENT_DISPOSITION, (page ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(name).build().toString());
        if (page) {
            response.header("Content-Security-Policy", REPORT_POLICY);
        }
        return response.body(new FileSystemResource(file));
    }

    /** What an HTML report may do when opened from the dashboard: show itself with its own style, nothing else. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
}
