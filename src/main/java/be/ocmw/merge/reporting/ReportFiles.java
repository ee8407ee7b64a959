package be.ocmw.merge.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How a run's reports are kept: each run in a folder of its own, the latest also where people look for it. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * {@code first}, or the first of {@code first-2}, {@code first-3}… that holds no {@code complete} file: a folder
     * whose reports are complete is never written into again.
     */
    public static Path unused(Path first, String complete) {
        Path folder = first;
        for (int n = 2; Files.exists(folder.resolve(complete)); n++) {
            folder = first.resolveSibling(first.getFileName() + "-" + n);
        }
        return folder;
    }

    /**
     * Puts {@code file} at {@code link} as well, replacing what was there in one step: a hard link (the same file, not
     * a copy: a workbook of a million dossiers is large), or a copy where the file system has none.
     */
    public static void link(Path file, Path link) throws IOException {
        Path next = link.resolveSibling("." + link.getFileName() + ".next");
        Files.deleteIfExists(next);
        try {
            Files.createLink(next, file);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(file, next, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(next, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
