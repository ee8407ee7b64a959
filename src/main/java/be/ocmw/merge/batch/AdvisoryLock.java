package be.ocmw.merge.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PostgreSQL session advisory lock on a name, held on one connection: what keeps two processes from running
 * the same thing at once, on the embedded database or on a shared server alike. Released when closed, or by
 * PostgreSQL when the process dies.
 */
public final class AdvisoryLock implements AutoCloseable {

    private final Connection connection;
    private final String name;

    private AdvisoryLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** The lock, or empty when another session holds it. The connection stays the caller's. */
    public static java.util.Optional<AdvisoryLock> tryTake(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(hashtextextended(?, 0))")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1)
                        ? java.util.Optional.of(new AdvisoryLock(connection, name)) : java.util.Optional.empty();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
            statement.setString(1, name);
            statement.execute();
        }
    }
}
