package be.ocmw.merge.database;

import be.ocmw.merge.database.internal.IdleStop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The watch that stops the embedded server an idle time after the last process was done with it
 * ({@code OCMW_DB_IDLE}): the jar's hidden command {@value #COMMAND}, started by that last process, never by a user.
 */
public final class IdleWatch {

    public static final String COMMAND = IdleStop.COMMAND;

    private IdleWatch() {
    }

    public static void run(Path home, Duration idle) throws IOException, InterruptedException {
        IdleStop.watch(home, idle);
    }
}
