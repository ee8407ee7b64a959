package be.ocmw.merge.cli.internal;

import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.input.Cells;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command is told to write (--out), checked before it does any work: a folder that cannot be written is
 * said at once, naming it, as a usage error (exit 2), never found out after a plan or apply as a failed run that
 * "running again" would not mend.
 */
final class Outputs {

    private Outputs() {
    }

    /** The folder exists (it is made when it does not) and a file can be written in it. */
    static Path folder(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".ocmw-write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new UsageException("cannot write in the folder '" + Cells.shorten(dir.toString()) + "' given with --out ("
                    + reason(e) + "): choose a folder that can be written to");
        }
    }

    /** The file can be written: its folder can, and it is not a folder itself. */
    static Path file(Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException("'" + Cells.shorten(file.toString()) + "' given with --out is a folder: give the name "
                    + "of the file to write");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            folder(parent);
        }
        return file;
    }

    private static String reason(Exception e) {
        String kind = e.getClass().getSimpleName()
                .replace("NoSuchFileException", "a folder on the way does not exist")
                .replace("FileAlreadyExistsException", "a file of that name is in the way")
                .replace("NotDirectoryException", "a file of that name is in the way")
                .replace("AccessDeniedException", "permission denied")
                .replace("FileSystemException", "the file system refused");
        return kind.endsWith("Exception") ? String.valueOf(e.getMessage()) : kind;
    }
}
