package be.ocmw.merge.dossiers.internal;

import be.ocmw.merge.database.CountedTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The dossiers loaded, for {@code status}. */
@Component
class DossierCounted extends CountedTables {

    DossierCounted(JdbcClient jdbc) {
        super(jdbc, List.of(new Query(4, "dossiers", "select count(*) from dossier")));
    }
}
