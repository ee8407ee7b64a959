package be.ocmw.merge.batch;

import be.ocmw.merge.input.SourceRow;
import be.ocmw.merge.input.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows parsed and checked on a thread of their own come to the step in order, failures included. */
class RowsAheadTests {

    @Test
    @Timeout(10)
    void rowsArriveInOrderCheckedAndBlankRowsUnchecked() {
        TableReader table = table(() -> new SourceRow(2, List.of("Peeters")), () -> new SourceRow(3, List.of("", "")),
                () -> new SourceRow(4, List.of("Janssens")));

        try (RowsAhead<String> rows = new RowsAhead<>(table, row -> new CheckedRow<>(null, row.cell(0).toUpperCase(), null))) {
            assertThat(rows.next().checked().outcome()).isEqualTo("PEETERS");
            RowsAhead.Row<String> blank = rows.next();
            assertThat(blank.row().number()).isEqualTo(3);
            assertThat(blank.checked()).isNull();
            assertThat(rows.next().checked().outcome()).isEqualTo("JANSSENS");
            assertThat(rows.next()).isNull();
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    @Timeout(10)
    void aFailureWhileReadingReachesTheStepAfterTheRowsBeforeIt() {
        TableReader table = table(() -> new SourceRow(2, List.of("Peeters")), () -> {
            throw new IllegalArgumentException("row 3 is damaged");
        });

        try (RowsAhead<String> rows = new RowsAhead<>(table, row -> new CheckedRow<>(null, row.cell(0), null))) {
            assertThat(rows.next().row().number()).isEqualTo(2);
            assertThatThrownBy(rows::next).isInstanceOf(IllegalArgumentException.class).hasMessage("row 3 is damaged");
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    @Timeout(10)
    void anErrorOnTheReadingThreadFailsTheStepInsteadOfLeavingItWaiting() {
        TableReader table = table(() -> {
            throw new OutOfMemoryError("Java heap space");
        });

        try (RowsAhead<String> rows = new RowsAhead<>(table, row -> new CheckedRow<>(null, row.cell(0), null))) {
            assertThatThrownBy(rows::next).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reading the rows failed").hasMessageContaining("Java heap space");
        }
    }

    @SafeVarargs
    private static TableReader table(Supplier<SourceRow>... rows) {
        Deque<Supplier<SourceRow>> left = new ArrayDeque<>(List.of(rows));
        return new TableReader() {
            @Override
            public List<String> header() {
                return List.of("Naam");
            }

            @Override
            public int headerRowNumber() {
                return 1;
            }

            @Override
            public SourceRow next() {
                return left.isEmpty() ? null : left.poll().get();
            }

            @Override
            public void close() {
            }
        };
    }
}
