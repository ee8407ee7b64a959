package be.ocmw.merge.cli;

/** The command was called wrongly in a way only the command itself can tell (an unknown merger, say). */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
