package be.ocmw.merge.batch;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.input.Column;
import be.ocmw.merge.input.Header;
import be.ocmw.merge.input.TableReader;
import be.ocmw.merge.input.Tables;
import be.ocmw.merge.input.UnreadableFileException;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.List;

/**
 * Streams the non-empty rows of every pending file of a job instance, one file after the other, each row
 * already checked by the format's check on the reading thread. A file that cannot be read (at its start or
 * half-way) is refused whole and the reader goes on with the next. After a restart it reopens the file it
 * was in and skips the rows already handed on.
 */
public class LoadFileReader<O> implements ItemStreamReader<CheckedRow<O>> {

    private static final String FILE = "file.id";
    private static final String ROWS = "file.rows";

    private final LoadFiles files;
    private final long jobInstance;
    private final String kind;
    private final String sheet;
    private final List<Column> columns;
    private final boolean datesMatter;
    private final ItemProcessor<SourceItem, O> check;
    /** A further sheet of files another reader reads first: it may be absent or empty, and the file is that reader's to describe. */
    private boolean further;

    private List<LoadFile> queue;
    private int index;
    private RowsAhead<O> ahead;
    private Header header;
    private int handedOn;
    private int toSkip;
    private int lastRow;

    public LoadFileReader(LoadFiles files, long jobInstance, String kind, String sheet, List<Column> columns,
                          ItemProcessor<SourceItem, O> check) {
        this(files, jobInstance, kind, sheet, columns, true, check);
    }

    /**
     * @param datesMatter false: the format has no dates, so xlsx cell styles need not be read (faster)
     * @param check       what a row becomes, or a {@link RejectedRowException} saying why it is refused; it runs on
     *                    the reading thread, one row after the other
     */
    public LoadFileReader(LoadFiles files, long jobInstance, String kind, String sheet, List<Column> columns,
                          boolean datesMatter, ItemProcessor<SourceItem, O> check) {
        this.datesMatter = datesMatter;
        this.check = check;
        this.files = files;
        this.jobInstance = jobInstance;
        this.kind = kind;
        this.sheet = sheet;
        this.columns = columns;
    }

    /**
     * This reader reads a further, optional sheet of the files: a file without it (or with it empty) has no rows here
     * and is not refused for that; the first sheet's reader says how the file was read (header, last row).
     */
    public LoadFileReader<O> furtherSheet() {
        this.further = true;
        return this;
    }

    @Override
    public void open(ExecutionContext context) {
        queue = files.pending(jobInstance, kind);
        index = 0;
        if (context.containsKey(FILE)) {
            long current = context.getLong(FILE);
            while (index < queue.size() && queue.get(index).id() < current) {
                index++;
            }
            toSkip = context.getInt(ROWS, 0);
        }
    }

    @Override
    public CheckedRow<O> read() {
        while (index < queue.size()) {
            LoadFile file = queue.get(index);
            try {
                if (ahead == null && !openTable(file)) {
                    nextFile();
                    continue;
                }
                RowsAhead.Row<O> row = ahead.next();
                if (row == null) {
                    if (!further) {
                        files.finished(file.id(), lastRow);
                    }
                    nextFile();
                    continue;
                }
                lastRow = row.row().number();
                if (row.checked() == null) {
                    continue;
                }
                handedOn++;
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                return row.checked();
            } catch (UnreadableFileException e) {
                files.reject(file.id(), e.getMessage(), e.reason());
                nextFile();
            }
        }
        return null;
    }

    /** Opens the file's sheet; false when it is a further sheet the file does not have (or has empty). */
    private boolean openTable(LoadFile file) {
        TableReader rows;
        try {
            rows = Tables.open(file.path(), sheet, datesMatter);
        } catch (UnreadableFileException e) {
            if (further && (e.reason().mentions("workbook.sheet.missing") || e.reason().mentions("sheet.empty"))) {
                return false;
            }
            throw e;
        }
        try {
            header = Header.match(file.path(), sheet, rows.header(), columns);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
        handedOn = 0;
        lastRow = rows.headerRowNumber();
        if (!further) {
            files.opened(file.id(), rows.headerRowNumber(), header.ignored(), header.passwordColumns());
        }
        Header matched = header;
        String sheetName = sheet == null ? "" : sheet;
        ahead = new RowsAhead<>(rows, row -> CheckedRow.check(check, new SourceItem(file, sheetName, matched, row)));
        return true;
    }

    private void nextFile() {
        closeTable();
        index++;
        toSkip = 0;
        handedOn = 0;
    }

    @Override
    public void update(ExecutionContext context) {
        if (index < queue.size()) {
            context.putLong(FILE, queue.get(index).id());
            context.putInt(ROWS, handedOn);
        }
    }

    @Override
    public void close() {
        closeTable();
    }

    private void closeTable() {
        if (ahead != null) {
            ahead.close();
            ahead = null;
        }
    }
}
