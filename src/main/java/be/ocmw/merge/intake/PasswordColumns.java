package be.ocmw.merge.intake;

import be.ocmw.merge.input.Header;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.HashSet;
import java.util.Set;

/**
 * A password never travels: in the annotated copy that goes back to the OCMW, every column whose header looks like a
 * password (and every OCMW-sheet row whose label does) is emptied, and its header says why. The texts are removed
 * from the workbook's shared strings too, where Excel keeps a cell's text even when no cell shows it any more.
 */
final class PasswordColumns {

    static final String NOTE = " (leeggemaakt: wachtwoorden worden niet gelezen en niet doorgegeven)";

    private PasswordColumns() {
    }

    static void blank(XSSFWorkbook workbook) {
        Set<Integer> secrets = new HashSet<>();
        for (Sheet sheet : workbook) {
            if (sheet.getSheetName().trim().equalsIgnoreCase(SubmissionFormat.OCMW_SHEET)) {
                // label in column A, value in column B
                for (Row row : sheet) {
                    Cell label = row.getCell(0);
                    if (label != null && label.getCellType() == CellType.STRING
                            && Header.looksLikePassword(label.getStringCellValue())) {
                        blank(row.getCell(1), secrets);
                        label.setCellValue(label.getStringCellValue() + NOTE);
                    }
                }
                continue;
            }
            Row header = firstRow(sheet);
            if (header == null) {
                continue;
            }
            for (Cell title : header) {
                if (title.getCellType() != CellType.STRING || !Header.looksLikePassword(title.getStringCellValue())) {
                    continue;
                }
                for (Row row : sheet) {
                    if (row.getRowNum() > header.getRowNum()) {
                        blank(row.getCell(title.getColumnIndex()), secrets);
                    }
                }
                title.setCellValue(title.getStringCellValue() + NOTE);
            }
        }
        // a text that another cell still shows stays: that cell is not a password's
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    Integer index = sharedIndex(cell);
                    if (index != null) {
                        secrets.remove(index);
                    }
                }
            }
        }
        SharedStringsTable strings = workbook.getSharedStringSource();
        for (int index : secrets) {
            // the entry stays (other cells may count its position) but holds nothing
            XSSFRichTextString text = (XSSFRichTextString) strings.getItemAt(index);
            text.getCTRst().setT("");
            while (text.getCTRst().sizeOfRArray() > 0) {
                text.getCTRst().removeR(0);
            }
        }
    }

    private static void blank(Cell cell, Set<Integer> secrets) {
        if (cell == null) {
            return;
        }
        Integer index = sharedIndex(cell);
        if (index != null) {
            secrets.add(index);
        }
        cell.setBlank();
    }

    /** The position of the cell's text among the shared strings, when it has one there. */
    private static Integer sharedIndex(Cell cell) {
        if (cell instanceof XSSFCell xssf && cell.getCellType() == CellType.STRING && xssf.getCTCell().isSetV()
                && xssf.getCTCell().getT() == org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.S) {
            return Integer.parseInt(xssf.getCTCell().getV().trim());
        }
        return null;
    }

    private static Row firstRow(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() != CellType.BLANK) {
                    return row;
                }
            }
        }
        return null;
    }
}
