package be.ocmw.merge.online.internal;

import be.ocmw.merge.database.CountedTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The OCMW Online requests loaded, for {@code status}. */
@Component
class OnlineCounted extends CountedTables {

    OnlineCounted(JdbcClient jdbc) {
        super(jdbc, List.of(new Query(5, "OCMW Online requests", "select count(*) from online_request")));
    }
}
