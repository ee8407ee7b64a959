package be.ocmw.merge.access.internal;

import be.ocmw.merge.audit.PersonalDataTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The accounts of the merger's OCMWs in replaced snapshots (every reload keeps the one before), and the account changes
 * stored under the merger's plans: names, INSZ, e-mail. The plans' fingerprints, counts and summaries stay: they were
 * computed from the full values and are not computed again.
 */
@Component
class AccessPersonalData extends PersonalDataTables {

    private static final String WHERE = """
            s.status <> 'CURRENT' and a.kbo = any(:kbos)
              and (a.insz is not null or a.last_name <> '' or a.first_name <> '' or a.email is not null)""";

    private static final String CHANGES = """
            from plan_change where plan_id = any(:plans) and detail <> jsonb_without_personal(detail)""";

    AccessPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(new Target("account", "accounts of replaced snapshots",
                        "from account a join access_snapshot s on s.id = a.snapshot_id where " + WHERE,
                        "update account a set insz = null, last_name = '', first_name = '', email = null "
                                + "from access_snapshot s where s.id = a.snapshot_id and " + WHERE),
                new Target("plan_change", "changes of stored plans", CHANGES,
                        "update plan_change set detail = jsonb_without_personal(detail) "
                                + CHANGES.substring(CHANGES.indexOf("where")))));
    }
}
