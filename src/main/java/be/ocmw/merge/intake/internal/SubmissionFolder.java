package be.ocmw.merge.intake.internal;

import be.ocmw.merge.input.UnreadableFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The workbooks of an intake folder: every {@code .xlsx} (and every {@code .xls}, to be refused with the
 * reason), but not Excel's lock files nor the annotated copies the intake itself writes.
 */
public final class SubmissionFolder {

    private SubmissionFolder() {
    }

    public static List<Path> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UnreadableFileException(dir, "the folder does not exist");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return (name.endsWith(".xlsx") || name.endsWith(".xls")) && !name.startsWith("~$")
                                && !name.startsWith(".") && !name.endsWith(".checked.xlsx");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
