package be.ocmw.merge.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The audit trail's before/after copies of the merger's OCMWs' rows (accounts, dossiers, requests: keyed by KBO). A
 * purge drops the keys that name persons and marks the row with its run; the row's hash covers the digests of the
 * original copies, which stay, so the chain still verifies, and the purge's own audit row counts and names the rows it
 * pseudonymised ({@link #recordPurge}), so that a row marked otherwise is found.
 */
@Component
class AuditPersonalData extends PersonalDataTables {

    private static final String ROWS = """
            from audit where split_part(row_key, '/', 1) = any(:kbos)
              and (before is distinct from jsonb_without_personal(before) or after is distinct from jsonb_without_personal(after))""";

    AuditPersonalData(JdbcClient jdbc) {
        super(jdbc, List.of(new Target("audit", "before/after copies of accounts and dossiers", ROWS,
                "update audit set before = jsonb_without_personal(before), after = jsonb_without_personal(after), "
                        + "purged_by_run = :run " + ROWS.substring(ROWS.indexOf("where")))));
    }
}
