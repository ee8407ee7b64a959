package be.ocmw.merge.cli;

import be.ocmw.merge.cli.internal.RootCommand;
import be.ocmw.merge.batch.JobAlreadyRunningException;
import be.ocmw.merge.database.DatabaseBusyException;
import be.ocmw.merge.domain.Readable;
import be.ocmw.merge.input.UnreadableFileException;
import be.ocmw.merge.plan.PlanRefusedException;
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

    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand());
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
        if (e instanceof UsageException) {
            err.println("ocmw-merge: " + Readable.shortenLongWords(e.getMessage()));
            printUsageLine(command, err);
            return exitCodeOf(e);
        }
        if (e instanceof UnreadableFileException) {
            err.println("ocmw-merge: " + Readable.shortenLongWords(e.getMessage()) + "; nothing from it was loaded.");
            err.flush();
            return exitCodeOf(e);
        }
        if (e instanceof PlanRefusedException) {
            err.println("ocmw-merge: " + Readable.shortenLongWords(e.getMessage()));
            err.flush();
            return exitCodeOf(e);
        }
        if (e instanceof JobAlreadyRunningException) {
            err.println("ocmw-merge: " + Readable.shortenLongWords(e.getMessage()));
            err.flush();
            return exitCodeOf(e);
        }
        if (e instanceof InvalidRegistryException) {
            err.println(Readable.shortenLongWords(e.getMessage()));
            err.flush();
            return exitCodeOf(e);
        }
        be.ocmw.merge.web.WebUsersMissingException users = cause(e, be.ocmw.merge.web.WebUsersMissingException.class);
        if (users != null) {
            err.println("ocmw-merge: " + Readable.shortenLongWords(users.getMessage()));
            err.flush();
            return exitCodeOf(e);
        }
        DatabaseBusyException busy = cause(e, DatabaseBusyException.class);
        if (busy != null) {
            err.println("ocmw-merge: " + Readable.shortenLongWords(busy.getMessage()));
            err.flush();
            return exitCodeOf(e);
        }
        log.error("The run failed", e);
        SQLException database = cause(e, SQLException.class);
        String reason = database != null
                ? "the database could not be used: " + database.getMessage()
                : rootMessage(e);
        err.println("ocmw-merge: the run failed: " + Readable.shortenLongWords(reason));
        err.println("Details are in the log file (" + logFile() + "). Run the same command again to resume.");
        err.flush();
        return exitCodeOf(e);
    }

    /**
     * The exit code a failure ends the command with (SPEC 7): what {@link #run} returns for it, and what the run log
     * records. Must agree with the messages of {@code failure}.
     */
    public static int exitCodeOf(Throwable e) {
        if (e instanceof UsageException) {
            return ExitCode.USAGE;
        }
        if (e instanceof UnreadableFileException || e instanceof InvalidRegistryException) {
            return ExitCode.INPUT;
        }
        if (e instanceof PlanRefusedException) {
            return ExitCode.BLOCKED;
        }
        if (cause(e, be.ocmw.merge.web.WebUsersMissingException.class) != null) {
            return ExitCode.USAGE;
        }
        return ExitCode.FAILED;
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
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String logFile() {
        String file = System.getenv("OCMW_LOG_FILE");
        if (file != null && !file.isBlank()) {
            return file;
        }
        String home = System.getenv("OCMW_HOME");
        return (home == null || home.isBlank() ? ".ocmw" : home) + "/logs/ocmw-merge.log";
    }
}
