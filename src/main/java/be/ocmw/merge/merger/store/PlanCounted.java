package be.ocmw.merge.merger.store;

import be.ocmw.merge.database.Counted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The plans stored, for {@code status}. */
@Component
class PlanCounted implements Counted {

    private final JdbcClient jdbc;

    PlanCounted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Count> counts() {
        return List.of(
                new Count(7, "plans", jdbc.sql("select count(*) from plan").query(Long.class).single()));
    }
}
