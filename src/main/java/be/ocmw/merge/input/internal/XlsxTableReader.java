package be.ocmw.merge.input.internal;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.input.Cells;
import be.ocmw.merge.input.SourceRow;
import be.ocmw.merge.input.TableReader;
import be.ocmw.merge.input.UnreadableFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sheet of an xlsx workbook, streamed: POI opens the package (with its zip-bomb guard), its shared
 * strings and styles, and the sheet's XML is read row by row as it inflates, so only the row at hand is
 * ever in memory. Cells come out as the text a person sees: dates as ISO dates, whole numbers without
 * decimals (with their leading zeros when a format of zeros shows them), formulas as their last computed value.
 */
public final class XlsxTableReader implements TableReader {

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final Path file;
    private final OPCPackage workbook;
    private final SheetRows rows;
    private final List<String> header;
    private final int headerRow;
    private int lastRow;

    private XlsxTableReader(Path file, OPCPackage workbook, SheetRows rows, List<String> header, int headerRow) {
        this.file = file;
        this.workbook = workbook;
        this.rows = rows;
        this.header = header;
        this.headerRow = headerRow;
        this.lastRow = headerRow;
    }

    public static XlsxTableReader open(Path file, String sheetName, boolean datesMatter) {
        checkContainer(file);
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw damaged(file, e);
        }
        SheetRows rows = null;
        try {
            XSSFReader reader = new XSSFReader(workbook);
            rows = new SheetRows(sheet(file, reader, sheetName), SharedStrings.of(workbook), reader.getStylesTable(),
                    datesMatter, datesMatter && date1904(reader));
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                if (row.cells().stream().anyMatch(c -> !c.isEmpty())) {
                    return new XlsxTableReader(file, workbook, rows, row.cells(), row.number());
                }
            }
            throw new UnreadableFileException(file, where(sheetName, Reason.of("sheet.empty")));
        } catch (UnreadableFileException e) {
            close(workbook, rows);
            throw e;
        } catch (Exception e) {
            close(workbook, rows);
            throw damaged(file, e);
        }
    }

    /** Whether the workbook counts its dates from 1904 (old Mac Excel) instead of 1900. */
    private static boolean date1904(XSSFReader reader) throws Exception {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "workbookPr" -> {
                                String value = xml.getAttributeValue(null, "date1904");
                                return value != null && SheetRows.truth(value.trim());
                            }
                            case "sheets" -> {
                                return false;
                            }
                            default -> { }
                        }
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        }
    }

    /** Refuses what is not an xlsx before handing it to the parser: old .xls, encrypted, text. */
    private static void checkContainer(Path file) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(512);
        } catch (IOException e) {
            throw new UnreadableFileException(file, Reason.of("file.io", e.getMessage()), e);
        }
        if (start.length >= 8 && java.util.Arrays.equals(java.util.Arrays.copyOf(start, 8), OLE2)) {
            if (encrypted(file)) {
                throw new UnreadableFileException(file, Reason.of("workbook.password"));
            }
            throw new UnreadableFileException(file, Reason.of("workbook.xls"));
        }
        if (start.length < 2 || start[0] != 'P' || start[1] != 'K') {
            boolean text = start.length > 0;
            for (byte b : start) {
                if (b == 0) {
                    text = false;
                    break;
                }
            }
            throw new UnreadableFileException(file, Reason.of(text ? "workbook.text" : "workbook.not"));
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
            return new UnreadableFileException(file, Reason.of("workbook.bomb"), e);
        }
        return new UnreadableFileException(file, Reason.of("workbook.damaged", reason), e);
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

    /**
     * The part of the sheet asked for (any case), or of the first sheet; the other sheets are not read. Two sheets
     * that both answer to the name (other tools than Excel allow {@code Beheerders} beside {@code beheerders}) are
     * refused: which of them the person meant cannot be known, and reading one would silently drop the other.
     */
    private static InputStream sheet(Path file, XSSFReader reader, String name) throws Exception {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        List<String> names = new ArrayList<>();
        List<String> matching = new ArrayList<>();
        InputStream found = null;
        while (sheets.hasNext()) {
            InputStream part = sheets.next();
            String candidate = sheets.getSheetName();
            if (name == null) {
                return part;
            }
            names.add(candidate);
            if (candidate.trim().equalsIgnoreCase(name)) {
                matching.add(candidate);
                if (found == null) {
                    found = part;
                    continue;
                }
            }
            part.close();
        }
        if (matching.size() > 1) {
            found.close();
            throw new UnreadableFileException(file, Reason.of("workbook.sheets.twice", matching.size(), name,
                    String.join(", ", matching.stream().map(n -> "'" + Cells.shorten(n) + "'").toList())));
        }
        if (found != null) {
            return found;
        }
        if (name == null) {
            throw new UnreadableFileException(file, Reason.of("workbook.sheets.none"));
        }
        throw new UnreadableFileException(file, Reason.of("workbook.sheet.missing", name,
                String.join(", ", names.stream().map(Cells::shorten).toList())));
    }

    private static Reason where(String sheet, Reason reason) {
        return sheet == null ? reason : Reason.of("in.sheet", sheet).then(reason);
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
            SourceRow row = rows.next();
            if (row != null) {
                lastRow = row.number();
            }
            return row;
        } catch (RuntimeException | XMLStreamException e) {
            throw new UnreadableFileException(file, Reason.of("file.stopped.row", lastRow, rootMessage(e)), e);
        }
    }

    @Override
    public void close() {
        close(workbook, rows);
    }

    /** Read only: nothing is saved, the package is let go. */
    private static void close(OPCPackage workbook, SheetRows rows) {
        if (rows != null) {
            rows.close();
        }
        try {
            workbook.revert();
        } catch (RuntimeException ignored) {
            // the file is read; a failing close loses nothing
        }
    }
}
