package be.ocmw.merge.batch.internal;

import be.ocmw.merge.database.Counted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The input rows the loads and intakes rejected, for {@code status}. */
@Component
class BatchCounted implements Counted {

    private final JdbcClient jdbc;

    BatchCounted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Count> counts() {
        return List.of(
                new Count(8, "rejected input rows", jdbc.sql("select count(*) from rejected_row").query(Long.class).single()));
    }
}
