package be.ocmw.merge.input.internal;

import be.ocmw.merge.input.SourceRow;
import be.ocmw.merge.input.TableReader;
import be.ocmw.merge.input.UnreadableFileException;
import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * One sheet of an xlsx workbook, streamed: rows are parsed as they are read and only a small window of
 * them is ever in memory. Cells come out as the text a person sees: dates as ISO dates, whole numbers
 * without decimals, formulas as their last computed value.
 */
public final class XlsxTableReader implements TableReader {

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final Path file;
    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final List<String> header;
    private final int headerRow;
    private int lastRow;

    private XlsxTableReader(Path file, Workbook workbook, Iterator<Row> rows, List<String> header, int headerRow) {
        this.file = file;
        this.workbook = workbook;
        this.rows = rows;
        this.header = header;
        this.headerRow = headerRow;
        this.lastRow = headerRow;
    }

    public static XlsxTableReader open(Path file, String sheetName, boolean datesMatter) {
        checkContainer(file);
        Workbook workbook;
        try {
            workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(1 << 16)
                    .setReadComments(false).setReadHyperlinks(false).setReadShapes(false)
                    .setReadStyles(datesMatter)
                    .open(file.toFile());
        } catch (RuntimeException e) {
            throw damaged(file, e);
        }
        try {
            Sheet sheet = sheet(file, workbook, sheetName);
            Iterator<Row> rows = sheet.rowIterator();
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = cells(row);
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    return new XlsxTableReader(file, workbook, rows, cells, row.getRowNum() + 1);
                }
            }
            throw new UnreadableFileException(file, where(sheetName) + "the sheet is empty: it has no header row");
        } catch (UnreadableFileException e) {
            closeQuietly(workbook);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(workbook);
            throw damaged(file, e);
        }
    }

    /** Refuses what is not an xlsx before handing it to the parser: old .xls, encrypted, text. */
    private static void checkContainer(Path file) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(512);
        } catch (IOException e) {
            throw new UnreadableFileException(file, "the file cannot be read: " + e.getMessage(), e);
        }
        if (start.length >= 8 && java.util.Arrays.equals(java.util.Arrays.copyOf(start, 8), OLE2)) {
            if (encrypted(file)) {
                throw new UnreadableFileException(file, "the workbook is protected with a password, so it cannot be "
                        + "read: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again");
            }
            throw new UnreadableFileException(file, "this is an old Excel 97-2003 workbook (.xls) with an .xlsx name: "
                    + "open it in Excel and save it as an Excel Workbook (.xlsx)");
        }
        if (start.length < 2 || start[0] != 'P' || start[1] != 'K') {
            boolean text = start.length > 0;
            for (byte b : start) {
                if (b == 0) {
                    text = false;
                    break;
                }
            }
            throw new UnreadableFileException(file, text
                    ? "this is not an Excel workbook but a text file (a CSV file renamed to .xlsx?); give it the .csv extension"
                    : "this is not an Excel workbook (.xlsx)");
        }
    }

    private static boolean encrypted(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static UnreadableFileException damaged(Path file, Throwable e) {
        String reason = rootMessage(e);
        if (reason.toLowerCase(Locale.ROOT).contains("zip bomb")) {
            return new UnreadableFileException(file, "the workbook expands to far more data than its size allows "
                    + "(it looks like a zip bomb), so it was not opened", e);
        }
        return new UnreadableFileException(file, "the workbook is damaged and cannot be opened (" + reason + ")", e);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                messages.append(t.getMessage()).append(' ');
            }
        }
        String all = messages.toString().trim();
        if (all.toLowerCase(Locale.ROOT).contains("zip bomb")) {
            return "zip bomb";
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static Sheet sheet(Path file, Workbook workbook, String name) {
        if (name == null) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableFileException(file, "the workbook has no sheets");
            }
            return workbook.getSheetAt(0);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            String candidate = workbook.getSheetName(i);
            names.add(candidate);
            if (candidate.trim().equalsIgnoreCase(name)) {
                return workbook.getSheetAt(i);
            }
        }
        throw new UnreadableFileException(file, "the workbook has no sheet '" + name + "' (its sheets: "
                + String.join(", ", names) + ")");
    }

    private static String where(String sheet) {
        return sheet == null ? "" : "sheet '" + sheet + "': ";
    }

    static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(Math.max(row.getLastCellNum(), 0));
        for (Cell cell : row) {
            int column = cell.getColumnIndex();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(text(cell));
        }
        return cells;
    }

    /** The text a person sees in the cell. */
    static String text(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        String value = switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> dateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
        return value == null ? "" : value.replace('\u00a0', ' ').strip();
    }

    /** Whether Excel shows this number as a date; without styles read, nothing is. */
    private static boolean dateFormatted(Cell cell) {
        try {
            return cell.getCellStyle() != null && DateUtil.isCellDateFormatted(cell);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public int headerRowNumber() {
        return headerRow;
    }

    @Override
    public SourceRow next() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            lastRow = row.getRowNum() + 1;
            return new SourceRow(lastRow, cells(row));
        } catch (RuntimeException e) {
            throw new UnreadableFileException(file, "reading stopped after row " + lastRow + ": "
                    + rootMessage(e), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(workbook);
    }

    private static void closeQuietly(Workbook workbook) {
        try {
            workbook.close();
        } catch (IOException | RuntimeException ignored) {
            // the file is read; a failing close loses nothing
        }
    }
}
