package be.ocmw.merge.cli;

import be.ocmw.merge.support.Waiting;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.TestDatabase;
import be.ocmw.merge.support.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    void afterAFiringTheOperatorsMonitoringReadsTheSchedulerAndTheJobMetricsAndAnybodyElseOnlyTheStatus() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        Started serve = serve("monitored", url, "60s");
        awaitServing(serve);
        URI base = URI.create("http://localhost:" + port(serve));

        // given a night reconciled by the scheduler
        dueNow(url);
        awaitCompletedReconciliation(url, serve);
        awaitNightRecorded(url, "COMPLETED", 1);

        // when the monitoring asks, as an operator, as a coordinator, and without logging in
        HttpResponse<String> health = get(base, "/actuator/health", "operator");
        HttpResponse<String> metrics = get(base, "/actuator/prometheus", "operator");
        HttpResponse<String> anonymousHealth = get(base, "/actuator/health", null);
        HttpResponse<String> anonymousMetrics = get(base, "/actuator/prometheus", null);
        HttpResponse<String> liveness = get(base, "/actuator/health/liveness", null);
        HttpResponse<String> readiness = get(base, "/actuator/health/readiness", null);
        HttpResponse<String> coordinatorMetrics = get(base, "/actuator/prometheus", "coordinator");
        HttpResponse<String> wrongPassword = get(base, "/actuator/prometheus", "operator:guess");
        for (int i = 2; i <= 5; i++) {
            assertThat(get(base, "/actuator/prometheus", "operator:guess" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> afterFiveGuesses = get(base, "/actuator/prometheus", "operator");
        stop(serve);

        // then the operator reads the scheduler with its last firing, the night, and the batch job's metrics
        assertThat(health.statusCode()).isEqualTo(200);
        var components = JSON.readTree(health.body()).path("components");
        assertThat(components.path("scheduler").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("scheduler").path("details").path("lastFiring").asString()).as(health.body())
                .matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(components.path("nightly").path("details").path("outcome").asString()).isEqualTo("COMPLETED");
        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("auditChain").path("details").path("intact").asBoolean()).isTrue();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"reconcileJob\"[^}]*"
                        + "spring_batch_job_status=\"COMPLETED\"[^}]*} 1")
                .containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"driftStep\"")
                .containsPattern("(?m)^ocmw_nightly_failed\\{[^}]*} 0\\.0$")
                .containsPattern("(?m)^ocmw_mail_unsent\\{[^}]*} 0\\.0$");
        // an orchestrator's probes, without a login, read whether it is up and nothing more
        for (HttpResponse<String> probe : List.of(liveness, readiness)) {
            assertThat(probe.statusCode()).as(probe.uri().toString()).isEqualTo(200);
            assertThat(JSON.readTree(probe.body()).path("status").asString()).isEqualTo("UP");
            assertThat(probe.body()).doesNotContain("components").doesNotContain("details");
        }
        // and nobody else reads more than whether it is up
        assertThat(anonymousHealth.statusCode()).isEqualTo(200);
        assertThat(anonymousHealth.body()).contains("\"status\":\"UP\"").doesNotContain("components");
        assertThat(anonymousMetrics.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(coordinatorMetrics.statusCode()).isEqualTo(403);
        // and guessing the password here is throttled like the login form: five wrong ones lock the name
        assertThat(afterFiveGuesses.statusCode()).as("the right password, refused while locked").isEqualTo(429);
    }

    @Test
    void aNightThatFailsIsRetriedOnceThenTheOperatorsAreMailedAndTheHealthAndAMetricSaySo() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        int smtpPort = TestSmtp.freePort();
        GreenMail smtp = TestSmtp.on(smtpPort);
        try {
            Started serve = start(Files.createDirectories(workDir.resolve("failing")), url, "60s",
                    "OCMW_MAIL_HOST", "127.0.0.1", "OCMW_MAIL_PORT", String.valueOf(smtpPort),
                    "OCMW_MAIL_OPERATORS", "ops@rsz.example", "OCMW_RECONCILE_RETRY_AFTER", "1s");
            awaitServing(serve);
            URI base = URI.create("http://localhost:" + port(serve));

            // given a night whose reconciliation cannot write its drift (the table is gone), now and a second later
            try (Connection connection = DriverManager.getConnection(url)) {
                connection.createStatement().execute("alter table drift rename to drift_away");
            }
            dueNow(url);
            awaitNightRecorded(url, "FAILED", 2);
            assertThat(smtp.waitForIncomingEmail(30_000, 1)).as("the operators are mailed").isTrue();
            HttpResponse<String> health = get(base, "/actuator/health", "operator");
            HttpResponse<String> metrics = get(base, "/actuator/prometheus", "operator");
            HttpResponse<String> page = get(base, "/", "operator");
            stop(serve);

            // then it was tried twice, and the operators, the health and the metrics know
            assertThat(count(url, "select count(*) from batch_job_execution e join batch_job_instance i using (job_instance_id) "
                    + "where i.job_name = 'reconcileJob' and e.status = 'FAILED'")).isEqualTo(2);
            MimeMessage notice = smtp.getReceivedMessages()[0];
            assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("ops@rsz.example");
            assertThat(notice.getSubject()).contains("is mislukt").contains("a échoué");
            assertThat(String.valueOf(notice.getContent())).contains("2 pogingen").contains("drift");
            assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("DEGRADED");
            assertThat(JSON.readTree(health.body()).path("components").path("nightly").path("details").path("attempt").asInt())
                    .isEqualTo(2);
            assertThat(metrics.body()).containsPattern("(?m)^ocmw_nightly_failed\\{[^}]*} 1\\.0$")
                    .containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_status=\"FAILED\"[^}]*} 2");
            assertThat(page.statusCode()).as("the dashboard answers basic authentication only on /actuator").isNotEqualTo(200);
        } finally {
            smtp.stop();
        }
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
        Waiting.until("the due trigger fired and its reconciliation completed", java.time.Duration.ofSeconds(60),
                java.time.Duration.ofMillis(200), () -> {
                    for (Started serve : serving) {
                        assertThat(serve.process().isAlive()).as(serve.outputSoFar()).isTrue();
                    }
                    return count(url, "select count(*) from batch_job_execution e join batch_job_instance i using (job_instance_id) "
                            + "where i.job_name = 'reconcileJob' and e.status = 'COMPLETED'") > 0;
                });
    }

    private static void update(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            assertThat(connection.createStatement().executeUpdate(sql)).as(sql).isEqualTo(1);
        }
    }

    private Started serve(String name, String url, String misfire) throws Exception {
        return start(Files.createDirectories(workDir.resolve(name)), url, misfire);
    }

    /** serve --demo in {@code dir} on the shipped registry, with these further variables (name, value, …). */
    private static Started start(Path dir, String url, String misfire, String... env) throws Exception {
        Files.createDirectories(dir.resolve("jobs"));
        Files.copy(Registries.shipped(), dir.resolve("jobs/mergers-2025.yml"));
        OcmwMergeJar jar = OcmwMergeJar.in(dir).env("OCMW_DB_URL", url).env("OCMW_RECONCILE_CRON", NIGHTLY)
                .env("OCMW_RECONCILE_ZONE", "UTC").env("OCMW_SCHEDULER_MISFIRE", misfire)
                .env("OCMW_SCHEDULER_CHECKIN", "1s").env("OCMW_SCHEDULER_IDLE_WAIT", "1s");
        for (int i = 0; i < env.length; i += 2) {
            jar = jar.env(env[i], env[i + 1]);
        }
        return jar.start("serve", "--demo", "--port", "0");
    }

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    static final Pattern DASHBOARD = Pattern.compile("Dashboard: http://localhost:(\\d+)/");

    private static int port(Started serve) {
        Matcher port = DASHBOARD.matcher(serve.outputSoFar());
        assertThat(port.find()).as(serve.outputSoFar()).isTrue();
        return Integer.parseInt(port.group(1));
    }

    /** A GET as the demo user {@code who} (its password is its name, unless given as user:password), or anonymous. */
    private static HttpResponse<String> get(URI base, String path, String who) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (who != null) {
            String credentials = who.contains(":") ? who : who + ":" + who;
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (at most a minute) until attempt {@code attempt} of a night is recorded with this outcome. */
    private static void awaitNightRecorded(String url, String outcome, int attempt) throws Exception {
        Waiting.until("attempt " + attempt + " of the night " + outcome, java.time.Duration.ofSeconds(60),
                java.time.Duration.ofMillis(200), () -> count(url, "select count(*) from nightly_attempt where status = '"
                        + outcome + "' and attempt = " + attempt) > 0);
    }

    private static void awaitServing(Started serve) throws Exception {
        Waiting.forOutput(serve, java.util.regex.Pattern.compile("Scheduler:"), java.time.Duration.ofSeconds(60));
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
