package be.ocmw.merge.merger.store;

import be.ocmw.merge.database.CountedTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The plans stored, for {@code status}. */
@Component
class PlanCounted extends CountedTables {

    PlanCounted(JdbcClient jdbc) {
        super(jdbc, List.of(new Query(7, "plans", "select count(*) from plan")));
    }
}
