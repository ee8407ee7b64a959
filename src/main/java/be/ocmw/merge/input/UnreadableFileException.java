package be.ocmw.merge.input;

import be.ocmw.merge.audit.ExitCode;

import java.nio.file.Path;

/**
 * A file that cannot be read at all: nothing from it may be loaded. The message names the file and says
 * what is wrong in words for whoever has to fix it.
 */
public class UnreadableFileException extends RuntimeException implements ExitCode.Carrier {

    private final transient Path file;

    public UnreadableFileException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    public UnreadableFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public int exitCode() {
        return ExitCode.INPUT;
    }
}
