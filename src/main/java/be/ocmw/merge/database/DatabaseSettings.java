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
 */
@ConfigurationProperties("ocmw.database")
public record DatabaseSettings(String url, String user, String password, Path home, Duration lockWait) {

    public DatabaseSettings {
        home = home == null ? Path.of(".ocmw") : home;
        lockWait = lockWait == null ? Duration.ofMinutes(10) : lockWait;
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
