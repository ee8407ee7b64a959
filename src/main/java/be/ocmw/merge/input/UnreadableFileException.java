package be.ocmw.merge.input;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.domain.Reason;

import java.nio.file.Path;

/**
 * A file that cannot be read at all: nothing from it may be loaded. The message names the file and says
 * what is wrong in English for the console; {@link #reason()} says it in the words of a report's language.
 */
public class UnreadableFileException extends RuntimeException implements ExitCode.Carrier, Reason.Carrier {

    private final transient Path file;
    private final transient Reason reason;

    public UnreadableFileException(Path file, Reason reason) {
        this(file, reason, null);
    }

    public UnreadableFileException(Path file, Reason reason, Throwable cause) {
        super(file.getFileName() + ": " + reason.english(), cause);
        this.file = file;
        this.reason = reason;
    }

    /** A problem only the console shows (a folder that does not exist), in English. */
    public UnreadableFileException(Path file, String problem) {
        this(file, Reason.words(problem));
    }

    public UnreadableFileException(Path file, String problem, Throwable cause) {
        this(file, Reason.words(problem), cause);
    }

    public Path file() {
        return file;
    }

    @Override
    public Reason reason() {
        return reason;
    }

    @Override
    public int exitCode() {
        return ExitCode.INPUT;
    }
}
