package be.ocmw.merge.database;

import be.ocmw.merge.database.internal.EmbeddedServer;

import java.io.IOException;
import java.nio.file.Path;

/** The embedded PostgreSQL of a folder, as an operator handles it from outside the commands that use it. */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /** What {@link #stop} found and did. */
    public enum Stopped {
        /** It ran and is down now. */
        STOPPED,
        /** No server ran on the folder: nothing was done. */
        NOT_RUNNING,
        /** A command or {@code serve} still uses it: it was left running. */
        IN_USE
    }

    /**
     * Stops the embedded server of {@code home} now (not after its idle time) and returns once it is down; leaves it
     * running when a process still uses it, so that no running command loses its database.
     */
    public static Stopped stop(Path home) throws IOException {
        return EmbeddedServer.stopNow(home);
    }
}
