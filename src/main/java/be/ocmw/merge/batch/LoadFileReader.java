package be.ocmw.merge.batch;

import be.ocmw.merge.input.Column;
import be.ocmw.merge.input.Header;
import be.ocmw.merge.input.PrefetchingTableReader;
import be.ocmw.merge.input.SourceRow;
import be.ocmw.merge.input.TableReader;
import be.ocmw.merge.input.Tables;
import be.ocmw.merge.input.UnreadableFileException;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.List;

/**
 * Streams the non-empty rows of every pending file of a job instance, one file after the other. A file
 * that cannot be read (at its start or half-way) is refused whole and the reader goes on with the next.
 * After a restart it reopens the file it was in and skips the rows already handed on.
 */
public class LoadFileReader implements ItemStreamReader<SourceItem> {

    private static final String FILE = "file.id";
    private static final String ROWS = "file.rows";

    private final LoadFiles files;
    private final long jobInstance;
    private final String kind;
    private final String sheet;
    private final List<Column> columns;
    private final boolean datesMatter;

    private List<LoadFile> queue;
    private int index;
    private TableReader table;
    private Header header;
    private int handedOn;
    private int toSkip;
    private int lastRow;

    public LoadFileReader(LoadFiles files, long jobInstance, String kind, String sheet, List<Column> columns) {
        this(files, jobInstance, kind, sheet, columns, true);
    }

    /** {@code datesMatter} false: the format has no dates, so xlsx cell styles need not be read (faster). */
    public LoadFileReader(LoadFiles files, long jobInstance, String kind, String sheet, List<Column> columns,
                          boolean datesMatter) {
        this.datesMatter = datesMatter;
        this.files = files;
        this.jobInstance = jobInstance;
        this.kind = kind;
        this.sheet = sheet;
        this.columns = columns;
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
    public SourceItem read() {
        while (index < queue.size()) {
            LoadFile file = queue.get(index);
            try {
                if (table == null) {
                    openTable(file);
                }
                SourceRow row = table.next();
                if (row == null) {
                    files.finished(file.id(), lastRow);
                    nextFile();
                    continue;
                }
                lastRow = row.number();
                if (row.blank()) {
                    continue;
                }
                handedOn++;
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                return new SourceItem(file, sheet == null ? "" : sheet, header, row);
            } catch (UnreadableFileException e) {
                files.reject(file.id(), e.getMessage());
                nextFile();
            }
        }
        return null;
    }

    private void openTable(LoadFile file) {
        table = new PrefetchingTableReader(Tables.open(file.path(), sheet, datesMatter));
        String where = sheet == null ? "" : "sheet '" + sheet + "': ";
        header = Header.match(file.path(), where, table.header(), columns);
        handedOn = 0;
        lastRow = table.headerRowNumber();
        files.opened(file.id(), table.headerRowNumber(), header.ignored(), header.passwordColumns());
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
        if (table != null) {
            table.close();
            table = null;
        }
    }
}
