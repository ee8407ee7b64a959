package be.ocmw.merge.dossiers.internal;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The dossier loads' staged rows of the merger's OCMWs (a load killed before it finished leaves them). */
@Component
class DossierPersonalData extends PersonalDataTables {

    private static final String STAGED = "from staged_dossier where kbo = any(:kbos) and insz <> '00000000000'";

    DossierPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(new Target("staged_dossier", "staged dossier rows", STAGED,
                "update staged_dossier set insz = '00000000000' " + STAGED.substring(STAGED.indexOf("where")))));
    }
}
