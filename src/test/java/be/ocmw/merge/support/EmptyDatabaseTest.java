package be.ocmw.merge.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;

/** A {@link DatabaseTest} that starts every test from empty merger tables, with a folder of its own for files. */
public abstract class EmptyDatabaseTest extends DatabaseTest {

    @Autowired
    protected JdbcClient jdbc;

    @TempDir
    protected Path folder;

    @BeforeEach
    void empty() {
        clean(jdbc);
    }
}
