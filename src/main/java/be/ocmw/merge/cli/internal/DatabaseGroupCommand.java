package be.ocmw.merge.cli.internal;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.cli.OcmwMergeCli;
import be.ocmw.merge.database.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code database}: the embedded database of this folder, handled from outside the commands that use it. */
@Command(name = "database", mixinStandardHelpOptions = true,
        description = "The embedded PostgreSQL this folder's commands share (./.ocmw, or OCMW_HOME).",
        subcommands = DatabaseGroupCommand.Stop.class)
class DatabaseGroupCommand extends GroupCommand {

    /** Needs no Spring: it only stops a server, so that a folder can be removed or copied right after. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the embedded database now (not after its idle time, OCMW_DB_IDLE) and wait until it is down, "
                    + "e.g. before removing .ocmw to start over. Nothing to do (exit 0) when none runs or a PostgreSQL "
                    + "server is used (--db-url, OCMW_DB_URL). Exit 4 when a command or serve still uses it: it is left running.")
    static class Stop implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption database;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            String url = database.url != null && !database.url.isBlank() ? database.url : System.getenv("OCMW_DB_URL");
            if (url != null && !url.isBlank()) {
                out.println("A PostgreSQL server is used (--db-url or OCMW_DB_URL), not the embedded database: ocmw-merge does "
                        + "not stop it; nothing was done.");
                out.flush();
                return ExitCode.DONE;
            }
            Path home = Path.of(OcmwMergeCli.home()).toAbsolutePath().normalize();
            EmbeddedDatabase.Stopped stopped = EmbeddedDatabase.stop(home);
            switch (stopped) {
                case STOPPED -> out.println("Stopped the embedded database in " + home + ". The next command starts it again.");
                case NOT_RUNNING -> out.println("No embedded database runs in " + home + ": nothing to stop.");
                case IN_USE -> {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("ocmw-merge: the embedded database in " + home + " is in use by a command or serve that "
                            + "is still running; it was left running. Let them finish (stop serve with Ctrl-C), then run "
                            + "database stop again.");
                    err.flush();
                    return ExitCode.BLOCKED;
                }
            }
            out.flush();
            return ExitCode.DONE;
        }
    }
}
