package be.ocmw.merge.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Which database to use.
 *
 * @param url      JDBC URL of a PostgreSQL server; blank for the embedded one
 * @param user     user for {@code url}
 * @param password password for {@code url}
 * @param home     folder of the embedded database ({@code .ocmw} by default)
 * @param lockWait how long a command waits for another run to release the embedded database
 * @param idle     how long the embedded server stays up after the last process is done with it, for the next command
 *                 to find it running (0: stopped at once)
 * @param migrate  when Flyway runs: {@code always} (it also validates what was applied: serve) or {@code when-behind}
 *                 (only when the database's schema is older than this jar's: the command line's quick start)
 */
@ConfigurationProperties("ocmw.database")
public record DatabaseSettings(String url, String user, String password, Path home, Duration lockWait,
                               Duration idle, Migrate migrate) {

    /** When Flyway migrates the database a command starts on. */
    public enum Migrate { ALWAYS, WHEN_BEHIND }

    public DatabaseSettings {
        home = home == null ? Path.of(".ocmw") : home;
        lockWait = lockWait == null ? Duration.ofMinutes(10) : lockWait;
        idle = idle == null || idle.isNegative() ? Duration.ZERO : idle;
        migrate = migrate == null ? Migrate.ALWAYS : migrate;
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
