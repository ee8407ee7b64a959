package be.ocmw.merge.cli.internal;

import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.domain.Account;
import be.ocmw.merge.domain.Actor;
import be.ocmw.merge.domain.FreeText;
import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.cli.OcmwMergeCli;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Settings this command adds to the application's ({@code --name=value}). */
    protected List<String> properties() {
        return List.of();
    }

    /**
     * Whether this command may make the embedded database where there is none yet: the ones that bring data (loads,
     * the intake, the dashboard that takes uploads). The others refuse in a folder without data.
     */
    protected boolean createsDatabase() {
        return false;
    }

    /**
     * Whether the application makes a bean only when the command first uses it: a command that reads a few tables
     * does not wait for the batch jobs, the loaders and their readers to be built (a quarter of its start-up).
     * {@code serve} makes everything at once, so that a wrong setting stops it at start and not at the first click.
     */
    protected boolean startsLazily() {
        return true;
    }

    /**
     * What the command does when its arguments ask for nothing the database holds (template without a merger: the blank
     * workbook), as its exit code; null: it starts the application and {@link #execute}s.
     */
    protected Integer withoutDatabase() {
        return null;
    }

    /** Checks what can be checked before the application starts (where it will write); throws a usage error. */
    protected void checkArguments() {
    }

    /**
     * The options that hold a text a person types, with the kind that says how long it may be (docs/commands.md): one
     * list for every command, so that a new command's {@code --by} is held to the same rule.
     */
    static final Map<String, FreeText> TEXTS = Map.of("--by", FreeText.NAME, "--comment", FreeText.COMMENT,
            "--reason", FreeText.REASON, "--username", FreeText.SEARCH, "--dossier", FreeText.SEARCH,
            "--fingerprint", FreeText.SEARCH);

    /** Refuses (exit 2) a typed text that is too long or holds a control character, before anything starts. */
    private void checkTexts() {
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            FreeText kind = TEXTS.get(option.longestName());
            if (kind != null && option.getValue() instanceof String value) {
                kind.problem(option.longestName(), value).ifPresent(problem -> {
                    throw new UsageException(problem.english());
                });
            }
        }
    }

    /** Does the work; {@code run} is the id of this run in the run log. */
    protected abstract int execute(ConfigurableApplicationContext context, long run) throws Exception;

    @Override
    public final Integer call() throws Exception {
        checkTexts();
        checkArguments();
        Integer without = withoutDatabase();
        if (without != null) {
            return without;
        }
        if (!createsDatabase()) {
            NoDatabaseException.requireData(database.url);
        }
        try (ConfigurableApplicationContext context = start()) {
            RunLog runs = context.getBean(RunLog.class);
            long run = runs.start(commandName(), arguments(), actor());
            long started = System.nanoTime();
            try {
                int exitCode = execute(context, run);
                reportTime(started);
                runs.finish(run, exitCode, exitCode == ExitCode.DONE ? "done" : "ended with exit code " + exitCode);
                return exitCode;
            } catch (Exception | Error e) {
                // the exit code the command ends with: a refused apply is 4 in the run log as on the console
                if (e instanceof Reason.Carrier carrier && carrier.reason() != null) {
                    runs.finish(run, ExitCode.of(e), carrier.reason());
                } else {
                    runs.finish(run, ExitCode.of(e), String.valueOf(e.getMessage()));
                }
                throw e;
            }
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> properties = new ArrayList<>();
        if (database.url != null && !database.url.isBlank()) {
            properties.add("--ocmw.database.url=" + database.url);
        }
        // the registry a command names is the application's registry
        spec.mixins().values().stream().map(CommandSpec::userObject).filter(RegistryOption.class::isInstance)
                .map(RegistryOption.class::cast).findFirst().ifPresent(registry -> properties.add(registry.property()));
        properties.addAll(properties());
        if (startsLazily()) {
            properties.add("--spring.main.lazy-initialization=true");
            properties.add("--ocmw.database.migrate=when-behind");
        }
        SpringApplication application = new SpringApplication(OcmwMergeCli.application());
        StartupSteps.record(application);
        return application.run(properties.toArray(String[]::new));
    }

    /** How long the work took (not the start-up), and with OCMW_REPORT_MEMORY=1 the peak heap, for make bench. */
    private void reportTime(long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        if (System.getenv("OCMW_REPORT_MEMORY") != null) {
            long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            out().printf("Work took %.2f s; peak heap %d MB (of %d MB allowed)%n", seconds, peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } else if (seconds >= 10) {
            out().printf("Done in %.0f s.%n", seconds);
        }
        out().flush();
    }

    /** For whom this run is ({@code --by}), or null: the OS account acts for itself. */
    protected String onBehalfOf() {
        return null;
    }

    /** Who acts (SPEC 10): the OS account that runs the command, on behalf of {@code --by} when given. */
    protected final Actor actor() {
        return Actor.onBehalfOf(onBehalfOf(), Account.currentOsUser());
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
