package be.ocmw.merge.batch;

import be.ocmw.merge.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** COPY's text format carries every character a cell can hold, in plain values and in arrays. */
class CopyWriterTests extends DatabaseTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    record Value(String text, String[] list) {
    }

    @Test
    void tabsLineBreaksBackslashesAndQuotesArriveAsWritten() {
        jdbc.sql("create temporary table copied (n serial, text text, list text[]) on commit preserve rows").update();
        List<Value> values = new java.util.ArrayList<>(List.of(
                new Value("Van den Broeck", new String[]{"Afzender - administratie", "Mijn Dossier"}),
                new Value("tab\there, line\nbreak\r\nand C:\\pad\\", new String[]{"a\\b", "zegt \"ja\"", "tab\tline\n", "{,}"}),
                new Value("Müller–Çelik ✓", new String[0]),
                new Value(null, new String[]{"\\N", "NULL"})));
        // enough rows for the text to go to PostgreSQL in several pieces
        for (int i = 0; i < 3000; i++) {
            values.add(new Value("rij " + i + " ✓\t" + "x".repeat(i % 50), new String[]{"toepassing " + i}));
        }
        CopyWriter<Value> writer = new CopyWriter<>(dataSource, "copied", List.of("text", "list"),
                v -> new Object[]{v.text(), v.list()});

        transactions.executeWithoutResult(status -> {
            try {
                writer.write(new Chunk<>(values));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            List<Value> read = jdbc.sql("select text, list from copied order by n")
                    .query((rs, n) -> new Value(rs.getString(1), strings(rs.getArray(2)))).list();
            assertThat(read).hasSize(values.size());
            for (int i = 0; i < values.size(); i++) {
                assertThat(read.get(i).text()).isEqualTo(values.get(i).text());
                assertThat(read.get(i).list()).containsExactly(values.get(i).list());
            }
        });
    }

    private static String[] strings(Array array) throws java.sql.SQLException {
        Object[] items = (Object[]) array.getArray();
        return Arrays.copyOf(items, items.length, String[].class);
    }
}
