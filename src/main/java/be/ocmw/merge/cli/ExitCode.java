package be.ocmw.merge.cli;

/** The exit codes of SPEC section 7. */
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
}
