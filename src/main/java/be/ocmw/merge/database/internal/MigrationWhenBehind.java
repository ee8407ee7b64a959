package be.ocmw.merge.database.internal;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Flyway only when the database's schema is older than this jar's migrations (or one of them failed): a
 * command on a current database does not pay for Flyway's scan and validation at every start. What is skipped is
 * the validation of applied migrations' checksums, which {@code serve} and every migration still do.
 */
public final class MigrationWhenBehind implements FlywayMigrationStrategy {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    @Override
    public void migrate(Flyway flyway) {
        if (behind(flyway.getConfiguration().getDataSource(), latestMigration())) {
            flyway.migrate();
        }
    }

    /** The highest version among the jar's migrations (db/migration/V&lt;n&gt;__*.sql). */
    static int latestMigration() {
        try {
            Resource[] migrations = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/migration/V*__*.sql");
            return Arrays.stream(migrations).map(Resource::getFilename).filter(Objects::nonNull)
                    .map(VERSION::matcher).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max()
                    .orElseThrow(() -> new IllegalStateException("no migrations in db/migration"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean behind(DataSource dataSource, int latest) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("""
                     select coalesce(max(version::int) filter (where success), 0), count(*) filter (where not success)
                     from flyway_schema_history where version is not null""")) {
            result.next();
            return result.getInt(1) < latest || result.getLong(2) > 0;
        } catch (SQLException e) {
            // no schema history yet (a new database), or one Flyway must look at itself
            return true;
        }
    }
}
