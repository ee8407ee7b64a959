package be.ocmw.merge.batch;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a chunk of staged rows with PostgreSQL's COPY, in the chunk's own transaction: several times
 * faster than batched inserts, and a chunk rolled back by a kill leaves nothing behind to replay twice.
 */
public class CopyWriter<T> implements ItemWriter<T> {

    /** Characters of COPY text sent at a time. */
    private static final int PIECE = 32 * 1024;

    private final DataSource dataSource;
    private final String copy;
    private final Function<T, Object[]> values;

    public CopyWriter(DataSource dataSource, String table, List<String> columns, Function<T, Object[]> values) {
        this.dataSource = dataSource;
        this.copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        this.values = values;
    }

    @Override
    public void write(Chunk<? extends T> chunk) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
            try {
                // sent in pieces as they are written, so PostgreSQL stores the first rows while the next are encoded
                StringBuilder text = new StringBuilder(PIECE * 2);
                for (T item : chunk) {
                    Object[] row = values.apply(item);
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            text.append('\t');
                        }
                        append(text, row[i]);
                    }
                    text.append('\n');
                    if (text.length() >= PIECE) {
                        send(in, text);
                    }
                }
                send(in, text);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void send(CopyIn in, StringBuilder text) throws java.sql.SQLException {
        if (!text.isEmpty()) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            escape(text, string);
        } else if (value instanceof String[] array) {
            text.append('{');
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append('"');
                // an array element's backslash and quote are escaped for the array, then that text again for COPY
                for (int j = 0; j < array[i].length(); j++) {
                    char c = array[i].charAt(j);
                    switch (c) {
                        case '\\' -> text.append("\\\\\\\\");
                        case '"' -> text.append("\\\\\"");
                        case '\t' -> text.append("\\t");
                        case '\n' -> text.append("\\n");
                        case '\r' -> text.append("\\r");
                        default -> text.append(c);
                    }
                }
                text.append('"');
            }
            text.append('}');
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof LocalDate || value instanceof Number) {
            text.append(value);
        } else {
            escape(text, value.toString());
        }
    }

    /** COPY's text format: backslash, tab, newline and carriage return are escaped; most values have none. */
    private static void escape(StringBuilder text, String value) {
        int length = value.length();
        int clean = 0;
        while (clean < length && !special(value.charAt(clean))) {
            clean++;
        }
        text.append(value, 0, clean);
        for (int i = clean; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}
