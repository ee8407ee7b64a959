package be.ocmw.merge.dossiers.internal;

import be.ocmw.merge.database.Counted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The dossiers loaded, for {@code status}. */
@Component
class DossierCounted implements Counted {

    private final JdbcClient jdbc;

    DossierCounted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Count> counts() {
        return List.of(
                new Count(4, "dossiers", jdbc.sql("select count(*) from dossier").query(Long.class).single()));
    }
}
