package be.ocmw.merge.reporting;

import be.ocmw.merge.input.Cells;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A report workbook written straight into its zip, a row at a time: the sheets of {@link ReportSheets} (bold,
 * frozen, filterable header; numbers as numbers, dates as dd/mm/yyyy dates, text neutralised so that no cell is
 * ever a formula) without POI's temporary files, so that a report of a million rows takes the memory of one and a
 * fraction of the time. One sheet is written at a time; a sheet made with {@link #later} keeps its place in the
 * workbook but is written at the end (a summary that is only known when everything else is). A sheet never has more
 * rows than Excel opens (1 048 576, the header included): its further rows continue on a sheet of the same name with
 * " (2)", " (3)" … right after it, under the same header ({@link #continued} says which).
 */
public final class StreamingXlsx implements AutoCloseable {

    /** The rows of a worksheet Excel opens, its header row included. */
    public static final int EXCEL_ROWS = 1_048_576;

    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final int BOLD = 1;
    private static final int DATE = 2;

    private final ZipOutputStream zip;
    // the XML is built here and handed to the zip as bytes a block at a time: a Writer encoding each small piece
    // on its own cost more than the rest of the workbook
    private final StringBuilder xml = new StringBuilder(1 << 17);
    /** In the order of the workbook's tabs; a sheet's number names its part and never changes. */
    private final List<Sheet> sheets = new ArrayList<>();
    private final int rowsPerSheet;
    private int numbered;
    private Sheet open;

    public StreamingXlsx(OutputStream out) {
        this(out, EXCEL_ROWS);
    }

    /** With fewer rows a sheet (tests of the continuation, which need no million rows). */
    StreamingXlsx(OutputStream out, int rowsPerSheet) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        this.rowsPerSheet = rowsPerSheet;
    }

    /** Each sheet whose rows went on on further sheets, with the names of those sheets (empty: none did). */
    public java.util.Map<String, List<String>> continued() {
        java.util.Map<String, List<String>> continued = new java.util.LinkedHashMap<>();
        for (Sheet sheet : sheets) {
            if (sheet.first != sheet) {
                continued.computeIfAbsent(sheet.first.name, k -> new ArrayList<>()).add(sheet.name);
            }
        }
        return continued;
    }

    private void flush() throws IOException {
        zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        xml.setLength(0);
    }

    /** The next sheet, written now: the one before it is finished. */
    public Sheet sheet(String name, String... headers) {
        finishOpen();
        Sheet sheet = new Sheet(++numbered, name, headers, null);
        sheets.add(sheet);
        open = sheet;
        return sheet;
    }

    /** A sheet that takes its place in the workbook now and is written with {@link Sheet#rows} at the end. */
    public Sheet later(String name, String... headers) {
        Sheet sheet = new Sheet(++numbered, name, headers, null);
        sheets.add(sheet);
        return sheet;
    }

    /** One sheet: set its widths first, then write its rows in order. */
    public final class Sheet {

        private final int number;
        private final String name;
        private final String[] headers;
        private final int[] widths;
        /** The sheet whose rows this one continues (itself when it continues none). */
        private final Sheet first;
        private boolean started;
        private boolean finished;
        private int lastRow;
        /** The sheet the rows go on now: this one, or its latest continuation. */
        private Sheet current = this;
        private int rowsBefore;

        private Sheet(int number, String name, String[] headers, Sheet first) {
            this.number = number;
            this.name = name;
            this.headers = headers;
            this.first = first == null ? this : first;
            this.widths = new int[headers.length];
            for (int i = 0; i < headers.length; i++) {
                widths[i] = first == null ? ReportSheets.headerWidth(headers[i]) : first.widths[i];
            }
        }

        /** Column widths in characters, from the first column on; 0 keeps the width the header gave. */
        public Sheet widths(int... characters) {
            for (int i = 0; i < characters.length && i < widths.length; i++) {
                if (characters[i] > 0) {
                    widths[i] = characters[i];
                }
            }
            return this;
        }

        /** Row {@code index} (1 is the first under the header). */
        public void row(int index, Object... values) {
            start();
            if (index <= lastRow) {
                throw new IllegalArgumentException("rows are written in order: " + index + " after " + lastRow);
            }
            lastRow = index;
            try {
                // the header takes one row of every sheet
                while (index - rowsBefore > rowsPerSheet - 1) {
                    continueOnNextSheet();
                }
                current.writeRow(index - rowsBefore, values, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Finishes the sheet the rows are on and goes on on a new one right after it in the workbook. */
        private void continueOnNextSheet() throws IOException {
            current.finish();
            int parts = rowsBefore / (rowsPerSheet - 1) + 2;
            Sheet next = new Sheet(++numbered, continuationName(name, parts), headers, this);
            sheets.add(sheets.indexOf(current) + 1, next);
            open = next;
            next.start();
            current = next;
            rowsBefore += rowsPerSheet - 1;
        }

        /** Writes this sheet made with {@link #later} now, all its rows at once. */
        public void rows(List<List<Object>> rows) {
            finishOpen();
            open = this;
            int r = 1;
            for (List<Object> row : rows) {
                row(r++, row.toArray());
            }
            finishOpen();
        }

        private void start() {
            if (started) {
                return;
            }
            if (open != this) {
                throw new IllegalStateException("sheet " + name + " is not the one being written");
            }
            started = true;
            try {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + number + ".xml"));
                xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\""
                        + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                        + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
                xml.append("<sheetViews><sheetView workbookViewId=\"0\"" + (number == 1 ? " tabSelected=\"1\"" : "") + ">"
                        + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                        + "<selection pane=\"bottomLeft\"/></sheetView></sheetViews><cols>");
                for (int i = 0; i < widths.length; i++) {
                    xml.append("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + widths[i]
                            + "\" customWidth=\"1\"/>");
                }
                xml.append("</cols><sheetData>");
                writeRow(0, headers, BOLD);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void finish() throws IOException {
            start();
            xml.append("</sheetData>");
            if (headers.length > 0) {
                xml.append("<autoFilter ref=\"A1:" + column(headers.length - 1) + "1\"/>");
            }
            xml.append("</worksheet>");
            flush();
            zip.closeEntry();
            finished = true;
        }

        private void writeRow(int index, Object[] values, int style) throws IOException {
            String r = Integer.toString(index + 1);
            xml.append("<row r=\"");
            xml.append(r);
            xml.append("\">");
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                xml.append("<c r=\"");
                xml.append(column(i));
                xml.append(r);
                if (value instanceof Number number) {
                    xml.append("\"><v>");
                    xml.append(number(number));
                    xml.append("</v></c>");
                } else if (value instanceof LocalDate date) {
                    xml.append("\" s=\"" + DATE + "\"><v>");
                    xml.append(Long.toString(ChronoUnit.DAYS.between(EPOCH, date)));
                    xml.append("</v></c>");
                } else {
                    xml.append(style == 0 ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                            : "\" s=\"" + style + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
                    escape(Cells.forCell(value == null ? "" : String.valueOf(value)));
                    xml.append("</t></is></c>");
                }
            }
            xml.append("</row>");
            if (xml.length() > 1 << 16) {
                flush();
            }
        }
    }

    /** "Dossiers (2)": within Excel's 31 characters for a sheet's name. */
    private static String continuationName(String name, int part) {
        String suffix = " (" + part + ")";
        return (name.length() + suffix.length() > 31 ? name.substring(0, 31 - suffix.length()) : name) + suffix;
    }

    private void finishOpen() {
        if (open != null && !open.finished) {
            try {
                open.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        open = null;
    }

    /** Finishes the last sheet, writes what ties the workbook together and closes the zip (not the stream under it). */
    @Override
    public void close() throws IOException {
        finishOpen();
        for (Sheet sheet : sheets) {
            if (!sheet.finished) {
                open = sheet;
                finishOpen();
            }
        }
        part("[Content_Types].xml", contentTypes());
        part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        part("xl/workbook.xml", workbook());
        part("xl/_rels/workbook.xml.rels", workbookRelations());
        part("xl/styles.xml", STYLES);
        zip.finish();
    }

    private void part(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        xml.append(content);
        flush();
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (Sheet sheet : sheets) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(sheet.number).append(".xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return types.append("</Types>").toString();
    }

    private String workbook() {
        StringBuilder book = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        for (Sheet sheet : sheets) {
            book.append("<sheet name=\"").append(attribute(sheet.name)).append("\" sheetId=\"").append(sheet.number)
                    .append("\" r:id=\"rId").append(sheet.number).append("\"/>");
        }
        book.append("</sheets><definedNames>");
        for (Sheet sheet : sheets) {
            if (sheet.headers.length > 0) {
                book.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"").append(sheets.indexOf(sheet))
                        .append("\" hidden=\"1\">'").append(attribute(sheet.name.replace("'", "''"))).append("'!$A$1:$")
                        .append(column(sheet.headers.length - 1)).append("$1</definedName>");
            }
        }
        return book.append("</definedNames></workbook>").toString();
    }

    private String workbookRelations() {
        StringBuilder relations = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (Sheet sheet : sheets) {
            relations.append("<Relationship Id=\"rId").append(sheet.number).append("\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(sheet.number).append(".xml\"/>");
        }
        relations.append("<Relationship Id=\"rId").append(sheets.size() + 1).append("\" Type=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        return relations.append("</Relationships>").toString();
    }

    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

    /** A number as a cell holds it: decimals as decimals (2.5, never cut to 2), whole numbers without ".0". */
    static String number(Number number) {
        if (number instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
        return number.toString();
    }

    private static final String[] COLUMNS = new String[64];

    static {
        for (int i = 0; i < COLUMNS.length; i++) {
            COLUMNS[i] = letters(i);
        }
    }

    /** The letters of a column, from A on: any number of columns (Excel stops at XFD, the 16 384th). */
    static String column(int index) {
        return index < COLUMNS.length ? COLUMNS[index] : letters(index);
    }

    private static String letters(int index) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(index);
    }

    /** Text as XML: the five specials escaped, characters XML cannot hold left out. */
    private void escape(String text) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF ? "" : null;
            };
            if (replacement != null) {
                xml.append(text, from, i);
                xml.append(replacement);
                from = i + 1;
            }
        }
        xml.append(text, from, text.length());
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
