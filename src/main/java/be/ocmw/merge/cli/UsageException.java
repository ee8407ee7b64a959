package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;

/** The command was called wrongly in a way only the command itself can tell (an unknown merger, say). */
public class UsageException extends RuntimeException implements ExitCode.Carrier {

    public UsageException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCode.USAGE;
    }
}
