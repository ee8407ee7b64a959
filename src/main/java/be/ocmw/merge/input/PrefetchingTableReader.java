package be.ocmw.merge.input;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Parses a table on a thread of its own, a bounded number of rows ahead of its reader, so that parsing a
 * large workbook overlaps with checking and writing the rows it already gave. Memory stays bounded by the
 * queue; a failure while parsing reaches the reader at the row where it happened.
 */
public final class PrefetchingTableReader implements TableReader {

    private static final int AHEAD = 1024;
    private static final Object END = new Object();

    private final TableReader table;
    private final BlockingQueue<Object> rows = new ArrayBlockingQueue<>(AHEAD);
    private final Thread parser;
    private volatile boolean closed;
    private boolean ended;

    public PrefetchingTableReader(TableReader table) {
        this.table = table;
        this.parser = new Thread(this::parse, "table-parser");
        this.parser.setDaemon(true);
        this.parser.start();
    }

    private void parse() {
        try {
            for (SourceRow row = table.next(); row != null && !closed; row = table.next()) {
                put(row);
            }
            put(END);
        } catch (RuntimeException e) {
            put(e);
        }
    }

    private void put(Object item) {
        try {
            while (!closed && !rows.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the reader is busy: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<String> header() {
        return table.header();
    }

    @Override
    public int headerRowNumber() {
        return table.headerRowNumber();
    }

    @Override
    public SourceRow next() {
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
        return (SourceRow) item;
    }

    @Override
    public void close() {
        closed = true;
        parser.interrupt();
        try {
            parser.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        table.close();
    }
}
