package be.ocmw.merge.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the database holds, counted, for an operator who wants to know where things stand. */
@Component
public class DatabaseStatus {

    private static final Map<String, String> COUNTED = new LinkedHashMap<>();

    static {
        COUNTED.put("organisations", "organisation");
        COUNTED.put("accounts", "live_account");
        COUNTED.put("dossiers", "dossier");
        COUNTED.put("OCMW Online requests", "online_request");
        COUNTED.put("HTB submissions", "submission");
        COUNTED.put("plans", "plan");
        COUNTED.put("rejected input rows", "rejected_row");
    }

    private final JdbcClient jdbc;
    private final DatabaseDescription description;

    DatabaseStatus(JdbcClient jdbc, DatabaseDescription description) {
        this.jdbc = jdbc;
        this.description = description;
    }

    public String description() {
        return description.text();
    }

    public String serverVersion() {
        return jdbc.sql("show server_version").query(String.class).single();
    }

    public String schemaVersion() {
        return jdbc.sql("select version from flyway_schema_history where success order by installed_rank desc limit 1")
                .query(String.class).optional().orElse("none");
    }

    /** Rows per kind of data, in a fixed order. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTED.forEach((label, table) -> {
            counts.put(label, jdbc.sql("select count(*) from " + table).query(Long.class).single());
            if (table.equals("live_account")) {
                counts.put("grants", jdbc.sql("select coalesce(sum(cardinality(applications)), 0) from live_account")
                        .query(Long.class).single());
            }
        });
        return counts;
    }
}
