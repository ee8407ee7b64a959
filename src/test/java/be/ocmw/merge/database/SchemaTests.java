package be.ocmw.merge.database;

import be.ocmw.merge.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrated schema keeps the promises the features rely on, even against a bug in the code: no
 * malformed KBO or INSZ, one open NIS code per organisation, one username per organisation and domain,
 * a dossier continued at most once.
 */
class SchemaTests extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void flywayCreatesEveryTableTheMergerNeeds() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list();

        assertThat(tables).contains("organisation", "organisation_nis", "domain", "known_application",
                "access_snapshot", "account", "dossier", "online_request",
                "online_request_link", "submission", "submission_administrator", "rejected_row", "plan",
                "plan_change", "finding", "plan_task", "audit", "run", "drift",
                "batch_job_instance", "batch_job_execution", "batch_step_execution",
                "qrtz_job_details", "qrtz_triggers", "qrtz_locks");
    }

    @Test
    void theGuidelinesApplicationCatalogueIsLoaded() {
        List<String> applications = jdbc.sql("select name from known_application where domain = 'Maatschappelijk Welzijn'")
                .query(String.class).list();

        assertThat(applications).hasSize(12).contains("e-Box van de instelling", "ChaMan - Technisch kanaalbeheer",
                "OCMW-configuratie", "Sociale Agent", "PrimaWeb");
    }

    @Test
    void refusesAMalformedKboOrInsz() {
        rolledBack(() -> {
            assertThatThrownBy(() -> jdbc.sql("insert into organisation (kbo, name) values ('212978247', 'x')").update())
                    .isInstanceOf(DataIntegrityViolationException.class);
        });
        rolledBack(() -> {
            assertThatThrownBy(() -> jdbc.sql("""
                    insert into dossier (kbo, reference, type, insz, start_date)
                    values ('0212978247', 'R1', 'A036', '85.07.30-033.28', date '2024-01-01')""").update())
                    .isInstanceOf(DataIntegrityViolationException.class);
        });
    }

    @Test
    void anOrganisationHasOneOpenNisCodeAndItsHistory() {
        rolledBack(() -> {
            jdbc.sql("insert into organisation (kbo, name) values ('0212145433', 'OCMW Hasselt')").update();
            jdbc.sql("insert into organisation_nis (kbo, nis, valid_until) values ('0212145433', '71022', date '2025-01-01')").update();
            jdbc.sql("insert into organisation_nis (kbo, nis, valid_from) values ('0212145433', '71072', date '2025-01-01')").update();

            assertThatThrownBy(() -> jdbc.sql(
                    "insert into organisation_nis (kbo, nis, valid_from) values ('0212145433', '71099', date '2026-01-01')").update())
                    .isInstanceOf(DataIntegrityViolationException.class);
        });
    }

    @Test
    void aUsernameIsUniqueWithinASnapshotAndEachDomainHasOneCurrentSnapshot() {
        rolledBack(() -> {
            jdbc.sql("insert into organisation (kbo, name) values ('0212978247', 'OCMW Galmaarden')").update();
            String snapshot = """
                    insert into access_snapshot (kbo, domain, source_file, content_sha256, status)
                    values ('0212978247', :domain, 'x.csv', 'sha', :status) returning id""";
            long welzijn = jdbc.sql(snapshot).param("domain", "Maatschappelijk Welzijn").param("status", "CURRENT")
                    .query(Long.class).single();
            long werkgever = jdbc.sql(snapshot).param("domain", "Werkgever RSZ").param("status", "CURRENT")
                    .query(Long.class).single();
            String insert = """
                    insert into account (snapshot_id, kbo, domain, username, last_name, first_name, role, status)
                    values (:snapshot, '0212978247', 'Maatschappelijk Welzijn', 'jdhondt', 'D''Hondt', 'Jan', 'USER', 'ACTIEF')""";
            jdbc.sql(insert).param("snapshot", welzijn).update();
            jdbc.sql(insert).param("snapshot", werkgever).update();

            assertThatThrownBy(() -> jdbc.sql(insert).param("snapshot", welzijn).update())
                    .isInstanceOf(DataIntegrityViolationException.class);
        });
        rolledBack(() -> {
            jdbc.sql("insert into organisation (kbo, name) values ('0212978247', 'OCMW Galmaarden')").update();
            String snapshot = """
                    insert into access_snapshot (kbo, domain, source_file, content_sha256, status)
                    values ('0212978247', 'Maatschappelijk Welzijn', 'x.csv', 'sha', 'CURRENT')""";
            jdbc.sql(snapshot).update();

            assertThatThrownBy(() -> jdbc.sql(snapshot).update()).isInstanceOf(DataIntegrityViolationException.class);
        });
    }

    @Test
    void aDossierIsContinuedAtMostOnce() {
        rolledBack(() -> {
            long original = jdbc.sql("""
                    insert into dossier (kbo, reference, type, insz, start_date)
                    values ('0212978247', 'PJ-0001', 'INTEGRATIE', '85073003328', date '2024-03-01') returning id""")
                    .query(Long.class).single();
            String reopen = """
                    insert into dossier (kbo, reference, type, insz, start_date, predecessor_id)
                    values ('1002209443', :reference, 'INTEGRATIE', '85073003328', date '2025-01-01', :predecessor)""";
            jdbc.sql(reopen).param("reference", "PJ-0001").param("predecessor", original).update();

            assertThatThrownBy(() -> jdbc.sql(reopen).param("reference", "PJ-0001-bis").param("predecessor", original).update())
                    .isInstanceOf(DataIntegrityViolationException.class);
        });
    }

    private void rolledBack(Runnable work) {
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }
}
