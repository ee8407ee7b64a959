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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** serve through the real jar: two processes on one database fire each trigger once; missed firings fire once. */
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

    @Test
    void twoServeProcessesOnOneDatabaseFireEveryDueTriggerOnceAndReconcileTheNightOnce() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        Started one = serve("one", url, "0/2 * * * * ?", "60s");
        Started two = serve("two", url, "0/2 * * * * ?", "60s");
        awaitServing(one);
        awaitServing(two);

        Thread.sleep(9_000);
        stop(one);
        stop(two);

        List<String[]> firings = new ArrayList<>(firings("one"));
        firings.addAll(firings("two"));
        assertThat(firings).hasSizeGreaterThanOrEqualTo(3);
        assertThat(firings.stream().map(f -> f[0]).distinct().count()).as("each fire time fired once").isEqualTo(firings.size());
        assertThat(count(url, "select count(*) from batch_job_instance where job_name = 'reconcileJob'")).isEqualTo(1);
        assertThat(count(url, "select count(*) from batch_job_execution e join batch_job_instance i using (job_instance_id) "
                + "where i.job_name = 'reconcileJob'")).isEqualTo(1);
    }

    @Test
    void firingsMissedWhileNoServeRanFireOnceAtTheNextStart() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        // four firings in one minute ahead, all missed: the first serve stops before them, the second starts after
        ZonedDateTime minute = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        if (Duration.between(ZonedDateTime.now(ZoneOffset.UTC), minute).getSeconds() < 25) {
            minute = minute.plusMinutes(1);
        }
        String cron = "0-3 " + minute.getMinute() + " " + minute.getHour() + " * * ?";
        Started first = serve("first", url, cron, "1s");
        awaitServing(first);
        stop(first);
        while (Instant.now().isBefore(minute.toInstant().plusSeconds(6))) {
            Thread.sleep(500);
        }

        Started second = serve("second", url, cron, "1s");
        awaitServing(second);
        Thread.sleep(6_000);
        stop(second);

        assertThat(firings("first")).isEmpty();
        assertThat(firings("second")).hasSize(1);
        assertThat(count(url, "select count(*) from batch_job_execution e join batch_job_instance i using (job_instance_id) "
                + "where i.job_name = 'reconcileJob' and e.status = 'COMPLETED'")).isEqualTo(1);
    }

    private Started serve(String name, String url, String cron, String misfire) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Files.createDirectories(dir.resolve("jobs"));
        Files.copy(Registries.shipped(), dir.resolve("jobs/mergers-2025.yml"));
        return OcmwMergeJar.in(dir).env("OCMW_DB_URL", url).env("OCMW_RECONCILE_CRON", cron)
                .env("OCMW_RECONCILE_ZONE", "UTC").env("OCMW_SCHEDULER_MISFIRE", misfire)
                .env("OCMW_SCHEDULER_CHECKIN", "1s").start("serve", "--demo", "--port", "0");
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
