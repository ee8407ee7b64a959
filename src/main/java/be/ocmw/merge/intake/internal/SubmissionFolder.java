package be.ocmw.merge.intake.internal;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.batch.FileDigest;
import be.ocmw.merge.input.UnreadableFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The entries of an intake folder: every {@code .xlsx} workbook (and every {@code .xls}, to be refused with the
 * reason), and every other entry the intake cannot use, with why (a link that leads nowhere, a sub-folder, a file
 * that is not a workbook or cannot be read), so that it is reported rather than silently passed over. Only hidden
 * files, Excel's lock files and what the intake itself writes (annotated copies, its reports) are left out.
 */
public final class SubmissionFolder {

    /** One entry: the file, or why it is not read ({@code problem} null: it is a workbook to read). */
    public record Entry(Path path, Reason problem) {

        /** What identifies its content: the digest of a workbook, the problem of anything else. */
        String content() {
            return path.getFileName() + ":" + (problem == null ? FileDigest.of(path) : "-" + problem.english());
        }
    }

    private SubmissionFolder() {
    }

    public static List<Entry> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UnreadableFileException(dir, "the folder does not exist");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(SubmissionFolder::considered).sorted().map(SubmissionFolder::entry).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableFileException(dir, "the folder cannot be read: " + e.getMessage(), e);
        }
    }

    /** What the digest of a whole intake folder is made of, an entry at a time. */
    public static List<String> content(Path dir) {
        return scan(dir).stream().map(Entry::content).toList();
    }

    private static boolean considered(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith("~$") && !name.startsWith(".") && !name.endsWith(".checked.xlsx")
                && !name.equals("intake-report.xlsx") && !name.equals("intake-summary.json");
    }

    private static Entry entry(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            return new Entry(path, Reason.of("entry.link"));
        }
        if (Files.isDirectory(path)) {
            return new Entry(path, Reason.of("entry.folder"));
        }
        if (!Files.isRegularFile(path)) {
            return new Entry(path, Reason.of("entry.special"));
        }
        if (!name.endsWith(".xlsx") && !name.endsWith(".xls")) {
            return new Entry(path, Reason.of("entry.not_xlsx"));
        }
        if (!Files.isReadable(path) || !readable(path)) {
            return new Entry(path, Reason.of("file.permission"));
        }
        return new Entry(path, null);
    }

    private static boolean readable(Path path) {
        try (var in = Files.newInputStream(path)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
