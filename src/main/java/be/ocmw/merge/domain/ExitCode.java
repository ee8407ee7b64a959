package be.ocmw.merge.domain;

/**
 * The exit codes of SPEC section 7: how a command ends, as a script sees it and as the run log records it. A
 * failure that ends a command with another code than {@link #FAILED} says so itself ({@link Carrier}), so that the
 * command line, the dashboard's actions and the run log map failures the same way without knowing every feature.
 */
public final class ExitCode {

    /** Done; rows may have been rejected, and they are reported. */
    public static final int DONE = 0;
    /** Unknown command, merger or option. */
    public static final int USAGE = 2;
    /** An input file could not be read; nothing from it was loaded. */
    public static final int INPUT = 3;
    /** The plan is BLOCKED or not the approved one; nothing was applied. */
    public static final int BLOCKED = 4;
    /** The run failed; running the same command again resumes it. */
    public static final int FAILED = 5;

    private ExitCode() {
    }

    /** A failure that ends the command with its own exit code (a usage error, an unreadable file, a refused plan). */
    public interface Carrier {
        int exitCode();
    }

    /** The exit code a failure ends a command with: the first in its chain that carries one, else {@link #FAILED}. */
    public static int of(Throwable failure) {
        Carrier carrier = carrier(failure);
        return carrier == null ? FAILED : carrier.exitCode();
    }

    /** The first failure in the chain that carries an exit code, or null. */
    public static Carrier carrier(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Carrier carrier) {
                return carrier;
            }
        }
        return null;
    }

    /** What went wrong at the bottom of a failure, in its own words (its type when it has none). */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
