package be.ocmw.merge.input.internal;

import be.ocmw.merge.input.SourceRow;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one worksheet part, read with a StAX cursor as the XML streams in: no cell or row objects,
 * only the text of each cell as a person sees it. Excel's cell kinds are told apart by the cell's type
 * ({@code s} shared string, {@code inlineStr}, {@code str} formula text, {@code b}, {@code e}, {@code d},
 * or a number) and a number is a date when its style's format is a date format.
 */
final class SheetRows implements AutoCloseable {

    /** Excel's last column is XFD; a reference beyond it is damage, not data. */
    private static final int LAST_COLUMN = 16_383;

    private final InputStream part;
    private final XMLStreamReader xml;
    private final List<String> sharedStrings;
    private final StylesTable styles;
    private final boolean datesMatter;
    private final boolean date1904;
    /** Per style: 0 plain, -1 a date format, n > 0 a format of n zeros (a number shown with its leading zeros). */
    private final List<Integer> styleKinds = new ArrayList<>();
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private int lastRow;

    /**
     * @param styles      the workbook's styles (null: every number is read as a plain number)
     * @param datesMatter false: a number in a date format stays a number (the format has no dates)
     */
    SheetRows(InputStream part, List<String> sharedStrings, StylesTable styles, boolean datesMatter, boolean date1904)
            throws XMLStreamException {
        this.part = part;
        this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(part);
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.datesMatter = datesMatter;
        this.date1904 = date1904;
    }

    /** The next row the sheet holds (rows it leaves out are skipped), or null after the last. */
    SourceRow next() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                String number = xml.getAttributeValue(null, "r");
                lastRow = number == null ? lastRow + 1 : Integer.parseInt(number.trim());
                String hidden = xml.getAttributeValue(null, "hidden");
                return new SourceRow(lastRow, cells(), hidden != null && truth(hidden.trim()));
            }
        }
        return null;
    }

    private List<String> cells() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                int column = column(xml.getAttributeValue(null, "r"), cells.size());
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add(cell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s")));
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
        }
        return cells;
    }

    /** Reads one {@code <c>} element to its end and gives its text. */
    private String cell(String type, String style) throws XMLStreamException {
        value.setLength(0);
        String inline = null;
        boolean inValue = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> inValue = true;
                    case "is" -> inline = SharedStrings.text(xml, text);
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("c")) {
                    break;
                }
                inValue = false;
            } else if (inValue && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE)) {
                value.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
        return seen(type, style, inline).replace('\u00a0', ' ').strip();
    }

    private String seen(String type, String style, String inline) {
        if (type == null || type.equals("n")) {
            return value.isEmpty() ? "" : number(value.toString().trim(), style);
        }
        return switch (type) {
            case "s" -> value.isEmpty() ? "" : sharedString(value.toString().trim());
            case "inlineStr" -> inline == null || inline.isEmpty() ? value.toString() : inline;
            case "str" -> value.toString();
            case "b" -> String.valueOf(truth(value.toString().trim()));
            case "d" -> value.length() >= 10 ? value.substring(0, 10) : value.toString();
            default -> ""; // an error value (#N/A, #DIV/0!) shows no data
        };
    }

    /** An xsd:boolean as Excel writes it: 1 or true. */
    static boolean truth(String value) {
        return value.equals("1") || value.equalsIgnoreCase("true");
    }

    private String sharedString(String index) {
        int number = Integer.parseInt(index);
        if (number < 0 || number >= sharedStrings.size()) {
            throw new IllegalArgumentException("a cell refers to shared text " + index + ", but the workbook has "
                    + sharedStrings.size());
        }
        return sharedStrings.get(number);
    }

    private String number(String raw, String style) {
        double number = Double.parseDouble(raw);
        int kind = style == null ? 0 : styleKind(Integer.parseInt(style.trim()));
        if (kind < 0 && datesMatter && DateUtil.isValidExcelDate(number)) {
            return DateUtil.getLocalDateTime(number, date1904).toLocalDate().toString();
        }
        String plain = BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        // an INSZ or KBO typed as a number and shown as 01020304050 by a format of zeros: read as it is shown
        if (kind > plain.length() && number >= 0 && number == Math.rint(number)) {
            return "0".repeat(kind - plain.length()) + plain;
        }
        return plain;
    }

    /** How Excel shows a number in this style: as a date, with leading zeros, or plainly; decided once per style. */
    private int styleKind(int index) {
        if (styles == null || index < 0 || index >= styles.getNumCellStyles()) {
            return 0;
        }
        while (styleKinds.size() <= index) {
            styleKinds.add(null);
        }
        Integer known = styleKinds.get(index);
        if (known == null) {
            XSSFCellStyle cellStyle = styles.getStyleAt(index);
            String format = cellStyle == null ? null : cellStyle.getDataFormatString();
            if (cellStyle == null) {
                known = 0;
            } else if (DateUtil.isADateFormat(cellStyle.getDataFormat(), format)) {
                known = -1;
            } else {
                known = format != null && !format.isEmpty() && format.chars().allMatch(c -> c == '0') ? format.length() : 0;
            }
            styleKinds.set(index, known);
        }
        return known;
    }

    /** The zero-based column of a reference like {@code AB12}; without one, the cell after the previous. */
    private static int column(String reference, int next) {
        if (reference == null || reference.isEmpty()) {
            return next;
        }
        int column = 0;
        int i = 0;
        for (; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (column - 1 > LAST_COLUMN) {
                throw new IllegalArgumentException("cell reference " + reference + " lies beyond Excel's last column");
            }
        }
        if (i == 0) {
            throw new IllegalArgumentException("cell reference '" + reference + "' names no column");
        }
        return column - 1;
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // the part is closed below
        }
        try {
            part.close();
        } catch (IOException ignored) {
            // read only: nothing to lose
        }
    }
}
