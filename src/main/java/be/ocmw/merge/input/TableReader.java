package be.ocmw.merge.input;

import java.util.List;

/** A table read one row at a time: a CSV file, or one sheet of an xlsx workbook. */
public interface TableReader extends AutoCloseable {

    /** The header row as written (trimmed), and where it is. */
    List<String> header();

    int headerRowNumber();

    /**
     * The next row, blank rows included (callers count them), or null at the end.
     *
     * @throws UnreadableFileException when the file turns out to be damaged half-way
     */
    SourceRow next();

    @Override
    void close();
}
