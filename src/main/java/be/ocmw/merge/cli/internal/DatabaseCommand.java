package be.ocmw.merge.cli.internal;

import be.ocmw.merge.OcmwMergeApplication;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.cli.ExitCode;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A command that works on the database: starts the application on the chosen database (migrating it),
 * records itself as a run with its outcome, and stops everything again when it is done.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    /** Does the work; {@code run} is the id of this run in the run log. */
    protected abstract int execute(ConfigurableApplicationContext context, long run) throws Exception;

    @Override
    public final Integer call() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            RunLog runs = context.getBean(RunLog.class);
            long run = runs.start(commandName(), arguments());
            try {
                int exitCode = execute(context, run);
                runs.finish(run, exitCode, exitCode == ExitCode.DONE ? "done" : "ended with exit code " + exitCode);
                return exitCode;
            } catch (Exception | Error e) {
                runs.finish(run, ExitCode.FAILED, String.valueOf(e.getMessage()));
                throw e;
            }
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> properties = new ArrayList<>();
        if (database.url != null && !database.url.isBlank()) {
            properties.add("--ocmw.database.url=" + database.url);
        }
        return SpringApplication.run(OcmwMergeApplication.class, properties.toArray(String[]::new));
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private String commandName() {
        return spec.qualifiedName(" ").replaceFirst("^ocmw-merge ", "");
    }

    /** The arguments as given, without a password that a JDBC URL may carry. */
    private String arguments() {
        return String.join(" ", spec.commandLine().getParseResult().originalArgs())
                .replaceAll("(?i)(password=)[^&\\s]*", "$1***");
    }
}
