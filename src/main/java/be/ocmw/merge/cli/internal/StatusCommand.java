package be.ocmw.merge.cli.internal;

import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.audit.RunLog.RunRecord;
import be.ocmw.merge.audit.ExitCode;
import be.ocmw.merge.database.DatabaseStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show which database is used, what it holds, and the latest runs.")
class StatusCommand extends DatabaseCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        DatabaseStatus status = context.getBean(DatabaseStatus.class);
        PrintWriter out = out();
        out.println("Database: " + status.description() + " (PostgreSQL " + status.serverVersion()
                + ", schema version " + status.schemaVersion() + ")");
        out.println("Holds:    " + status.counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        var mergers = status.mergers();
        if (!mergers.isEmpty()) {
            out.println("Mergers (latest plan or apply):");
            mergers.forEach(line -> out.println("  " + line));
        }
        out.println("Latest runs:");
        for (RunRecord record : context.getBean(RunLog.class).recent(10)) {
            out.printf("  #%-5d %s  %-40s %s%n", record.id(),
                    TIME.format(record.startedAt().atZoneSameInstant(ZoneId.systemDefault())),
                    abbreviate(record.arguments()), outcome(record, run));
        }
        out.flush();
        return ExitCode.DONE;
    }

    private static String outcome(RunRecord record, long current) {
        if (record.id() == current) {
            return "this run";
        }
        if (record.exitCode() == null) {
            return "did not finish (killed or still running)";
        }
        return "exit " + record.exitCode() + ": " + record.outcome();
    }

    private static String abbreviate(String text) {
        String trimmed = text.strip();
        return trimmed.length() > 40 ? trimmed.substring(0, 39) + "…" : trimmed;
    }
}
