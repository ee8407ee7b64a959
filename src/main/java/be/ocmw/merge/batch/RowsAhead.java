package be.ocmw.merge.batch;

import be.ocmw.merge.input.SourceRow;
import be.ocmw.merge.input.TableReader;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Parses a table and checks its rows on a thread of its own, a bounded number of rows ahead of the step,
 * so that parsing and checking overlap with the database writing the chunk before. Memory stays bounded by
 * the queue; a failure while parsing reaches the step at the row where it happened.
 */
final class RowsAhead<O> implements AutoCloseable {

    /** A row as the table gave it, and its check (none for a blank row, which is only counted). */
    record Row<O>(SourceRow row, CheckedRow<O> checked) {
    }

    private static final int AHEAD = 1024;
    private static final Object END = new Object();

    private final TableReader table;
    private final Function<SourceRow, CheckedRow<O>> check;
    private final BlockingQueue<Object> rows = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private boolean ended;

    RowsAhead(TableReader table, Function<SourceRow, CheckedRow<O>> check) {
        this.table = table;
        this.check = check;
        this.reader = new Thread(this::read, "rows-ahead");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void read() {
        try {
            for (SourceRow row = table.next(); row != null && !closed; row = table.next()) {
                put(new Row<>(row, row.blank() ? null : check.apply(row)));
            }
            put(END);
        } catch (RuntimeException e) {
            put(e);
        } catch (Error e) {
            // out of memory or worse: the step fails with it rather than wait for a row that never comes
            put(new IllegalStateException("reading the rows failed: " + e, e));
        }
    }

    private void put(Object item) {
        try {
            while (!closed && !rows.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the step is busy: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next row, or null after the last; a parse failure is thrown here, after the rows before it. */
    @SuppressWarnings("unchecked")
    Row<O> next() {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = rows.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        return (Row<O>) item;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        table.close();
    }
}
