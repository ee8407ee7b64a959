package be.ocmw.merge.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring test on the JVM's real PostgreSQL, migrated by Flyway as the application does it. Every
 * subclass gets the same properties, so they share one cached application context.
 */
@SpringBootTest
@TestPropertySource(properties = "logging.file.name=target/test-logs/ocmw-merge.log")
public abstract class DatabaseTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("ocmw.database.url", TestDatabase::url);
        properties.add("ocmw.database.user", () -> "postgres");
    }
}
