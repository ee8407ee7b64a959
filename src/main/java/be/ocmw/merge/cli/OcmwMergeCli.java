package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.cli.internal.RootCommand;
import be.ocmw.merge.batch.JobAlreadyRunningException;
import be.ocmw.merge.database.DatabaseBusyException;
import be.ocmw.merge.domain.FreeText;
import be.ocmw.merge.domain.Readable;
import be.ocmw.merge.input.UnreadableFileException;
import be.ocmw.merge.registry.InvalidRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.sql.SQLException;

/** Parses the command line, runs the command, and turns every outcome into a message and an exit code. */
public final class OcmwMergeCli {

    private static final Logger log = LoggerFactory.getLogger(OcmwMergeCli.class);

    private OcmwMergeCli() {
    }

    /**
     * The Spring application a command that needs the database starts: given by the application's main class, which
     * depends on the command line and not the other way round.
     */
    private static volatile Class<?> application;

    public static int run(Class<?> springApplication, String... args) {
        application = springApplication;
        return run(args);
    }

    /** The Spring application to start for a command that needs the database. */
    public static Class<?> application() {
        if (application == null) {
            throw new IllegalStateException("the command line was started without its Spring application");
        }
        return application;
    }

    public static int run(String... args) {
        return execute(new RootCommand(), args);
    }

    /**
     * Runs a command line of other commands on the same application (the sample-data and benchmark tools, which are
     * not part of the product's jar), with the same handling of usage errors and failures.
     */
    public static int run(Class<?> springApplication, Object rootCommand, String... args) {
        application = springApplication;
        return execute(rootCommand, args);
    }

    private static int execute(Object rootCommand, String... args) {
        CommandLine commandLine = new CommandLine(rootCommand);
        // plain text on the console: no colours (their escape sequences are what ConsoleText keeps off the terminal)
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        commandLine.setOut(new PrintWriter(new ConsoleText(new java.io.OutputStreamWriter(System.out)), true));
        commandLine.setErr(new PrintWriter(new ConsoleText(new java.io.OutputStreamWriter(System.err)), true));
        // nothing typed may drive the terminal of whoever reads it later (the run log, the console, a report)
        for (int i = 0; i < args.length; i++) {
            java.util.Optional<be.ocmw.merge.domain.Reason> control = FreeText.controlProblem("argument " + (i + 1), args[i]);
            if (control.isPresent()) {
                PrintWriter err = commandLine.getErr();
                err.println("ocmw-merge: " + control.get().english());
                err.flush();
                return ExitCode.USAGE;
            }
        }
        commandLine.setParameterExceptionHandler(OcmwMergeCli::usageError);
        commandLine.setExecutionExceptionHandler(OcmwMergeCli::failure);
        return commandLine.execute(args);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("ocmw-merge: " + Readable.shortenLongWords(e.getMessage()));
        if (e instanceof UnmatchedArgumentException unmatched
                && unmatched.getUnmatched().stream().allMatch(a -> a.length() <= Readable.SHOWN)) {
            UnmatchedArgumentException.printSuggestions(e, err);
        }
        printUsageLine(command, err);
        return ExitCode.USAGE;
    }

    private static void printUsageLine(CommandLine command, PrintWriter err) {
        err.print("Usage: " + command.getHelp().synopsis(0));
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
    }

    private static int failure(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        int exitCode = ExitCode.of(e);
        if (e instanceof UsageException) {
            err.println("ocmw-merge: " + Readable.shortenLongWords(e.getMessage()));
            printUsageLine(command, err);
            return exitCode;
        }
        if (e instanceof UnreadableFileException) {
            err.println("ocmw-merge: " + Readable.shortenLongWords(e.getMessage()) + "; nothing from it was loaded.");
            err.flush();
            return exitCode;
        }
        if (e instanceof InvalidRegistryException) {
            err.println(Readable.shortenLongWords(e.getMessage()));
            err.flush();
            return exitCode;
        }
        // a refusal or an obstacle that says what to do about it: its own words, no "run it again"
        ExitCode.Carrier carrier = ExitCode.carrier(e);
        Throwable known = carrier instanceof Throwable t ? t
                : e instanceof JobAlreadyRunningException ? e : cause(e, DatabaseBusyException.class);
        if (known != null) {
            err.println("ocmw-merge: " + Readable.shortenLongWords(known.getMessage()));
            err.flush();
            return exitCode;
        }
        log.error("The run failed", e);
        SQLException database = cause(e, SQLException.class);
        String reason = database != null
                ? "the database could not be used: " + database.getMessage()
                : rootMessage(e);
        err.println("ocmw-merge: the run failed: " + Readable.shortenLongWords(reason));
        err.println("Details are in the log file (" + logFile() + "). Run the same command again to resume.");
        err.flush();
        return exitCode;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** What went wrong at the bottom of a failure, in its own words (its type when it has none). */
    public static String rootMessage(Throwable e) {
        return ExitCode.rootMessage(e);
    }

    private static String logFile() {
        String file = System.getenv("OCMW_LOG_FILE");
        if (file != null && !file.isBlank()) {
            return file;
        }
        return home() + "/logs/ocmw-merge.log";
    }

    /** The embedded database's folder, as the application will resolve it: OCMW_HOME, else ./.ocmw. */
    public static String home() {
        String home = System.getenv("OCMW_HOME");
        return home == null || home.isBlank() ? ".ocmw" : home;
    }
}
