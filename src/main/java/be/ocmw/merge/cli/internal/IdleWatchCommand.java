package be.ocmw.merge.cli.internal;

import be.ocmw.merge.database.IdleWatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** The embedded server's idle watch, started by the last command done with the server; not for users (hidden). */
@Command(name = IdleWatch.COMMAND, hidden = true, description = "Stops the embedded database when it has been idle.")
class IdleWatchCommand implements Callable<Integer> {

    @Parameters(index = "0")
    Path home;

    @Parameters(index = "1")
    long idleMillis;

    @Override
    public Integer call() throws Exception {
        IdleWatch.run(home, Duration.ofMillis(idleMillis));
        return 0;
    }
}
