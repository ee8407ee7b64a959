package be.ocmw.merge.access.internal;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The accounts of the merger's OCMWs in replaced snapshots (every reload keeps the one before): names, INSZ, e-mail. */
@Component
class AccessPersonalData extends PersonalDataTables {

    private static final String WHERE = """
            s.status <> 'CURRENT' and a.kbo = any(:kbos)
              and (a.insz is not null or a.last_name <> '' or a.first_name <> '' or a.email is not null)""";

    AccessPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(new Target("account", "accounts of replaced snapshots",
                "from account a join access_snapshot s on s.id = a.snapshot_id where " + WHERE,
                "update account a set insz = null, last_name = '', first_name = '', email = null "
                        + "from access_snapshot s where s.id = a.snapshot_id and " + WHERE)));
    }
}
