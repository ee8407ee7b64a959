package be.ocmw.merge.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM, started on first use and stopped when the JVM ends. Tests that need
 * a database of their own get a fresh, empty one in it by name.
 */
public final class TestDatabase {

    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the test PostgreSQL", e);
            }
        }
        return postgres;
    }

    /** The shared database that Spring test contexts use. */
    public static String url() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    /** A new empty database, for a test that must start from nothing (a jar's first run, say). */
    public static String freshDatabaseUrl() {
        String name = "fresh_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /**
     * A new database that is a copy of the one at {@code url} (made by PostgreSQL from it as a template, in well under a
     * second), for tests that each start from the same loaded data. Nobody may be connected to the original then.
     */
    public static String copyOf(String url) {
        java.util.regex.Matcher original = java.util.regex.Pattern.compile("/([a-z0-9_]+)(\\?|$)").matcher(url);
        if (!original.find()) {
            throw new IllegalArgumentException("no database name in " + url);
        }
        String name = "copy_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name + " template " + original.group(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy test database " + original.group(1) + " to " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
