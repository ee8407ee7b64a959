package be.ocmw.merge.intake.internal;

import be.ocmw.merge.database.Counted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The HTB submissions taken in, for {@code status}. */
@Component
class IntakeCounted implements Counted {

    private final JdbcClient jdbc;

    IntakeCounted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Count> counts() {
        return List.of(
                new Count(6, "HTB submissions", jdbc.sql("select count(*) from submission").query(Long.class).single()));
    }
}
