package be.ocmw.merge.access.internal;

import be.ocmw.merge.database.CountedTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The organisations, the accounts of their current snapshots and their grants, for {@code status}. */
@Component
class AccessCounted extends CountedTables {

    AccessCounted(JdbcClient jdbc) {
        super(jdbc, List.of(new Query(1, "organisations", "select count(*) from organisation"), new Query(2, "accounts", "select count(*) from live_account"), new Query(3, "grants", "select coalesce(sum(cardinality(applications)), 0) from live_account")));
    }
}
