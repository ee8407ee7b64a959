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

    /** Empties the merger data (not the run log nor the job repository) so a test starts from nothing. */
    protected static void clean(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        jdbc.sql("""
                truncate table organisation, organisation_nis, access_snapshot, account, dossier, online_request,
                               online_request_link, submission, submission_administrator, load_file, staged_dossier,
                               staged_online_request, staged_administrator, rejected_row, finding, audit, plan,
                               plan_change, plan_task, drift cascade""").update();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("ocmw.database.url", TestDatabase::url);
        properties.add("ocmw.database.user", () -> "postgres");
    }
}
