package be.ocmw.merge.database;

import be.ocmw.merge.database.internal.EmbeddedServer;
import be.ocmw.merge.database.internal.MigrationWhenBehind;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The one DataSource of the application: the configured server, or the embedded one in the home folder. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(DatabaseSettings settings) {
        return settings.embedded()
                ? EmbeddedServer.start(settings.home(), settings.lockWait(), settings.idle(), System.err::println)
                : EmbeddedServer.none();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings settings, EmbeddedServer embeddedServer) {
        HikariDataSource dataSource = new HikariDataSource();
        if (settings.embedded()) {
            dataSource.setJdbcUrl(embeddedServer.jdbcUrl());
            dataSource.setUsername("postgres");
        } else {
            dataSource.setJdbcUrl(settings.url());
            dataSource.setUsername(blankToNull(settings.user()));
            dataSource.setPassword(blankToNull(settings.password()));
        }
        dataSource.setPoolName("ocmw-merge");
        // batched inserts become multi-row inserts: about twice as fast for staging rows
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        dataSource.setMaximumPoolSize(8);
        // a wrong URL fails with one clear message after 10 s rather than Hikari's 30 s
        dataSource.setConnectionTimeout(10_000);
        return dataSource;
    }

    /** Flyway at every start for serve (which validates), only when the schema is behind for a quick command. */
    @Bean
    FlywayMigrationStrategy flywayMigrationStrategy(DatabaseSettings settings) {
        return settings.migrate() == DatabaseSettings.Migrate.WHEN_BEHIND ? new MigrationWhenBehind() : Flyway::migrate;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** So that {@link DatabaseStatus} can say which database it describes. */
    @Bean
    DatabaseDescription databaseDescription(DatabaseSettings settings) {
        return new DatabaseDescription(settings.embedded()
                ? "embedded PostgreSQL in " + settings.home().toAbsolutePath().normalize()
                : "PostgreSQL at " + settings.url().replaceAll("password=[^&]*", "password=***"));
    }
}
