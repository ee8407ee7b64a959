package be.ocmw.merge.reporting;

import be.ocmw.merge.input.Cells;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;


import java.time.LocalDate;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Report sheets: a bold, frozen, filterable header; numbers as numbers, dates as dates (dd/mm/yyyy); text
 * neutralised so that no cell is ever executed as a formula.
 */
public final class ReportSheets {

    private static final Map<Workbook, CellStyle> DATES = new WeakHashMap<>();

    private ReportSheets() {
    }

    public static CellStyle bold(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        return style;
    }

    public static Sheet sheet(Workbook workbook, String name, CellStyle bold, String... headers) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, headerWidth(headers[i]) * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, headers.length - 1));
        return sheet;
    }

    /** The width in characters a column gets from its header: room for the header, within 14 to 60. */
    static int headerWidth(String header) {
        return Math.max(14, Math.min(60, header.length() + 6));
    }

    /** Column widths in characters, from the first column on; 0 keeps the width the header gave. */
    public static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            if (characters[i] > 0) {
                sheet.setColumnWidth(i, characters[i] * 256);
            }
        }
    }

    public static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            if (values[i] instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (values[i] instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle(sheet.getWorkbook()));
            } else {
                cell.setCellValue(Cells.forCell(values[i] == null ? "" : String.valueOf(values[i])));
            }
        }
    }

    private static CellStyle dateStyle(Workbook workbook) {
        synchronized (DATES) {
            return DATES.computeIfAbsent(workbook, w -> {
                CellStyle style = w.createCellStyle();
                style.setDataFormat(w.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
                return style;
            });
        }
    }
}
