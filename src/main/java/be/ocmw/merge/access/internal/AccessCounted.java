package be.ocmw.merge.access.internal;

import be.ocmw.merge.database.Counted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The organisations, the accounts of their current snapshots and their grants, for {@code status}. */
@Component
class AccessCounted implements Counted {

    private final JdbcClient jdbc;

    AccessCounted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Count> counts() {
        return List.of(
                new Count(1, "organisations", jdbc.sql("select count(*) from organisation").query(Long.class).single()),
                new Count(2, "accounts", jdbc.sql("select count(*) from live_account").query(Long.class).single()),
                new Count(3, "grants", jdbc.sql("select coalesce(sum(cardinality(applications)), 0) from live_account").query(Long.class).single()));
    }
}
