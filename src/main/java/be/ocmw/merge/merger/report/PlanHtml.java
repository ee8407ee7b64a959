package be.ocmw.merge.merger.report;

import be.ocmw.merge.finding.Severity;
import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.merger.model.MergerPlan;

import be.ocmw.merge.reporting.ReportText;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plan.html} / {@code apply.html}: the report for reading and printing, from the Thymeleaf template
 * {@code templates/plan.html}: the workbook's equal, section for sheet. The findings are grouped by what somebody has to
 * do about them; long lists (users, dossiers, rejected rows) show their first rows and point at the workbook.
 */
@Component
class PlanHtml {

    static final int LIMIT = 200;

    private final TemplateEngine engine = new TemplateEngine();

    PlanHtml() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
    }

    /** A group of findings: what to do with them, and each with its title, words and what to do. */
    public record Group(String severity, String heading, List<Item> items) {
    }

    public record Item(String code, String title, String subject, String detail, String todo) {
    }

    /** A task of the checklist; {@code done} who ticked it when ("" while still to do). */
    public record Task(String code, String due, String text, String done) {
    }

    /** An administrator of the merged OCMW as the page lists them, in the reader's words. */
    public record Administrator(String domain, String role, String username, String lastName, String firstName, String insz,
                                String action) {
    }

    public record Model(String title, String lang, List<List<Object>> summary, List<ReportRows.CorrectionRow> corrections,
                 List<Group> groups, List<Task> tasks,
                 List<Administrator> administrators, List<List<Object>> users, String usersMore,
                 List<List<Object>> dossiers, String dossiersMore,
                 List<List<Object>> online, List<List<Object>> transition, String transitionMore,
                 List<List<Object>> rejected, String rejectedMore, boolean fullInsz, boolean applied, String merger) {
    }

    /** The page's model, from the report model: the same as the workbook, long lists cut short with a pointer to it. */
    static Model model(PlanReport report, ApplyResult applied) {
        ReportText text = ReportText.of(report.options().language());
        MergerPlan plan = report.plan();
        boolean full = report.options().fullInsz();
        String mode = report.mode().file();
        List<Group> groups = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            List<Item> items = plan.findings().stream().filter(f -> f.severity() == severity)
                    .map(f -> new Item(f.code(), text.get("finding." + f.code() + ".title"), f.subject() == null ? "" : f.subject(),
                            f.detail(text), f.todo(text)))
                    .toList();
            if (!items.isEmpty()) {
                groups.add(new Group(severity.name(), text.get("group." + severity.name()), items));
            }
        }
        List<Task> tasks = plan.tasks().stream()
                .map(t -> new Task(t.code(), ReportText.date(t.due()), ReportRows.taskText(t, plan.merger(), text),
                        report.done(t.code(), text))).toList();
        List<Administrator> administrators = plan.accounts().stream().filter(MergerPlan.TargetAccount::administrator)
                .map(a -> new Administrator(a.domain(), a.role().label(), a.username(), a.lastName(), a.firstName(),
                        ReportRows.insz(a.insz(), full), text.get("action." + a.action().name())))
                .toList();
        List<List<Object>> users = plan.accounts().stream().limit(LIMIT)
                .map(a -> List.<Object>of(a.domain(), a.username(), a.lastName(), a.firstName(), ReportRows.insz(a.insz(), full),
                        a.role().label(), text.get("account.status." + a.status().name()),
                        String.join(" | ", a.applications()), text.get("action." + a.action().name()),
                        String.join("; ", a.mergedFrom())))
                .toList();
        List<List<Object>> rejected = report.rejected().stream().limit(LIMIT)
                .map(r -> List.<Object>of(r.file(), r.sheet(), r.row(), r.column(), text.reason(r.reason())))
                .toList();
        int dossierCount = report.dossierCount();
        List<MergerPlan.TargetAccount> people = ReportRows.transitionPeople(plan);
        List<List<Object>> transition = people.stream().limit(LIMIT)
                .map(a -> List.<Object>of(a.lastName(), a.firstName(), ReportRows.insz(a.insz(), full), a.domain(),
                        a.username(), String.join("; ", a.mergedFrom())))
                .toList();
        List<List<Object>> summary = ReportRows.summary(report, applied, text).stream()
                .map(row -> row.stream().map(v -> v instanceof java.time.LocalDate d ? (Object) ReportText.date(d) : v).toList())
                .toList();
        return new Model(text.get("html.title", plan.merger().name(), text.get("summary.mode." + mode)), text.code(), summary,
                ReportRows.corrections(ReportRows.corrections(plan), text, full), groups, tasks, administrators, users,
                plan.accounts().size() > LIMIT ? text.get("html.users.more", LIMIT, plan.accounts().size(), mode + ".xlsx") : null,
                dossierRows(report, text),
                dossierCount > LIMIT ? text.get("html.dossiers.more", LIMIT, dossierCount, mode + ".xlsx") : null,
                onlineRows(report), transition,
                people.size() > LIMIT ? text.get("html.transition.more", LIMIT, people.size(), mode + ".xlsx") : null,
                rejected, report.rejected().size() > LIMIT
                        ? text.get("html.rejected.more", LIMIT, report.rejected().size(), mode + ".xlsx") : null,
                full, applied != null, plan.merger().id());
    }

    private static List<List<Object>> dossierRows(PlanReport report, ReportText text) {
        List<List<Object>> rows = new ArrayList<>();
        if (report.rows() != null) {
            String target = report.plan().merger().target().kbo().formatted();
            report.dossiers().planned(report.rows(), LIMIT, d -> rows.add(List.of(
                    text.get(d.successor() != null ? "dossier.close_reopen" : "dossier.close"),
                    be.ocmw.merge.domain.Kbo.format(d.kbo()), d.reference(), d.type(),
                    ReportRows.insz(d.insz(), report.options().fullInsz()), ReportText.date(d.start()),
                    d.originalEnd() == null ? "" : ReportText.date(d.originalEnd()),
                    d.successor() == null ? "" : target + "/" + d.successor())));
        }
        return rows;
    }

    private static List<List<Object>> onlineRows(PlanReport report) {
        List<List<Object>> rows = new ArrayList<>();
        if (report.rows() != null) {
            report.requests().planned(report.rows(), null,
                    r -> rows.add(List.of(r.reference(), ReportText.date(r.submittedOn()),
                            be.ocmw.merge.domain.Kbo.format(r.kbo()))));
        }
        return rows;
    }

    /**
     * Renders an empty report nowhere, so the template is parsed and the engine warm when the real one is
     * written: an apply does this while its job runs, which takes the engine's start off the end of the apply.
     */
    void warmUp(ReportOptions options) {
        Model empty = new Model("", ReportText.of(options.language()).code(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), null, List.of(), null, List.of(), List.of(), null, List.of(), null, false, false, "");
        render(empty, options, Writer.nullWriter());
    }

    void write(Model model, Path file, ReportOptions options) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            render(model, options, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void render(Model model, ReportOptions options, Writer out) {
        Context context = new Context(options.language());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("r", model);
        variables.put("t", ReportText.of(options.language()));
        context.setVariables(variables);
        engine.process("plan", context, out);
    }
}
