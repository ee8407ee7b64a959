package be.ocmw.merge.cli.internal;

import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.merger.Approvals;
import be.ocmw.merge.merger.Approval;
import be.ocmw.merge.domain.Readable;
import be.ocmw.merge.input.Cells;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.MergerRuns;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.Registry;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code plan} and {@code apply}. */
final class MergerCommands {

    private MergerCommands() {
    }

    static Merger merger(ConfigurableApplicationContext context, String id) {
        MergerRegistry mergers = context.getBean(Registry.class).current();
        return mergers.find(id).orElseThrow(() -> new UsageException("unknown merger '" + Cells.shorten(id) + "'; the mergers are: "
                + mergers.mergers().stream().map(Merger::id).collect(Collectors.joining(", "))));
    }

    static void print(MergerRuns.Outcome outcome, String mode, PrintWriter out) {
        MergerPlan plan = outcome.plan();
        out.println(mode + " of " + plan.merger().id() + " (" + plan.merger().name() + ", scenario "
                + plan.merger().scenario().number() + " " + plan.merger().scenario() + "): " + outcome.status()
                + (outcome.reportedLate() ? " (an earlier apply had done everything but was stopped before its reports: "
                + "nothing was applied now, its reports were written)"
                : outcome.resumed() ? " (an interrupted apply was finished)" : "")
                + (outcome.asStored() ? " (the stored plan was executed: nothing it was computed from has changed)" : ""));
        plan.counts().lines().forEach(line -> out.println("  " + line));
        Map<String, Long> bySeverity = new TreeMap<>(plan.findings().stream()
                .collect(Collectors.groupingBy(f -> f.severity().name(), Collectors.counting())));
        out.println("  findings: " + (bySeverity.isEmpty() ? "none" : bySeverity.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))));
        plan.findings().stream().filter(Finding::blocking)
                .forEach(f -> out.println("    BLOCKING " + f.code() + ": " + f.detail()));
        out.println("  fingerprint: " + plan.fingerprint());
        if (outcome.sourceAfter() != null) {
            out.println("  source organisations untouched: " + outcome.sourceBefore().equals(outcome.sourceAfter())
                    + " (" + outcome.sourceAfter() + ")");
        }
        out.println("  reports: " + outcome.reports().resolve("summary.json") + ", "
                + outcome.reports().resolve(mode + ".xlsx") + ", " + outcome.reports().resolve(mode + ".html"));
        out.flush();
    }

    /** What plan and apply share: the merger, where the reports go, the registry, the reports' language and INSZ, who. */
    abstract static class MergerReportCommand extends DatabaseCommand {

        @Parameters(paramLabel = "MERGER", description = "The merger's id (see mergers list).")
        String merger;

        @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (required, but to schedule or "
                + "cancel an apply: serve writes the reports of a scheduled one into its reports folder).")
        Path out;

        @Mixin
        ByOption by;

        @Mixin
        RegistryOption registry;

        @Mixin
        ReportOption report;

        @Override
        protected void checkArguments() {
            merger = MergerNames.resolve(registry, merger);
            report.check();
            if (writesReports()) {
                if (out == null) {
                    throw new UsageException("Missing required option: '--out=DIR'");
                }
                Outputs.folder(out);
            }
        }

        /** Whether this command writes reports now (an apply that is scheduled or cancelled does not). */
        protected boolean writesReports() {
            return true;
        }

        @Override
        protected String onBehalfOf() {
            return by.onBehalfOf();
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Dry run: work out everything the merger does and change nothing. Writes DIR/<merger>/summary.json, "
                    + "plan.xlsx and plan.html (--lang nl|fr, INSZ masked unless --full-insz); prints the fingerprint a coordinator approves. Exit 0 READY, 4 BLOCKED.")
    static class Plan extends MergerReportCommand {

        @Override
        protected int execute(ConfigurableApplicationContext context, long run) {
            MergerRuns.Outcome outcome = context.getBean(MergerRuns.class).plan(merger(context, merger), out, report.options(actor()), run);
            print(outcome, "plan", out());
            return outcome.plan().blocked() ? ExitCode.BLOCKED : ExitCode.DONE;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Execute the approved plan of the merger (audited, resumable: run it again after an interruption; a "
                    + "second apply changes nothing and reports zeros in a folder of its own). Refuses with exit 4, changing "
                    + "nothing, when no plan is approved, when --fingerprint is not the approved plan, when the data changed "
                    + "since the approval, when the person applying is the approver (four eyes: the same OS account or dashboard user; with "
                    + "OCMW_FOUR_EYES=names the same --by name), or before the merger's "
                    + "effective date (the merged OCMW exists from then) unless --rehearsal.")
    static class Apply extends MergerReportCommand {

        @Option(names = "--fingerprint", paramLabel = "F", description = "The fingerprint of the approved plan (a check: "
                + "without it, the approved plan is applied).")
        String fingerprint;

        @Option(names = "--rehearsal", description = "Before the effective date: apply anyway, to rehearse on a copy of the "
                + "data (never the real one); recorded, and said on every page of the apply's reports.")
        boolean rehearsal;

        @Option(names = "--at", paramLabel = "DATE-TIME", description = "Schedule the approved plan (with --fingerprint) for "
                + "this moment instead, e.g. 2031-01-01T06:00 (Belgian time unless a zone is given): serve applies it then, "
                + "checking the approval, the data and four eyes again, and mails the outcome.")
        String at;

        @Option(names = "--cancel", description = "Cancel the merger's scheduled apply.")
        boolean cancel;

        @Override
        protected boolean writesReports() {
            return at == null && !cancel;
        }

        @Override
        protected void checkArguments() {
            super.checkArguments();
            if (at != null && (fingerprint == null || fingerprint.isBlank())) {
                throw new UsageException("--at needs --fingerprint F: the approved plan to schedule");
            }
            if (cancel && (at != null || rehearsal)) {
                throw new UsageException("--cancel goes alone: it cancels the scheduled apply");
            }
            if (at != null) {
                moment();
            }
        }

        /** --at as a moment: Belgian time unless the text gives a zone or an offset. */
        private java.time.OffsetDateTime moment() {
            try {
                return java.time.OffsetDateTime.parse(at.strip());
            } catch (java.time.format.DateTimeParseException withoutOffset) {
                try {
                    return java.time.LocalDateTime.parse(at.strip()).atZone(be.ocmw.merge.reporting.Times.BELGIUM).toOffsetDateTime();
                } catch (java.time.format.DateTimeParseException e) {
                    throw new UsageException("--at " + at + ": a date and time like 2031-01-01T06:00 (Belgian time), "
                            + "or with an offset, 2031-01-01T06:00+01:00");
                }
            }
        }

        @Override
        protected int execute(ConfigurableApplicationContext context, long run) {
            be.ocmw.merge.merger.ApplySchedules schedules = context.getBean(be.ocmw.merge.merger.ApplySchedules.class);
            if (cancel) {
                var cancelled = schedules.cancel(merger(context, merger), actor(), run);
                out().println("Cancelled the apply of " + cancelled.merger() + " scheduled for "
                        + be.ocmw.merge.reporting.Times.moment(cancelled.at()) + " by " + cancelled.by() + ": nothing will run.");
                out().flush();
                return ExitCode.DONE;
            }
            if (at != null) {
                var scheduled = schedules.schedule(merger(context, merger), fingerprint.strip(), moment(), actor(), run);
                out().println("Scheduled: serve applies plan " + scheduled.fingerprint() + " of " + scheduled.merger() + " at "
                        + be.ocmw.merge.reporting.Times.moment(scheduled.at()) + " (Belgian time), for " + scheduled.by()
                        + ", checking the approval, the data and four eyes again then, and mails the outcome. "
                        + "Standing: SCHEDULED. To cancel: apply " + scheduled.merger() + " --cancel");
                out().flush();
                return ExitCode.DONE;
            }
            MergerRuns.Outcome outcome = context.getBean(MergerRuns.class)
                    .apply(merger(context, merger), out, fingerprint, actor(), report.options(actor()), run, rehearsal);
            print(outcome, "apply", out());
            be.ocmw.merge.registry.Merger applied = outcome.plan().merger();
            if (rehearsal && java.time.LocalDate.now(context.getBean(java.time.Clock.class)).isBefore(applied.effectiveDate())) {
                out().println("  REHEARSAL before the effective date " + be.ocmw.merge.reporting.ReportText.date(applied.effectiveDate())
                        + ": on a copy of the data, never the real one (recorded, and said in the apply's reports)");
                out().flush();
            }
            return ExitCode.DONE;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Record a coordinator's approval of the merger's latest READY plan, by the fingerprint its reports show "
                    + "(who: the OS account, on behalf of --by when given; audited). --withdraw takes the approval in force back. Exit 4 when refused "
                    + "(not the latest plan, BLOCKED, data changed since the plan), with the reason.")
    static class Approve extends DatabaseCommand {

        @Parameters(paramLabel = "MERGER", description = "The merger's id (see mergers list).")
        String merger;

        @Option(names = "--fingerprint", paramLabel = "F", description = "The fingerprint of the plan approved.")
        String fingerprint;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Why, or on what condition (recorded with the approval).")
        String comment;

        @Option(names = "--withdraw", description = "Take the approval in force back instead.")
        boolean withdraw;

        @Mixin
        ByOption by;

        @Mixin
        RegistryOption registry;

        @Override
        protected void checkArguments() {
            merger = MergerNames.resolve(registry, merger);
            if (!withdraw && (fingerprint == null || fingerprint.isBlank())) {
                throw new UsageException("approve needs --fingerprint F: the fingerprint of the plan approved, as plan printed "
                        + "it (or --withdraw to take an approval back)");
            }
        }

        @Override
        protected String onBehalfOf() {
            return by.onBehalfOf();
        }

        @Override
        protected int execute(ConfigurableApplicationContext context, long run) {
            Approvals approvals = context.getBean(Approvals.class);
            Merger target = merger(context, merger);
            Approvals.Result result = withdraw ? approvals.withdraw(target, actor(), comment, run)
                    : approvals.approve(target, fingerprint, actor(), comment, run);
            PrintWriter out = out();
            if (result instanceof Approvals.Result.Refused refused) {
                spec.commandLine().getErr().println((withdraw ? "Not withdrawn: " : "Not approved: ") + refused.reason().english());
                spec.commandLine().getErr().flush();
                return ExitCode.BLOCKED;
            }
            Approval approval = ((Approvals.Result.Recorded) result).approval();
            boolean again = ((Approvals.Result.Recorded) result).again();
            if (withdraw) {
                out.println("Withdrawn: the approval of plan " + approval.fingerprint() + " of " + target.id() + " (approved by "
                        + approval.approvedBy() + ") is no longer in force; nothing can be applied until a plan is approved.");
            } else {
                out.println((again ? "Already approved: " : "Approved: ") + "plan " + approval.fingerprint() + " of " + target.id()
                        + " by " + approval.approvedBy() + " at " + ReportText.dateTime(approval.approvedAt())
                        + (approval.comment() == null ? "" : " (" + Readable.shorten(approval.comment()) + ")") + ".");
                out.println("  Next: an operator other than " + approval.approvedBy() + (approval.approver().account() == null ? ""
                        : ", from an account other than " + approval.approver().account().id()) + " (four eyes), applies it: apply " + target.id()
                        + " --out DIR --fingerprint " + approval.fingerprint() + " --by NAME");
            }
            out.flush();
            return ExitCode.DONE;
        }
    }
}
