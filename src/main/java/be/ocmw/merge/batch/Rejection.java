package be.ocmw.merge.batch;

import be.ocmw.merge.domain.Reason;
/**
 * An input row refused, with where it is and why ({@code reason}: words in every report language). {@code column}
 * is the column's name in the file's format ("" when the row as a whole is refused).
 */
public record Rejection(String file, String sheet, int row, String column, Reason reason, String kbo) {

    public Rejection {
        sheet = sheet == null ? "" : sheet;
        column = column == null ? "" : column;
    }

    /** {@code file, sheet 'Beheerders', row 14, column INSZ: reason}, in English for the console and the log. */
    public String describe() {
        return file + (sheet.isEmpty() ? "" : ", sheet '" + sheet + "'") + ", row " + row
                + (column.isEmpty() ? "" : ", column " + column) + ": " + reason.english();
    }
}
