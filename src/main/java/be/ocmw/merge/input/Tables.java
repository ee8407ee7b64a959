package be.ocmw.merge.input;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.input.internal.CsvTableReader;
import be.ocmw.merge.input.internal.XlsxTableReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a CSV file or an xlsx sheet as a table, by the file's name and what it really contains. */
public final class Tables {

    private Tables() {
    }

    /**
     * Opens a table.
     *
     * @param sheet for xlsx: the sheet to read (any case), or null for the first sheet; ignored for CSV
     * @throws UnreadableFileException when the file cannot be read at all
     */
    public static TableReader open(Path file, String sheet) {
        return open(file, sheet, true);
    }

    /**
     * Opens a table; {@code datesMatter} false lets an xlsx be read without its cell styles, which is
     * noticeably faster for a large sheet that holds no dates (Excel tells dates from numbers by style).
     */
    public static TableReader open(Path file, String sheet, boolean datesMatter) {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableFileException(file, Reason.of("file.missing"));
        }
        if (!Files.isReadable(file)) {
            throw new UnreadableFileException(file, Reason.of("file.permission"));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return XlsxTableReader.open(file, sheet, datesMatter);
        }
        if (name.endsWith(".xls")) {
            throw new UnreadableFileException(file, Reason.of("file.xls"));
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return CsvTableReader.open(file);
        }
        throw new UnreadableFileException(file, Reason.of("file.extension"));
    }
}
