package be.ocmw.merge.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the database holds, counted, for an operator who wants to know where things stand. */
@Component
public class DatabaseStatus {

    private final JdbcClient jdbc;
    private final DatabaseDescription description;

    private final List<Counted> features;

    DatabaseStatus(JdbcClient jdbc, DatabaseDescription description, List<Counted> features) {
        this.jdbc = jdbc;
        this.description = description;
        this.features = features;
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

    /** Rows per kind of data, in a fixed order, as each feature counts its own. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        features.stream().flatMap(feature -> feature.counts().stream())
                .sorted(java.util.Comparator.comparingInt(Counted.Count::position))
                .forEach(count -> counts.put(count.label(), count.rows()));
        return counts;
    }
}
