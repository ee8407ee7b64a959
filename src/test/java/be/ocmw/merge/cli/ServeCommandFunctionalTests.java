package be.ocmw.merge.cli;

import be.ocmw.merge.audit.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * serve through the real jar: two processes on one database fire a due trigger once; a missed firing fires once at the
 * next start. The trigger is made due in the database (its time has come) rather than waited for on the clock.
 */
class ServeCommandFunctionalTests {

    static final Pattern FIRED = Pattern.compile("Fired for (\\S+) by (\\S+):");

    @TempDir
    Path workDir;

    @Test
    void withoutDashboardUsersServeRefusesToStartAndSaysHow() throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("no-users"));
        Files.createDirectories(dir.resolve("jobs"));
        Files.copy(Registries.shipped(), dir.resolve("jobs/mergers-2025.yml"));
        Files.writeString(dir.resolve("users.properties"), "ocmw.web.users.an.password=plain-text-password\nocmw.web.users.an.role=OPERATOR\n");

        OcmwMergeJar.Run none = OcmwMergeJar.in(dir).env("OCMW_DB_URL", TestDatabase.freshDatabaseUrl()).run("serve", "--port", "0");
        OcmwMergeJar.Run plain = OcmwMergeJar.in(dir).env("OCMW_DB_URL", TestDatabase.freshDatabaseUrl())
                .run("serve", "--port", "0", "--users", "users.properties");

        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("serve needs dashboard users").contains("--demo").doesNotContain("Exception");
        assertThat(plain.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(plain.err()).contains("dashboard user 'an' has no bcrypt hash");
    }

    /** Nightly at two (UTC): it never comes due by itself while a test runs; the test makes it due. */
    static final String NIGHTLY = "0 0 2 * * ?";

    @Test
    void twoServeProcessesOnOneDatabaseFireADueTriggerOnceAndReconcileTheNightOnce() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        Started one = serve("one", url, "60s");
        Started two = serve("two", url, "60s");
        awaitServing(one);
        awaitServing(two);

        // the night comes now: the stored trigger is due, and both schedulers look for it
        dueNow(url);
        awaitCompletedReconciliation(url, one, two);
        stop(one);
        stop(two);

        List<String[]> firings = new ArrayList<>(firings("one"));
        firings.addAll(firings("two"));
        assertThat(firings).as("fired by one of the two").hasSize(1);
        assertThat(count(url, "select count(*) from batch_job_instance where job_name = 'reconcileJob'")).isEqualTo(1);
        assertThat(count(url, "select count(*) from batch_job_execution e join batch_job_instance i using (job_instance_id) "
                + "where i.job_name = 'reconcileJob'")).isEqualTo(1);
        assertWentOnToTheNextNight(url);
    }

    @Test
    void aFiringMissedWhileNoServeRanFiresOnceAtTheNextStart() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        Started first = serve("first", url, "1s");
        awaitServing(first);
        stop(first);
        // the night passed while no serve ran: its firing is in the past, missed by more than the threshold
        missedAMinuteAgo(url);

        Started second = serve("second", url, "1s");
        awaitServing(second);
        awaitCompletedReconciliation(url, second);
        stop(second);

        assertThat(firings("first")).isEmpty();
        assertThat(firings("second")).hasSize(1);
        assertThat(count(url, "select count(*) from batch_job_execution e join batch_job_instance i using (job_instance_id) "
                + "where i.job_name = 'reconcileJob' and e.status = 'COMPLETED'")).isEqualTo(1);
        assertWentOnToTheNextNight(url);
    }

    /** Sets the stored trigger's next firing to now, as when its time comes. */
    private static void dueNow(String url) throws Exception {
        update(url, "update qrtz_triggers set next_fire_time = "
                + "cast(extract(epoch from clock_timestamp()) * 1000 as bigint) where trigger_name = 'nightlyReconciliationTrigger'");
    }

    private static void missedAMinuteAgo(String url) throws Exception {
        update(url, "update qrtz_triggers set next_fire_time = "
                + "cast(extract(epoch from clock_timestamp()) * 1000 as bigint) - 60000 where trigger_name = 'nightlyReconciliationTrigger'");
    }

    /**
     * The stored trigger's next firing is the coming night at two (UTC), within a day: whatever the hour the test runs
     * at (a CI run at ten past midnight is less than two hours before it).
     */
    private static void assertWentOnToTheNextNight(String url) throws Exception {
        Instant now = Instant.now();
        Instant next = Instant.ofEpochMilli(count(url,
                "select next_fire_time from qrtz_triggers where trigger_name = 'nightlyReconciliationTrigger'"));
        assertThat(next).as("the trigger went on to a coming night").isAfter(now).isBefore(now.plus(Duration.ofDays(1)));
        assertThat(next.atZone(ZoneOffset.UTC).toLocalTime()).as("the next night's firing time").isEqualTo(LocalTime.of(2, 0));
    }

    /** Waits (at most a minute) until a reconciliation the scheduler started has completed. */
    private static void awaitCompletedReconciliation(String url, Started... serving) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (count(url, "select count(*) from batch_job_execution e join batch_job_instance i using (job_instance_id) "
                + "where i.job_name = 'reconcileJob' and e.status = 'COMPLETED'") == 0) {
            for (Started serve : serving) {
                assertThat(serve.process().isAlive()).as(serve.outputSoFar()).isTrue();
            }
            assertThat(Instant.now()).as("the due trigger fired and its reconciliation completed").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static void update(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            assertThat(connection.createStatement().executeUpdate(sql)).as(sql).isEqualTo(1);
        }
    }

    private Started serve(String name, String url, String misfire) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Files.createDirectories(dir.resolve("jobs"));
        Files.copy(Registries.shipped(), dir.resolve("jobs/mergers-2025.yml"));
        return OcmwMergeJar.in(dir).env("OCMW_DB_URL", url).env("OCMW_RECONCILE_CRON", NIGHTLY)
                .env("OCMW_RECONCILE_ZONE", "UTC").env("OCMW_SCHEDULER_MISFIRE", misfire)
                .env("OCMW_SCHEDULER_CHECKIN", "1s").env("OCMW_SCHEDULER_IDLE_WAIT", "1s").start("serve", "--demo", "--port", "0");
    }

    private static void awaitServing(Started serve) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!serve.outputSoFar().contains("Scheduler:")) {
            assertThat(serve.process().isAlive()).as(serve.outputSoFar()).isTrue();
            assertThat(Instant.now()).as("serve started").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void stop(Started serve) throws Exception {
        serve.process().destroy();
        serve.process().waitFor();
    }

    /** The firings a serve process logged: scheduled fire time and scheduler instance. */
    private List<String[]> firings(String name) throws Exception {
        Path log = workDir.resolve(name).resolve(".ocmw/logs/ocmw-merge.log");
        List<String[]> firings = new ArrayList<>();
        if (Files.exists(log)) {
            Matcher m = FIRED.matcher(Files.readString(log));
            while (m.find()) {
                firings.add(new String[]{m.group(1), m.group(2)});
            }
        }
        return firings;
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
