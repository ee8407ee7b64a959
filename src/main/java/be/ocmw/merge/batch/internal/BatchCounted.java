package be.ocmw.merge.batch.internal;

import be.ocmw.merge.database.CountedTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The input rows the loads and intakes rejected, for {@code status}. */
@Component
class BatchCounted extends CountedTables {

    BatchCounted(JdbcClient jdbc) {
        super(jdbc, List.of(new Query(8, "rejected input rows", "select count(*) from rejected_row")));
    }
}
