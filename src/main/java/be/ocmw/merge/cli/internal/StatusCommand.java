package be.ocmw.merge.cli.internal;

import java.util.List;
import be.ocmw.merge.registry.Registry;
import be.ocmw.merge.reporting.Times;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.audit.RunLog.RunRecord;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.database.DatabaseStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.stream.Collectors;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show which database is used, what it holds, and the latest runs.")
class StatusCommand extends DatabaseCommand {

    @picocli.CommandLine.Mixin
    RegistryOption registry;

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        DatabaseStatus status = context.getBean(DatabaseStatus.class);
        PrintWriter out = out();
        out.println("Database: " + status.description() + " (PostgreSQL " + status.serverVersion()
                + ", schema version " + status.schemaVersion() + ")");
        out.println("Holds:    " + status.counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        // the standing the dashboard shows, for every merger of the registry
        StoredPlans plans = context.getBean(StoredPlans.class);
        Registry registry = context.getBean(Registry.class);
        List<Merger> mergers = registry.exists() && registry.result().valid() ? registry.current().mergers() : List.of();
        out.println(mergers.isEmpty() ? "Mergers: none (no valid registry at " + registry.file() + ")" : "Mergers:");
        for (Merger merger : mergers) {
            StoredPlans.Standing standing = plans.standing(merger);
            out.printf("  %-30s %-22s %s%n", merger.id(), standing.status(), standing.status().english()
                    + (standing.planned() ? "; latest " + standing.mode().file() + " " + Times.moment(standing.at())
                    + " " + standing.fingerprint() : "")
                    + (standing.approval() != null && !standing.approval().applied() ? "; approved by "
                    + standing.approval().approvedBy() + " " + Times.moment(standing.approval().approvedAt()) : "")
                    + (standing.drift() > 0 ? "; " + standing.drift() + " drift" : ""));
        }
        out.println("Latest runs (times in Belgian time):");
        for (RunRecord record : context.getBean(RunLog.class).recent(10)) {
            out.printf("  #%-5d %s  %-40s %s%s%n", record.id(),
                    Times.moment(record.startedAt()),
                    abbreviate(record.arguments()), record.who() == null ? "" : "by " + ENGLISH.who(record.who()) + "; ",
                    outcome(record, run));
        }
        out.flush();
        return ExitCode.DONE;
    }

    private static final be.ocmw.merge.reporting.ReportText ENGLISH = be.ocmw.merge.reporting.ReportText.of(java.util.Locale.ENGLISH);

    private static String outcome(RunRecord record, long current) {
        if (record.id() == current) {
            return "this run";
        }
        if (record.exitCode() == null) {
            return "did not finish (killed or still running)";
        }
        // a long refusal or error is the run's own text: its first line, cut, keeps the table a table
        return "exit " + record.exitCode() + ": " + record.shortOutcome();
    }

    private static String abbreviate(String text) {
        String trimmed = text.strip();
        return trimmed.length() > 40 ? trimmed.substring(0, 39) + "…" : trimmed;
    }
}
