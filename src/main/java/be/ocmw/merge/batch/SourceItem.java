package be.ocmw.merge.batch;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.input.Cells;
import be.ocmw.merge.input.Column;
import be.ocmw.merge.input.Header;
import be.ocmw.merge.input.SourceRow;

/** One non-empty row of a file being loaded, with the file it comes from and how its header reads. */
public record SourceItem(LoadFile file, String sheet, Header header, SourceRow row) {

    /** The cell's text, without the apostrophe our own exports put before a formula-like value. */
    public String value(Column column) {
        return Cells.unneutralised(header.value(row, column));
    }

    /**
     * The first of the format's columns whose cell holds a NUL character. No text has one, and PostgreSQL cannot
     * store it: such a cell is damage (or a binary file's bytes), to refuse with its row rather than fail the load.
     */
    public java.util.Optional<Column> withNul() {
        // every row asks: its cells are looked at once, the columns only when one has a NUL
        for (String cell : row.cells()) {
            if (cell.indexOf('\0') >= 0) {
                for (Column column : header.columns()) {
                    if (header.value(row, column).indexOf('\0') >= 0) {
                        return java.util.Optional.of(column);
                    }
                }
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /** The cell's text, which must be there and at most {@code max} characters long; else the row is refused. */
    public String required(Column column, int max) {
        String value = value(column);
        if (value.isEmpty()) {
            throw reject(column, "cell.empty", column.name());
        }
        if (value.length() > max) {
            throw reject(column, "cell.too_long", column.name(), value.length(), max);
        }
        return value;
    }

    /** A refusal of this row, to throw from a processor: the message {@code reason.<key>} with these values. */
    public RejectedRowException reject(Column column, String key, Object... values) {
        return reject(column, Reason.of(key, values));
    }

    /** A refusal of this row, to throw from a processor. */
    public RejectedRowException reject(Column column, Reason reason) {
        return new RejectedRowException(new Rejection(file.name(), sheet, row.number(),
                column == null ? "" : column.name(), reason, file.kbo()));
    }
}
