package be.ocmw.merge.input;

import java.util.List;

/**
 * One row of a table as text, trimmed. {@code number} is where a person finds it: the line of a CSV file
 * (where the record starts) or the row number Excel shows. {@code hidden}: a person opening the sheet does not see
 * the row (hidden in Excel, or by a filter); a CSV line never is.
 */
public record SourceRow(int number, List<String> cells, boolean hidden) {

    public SourceRow {
        cells = List.copyOf(cells);
    }

    public SourceRow(int number, List<String> cells) {
        this(number, cells, false);
    }

    /** The cell at this position, or "" beyond the end of the row. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    public boolean blank() {
        return cells.stream().allMatch(String::isEmpty);
    }
}
