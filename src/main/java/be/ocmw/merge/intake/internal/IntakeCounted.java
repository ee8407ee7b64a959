package be.ocmw.merge.intake.internal;

import be.ocmw.merge.database.CountedTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The HTB submissions taken in, for {@code status}. */
@Component
class IntakeCounted extends CountedTables {

    IntakeCounted(JdbcClient jdbc) {
        super(jdbc, List.of(new Query(6, "HTB submissions", "select count(*) from submission")));
    }
}
