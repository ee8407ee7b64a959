package be.ocmw.merge.online.internal;

import be.ocmw.merge.database.Counted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The OCMW Online requests loaded, for {@code status}. */
@Component
class OnlineCounted implements Counted {

    private final JdbcClient jdbc;

    OnlineCounted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Count> counts() {
        return List.of(
                new Count(5, "OCMW Online requests", jdbc.sql("select count(*) from online_request").query(Long.class).single()));
    }
}
