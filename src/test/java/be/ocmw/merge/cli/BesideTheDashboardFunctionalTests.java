package be.ocmw.merge.cli;

import be.ocmw.merge.support.Waiting;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.SampleWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's order: make run, make serve, then the command line. With the dashboard running on the embedded database,
 * commands use that database at once, and an apply the dashboard is running keeps a second one out.
 */
class BesideTheDashboardFunctionalTests {

    private static final Pattern PORT = Pattern.compile("Dashboard: http://localhost:(\\d+)/");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"");

    @TempDir
    Path workDir;

    @Test
    void commandsRunBesideServeAndAnApplyTheDashboardRunsRefusesASecondOne() throws Exception {
        OcmwMergeJar jar = sampleLoaded();
        Run planned = jar.run("plan", "pajottegem", "--out", "out");
        String fingerprint = SampleWorkflow.fingerprint(planned);
        assertThat(jar.run("approve", "pajottegem", "--fingerprint", fingerprint, "--by", "coordinator").exitCode()).isZero();

        Started serve = jar.start("serve", "--demo", "--port", "0");
        try {
            String base = "http://localhost:" + awaitPort(serve);

            // given the dashboard running: the command line's reading commands work beside it, without waiting
            Run status = jar.run("status");
            Run plan = jar.run("plan", "hasselt", "--out", "out");
            Run export = jar.run("export", "dossiers", "--out", "dossiers.csv", "--reason", "test: compare with the source");
            for (Run run : new Run[]{status, plan, export}) {
                assertThat(run.exitCode()).as(run.output()).isZero();
                assertThat(run.err()).doesNotContain("waiting");
            }
            assertThat(status.out()).contains("pajottegem").contains(" serve ");
            assertThat(Files.readString(workDir.resolve("dossiers.csv"))).contains("reference");

            try (Connection sql = DriverManager.getConnection(embeddedUrl())) {
                // the dashboard's apply is held up at its first write to the accounts, after it took the merger's lock
                sql.setAutoCommit(false);
                try (Statement hold = sql.createStatement()) {
                    hold.execute("lock table account in exclusive mode");
                }
                HttpClient operator = loggedIn(base, "operator", "operator");
                String form = operator.send(get(base + "/mergers/pajottegem/apply"), HttpResponse.BodyHandlers.ofString()).body();
                HttpResponse<String> started = operator.send(post(base + "/mergers/pajottegem/apply",
                        "fingerprint=" + encode(fingerprint) + "&confirmed=true&_csrf=" + encode(csrf(form))), HttpResponse.BodyHandlers.ofString());
                assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
                awaitApplyLock(sql);

                // when an operator applies the same merger on the command line meanwhile
                Run second = jar.run("apply", "pajottegem", "--out", "out", "--fingerprint", fingerprint, "--by", "another.operator");

                // then it is refused and changes nothing; the dashboard's apply goes on once the accounts are free
                assertThat(second.exitCode()).as(second.output()).isEqualTo(ExitCode.FAILED);
                assertThat(second.err()).contains("Another apply of merger pajottegem is under way").contains("changed nothing");
                sql.commit();
            }
            Run after = awaitApplied(jar);
            assertThat(after.out()).containsPattern("pajottegem +(APPLIED|DRIFT)");
            try (Connection sql = DriverManager.getConnection(embeddedUrl())) {
                assertThat(count(sql, "select count(*) from plan where merger_id = 'pajottegem' and mode = 'APPLY'"))
                        .isEqualTo(1);
            }
            assertThat(serve.process().isAlive()).isTrue();
        } finally {
            serve.process().destroy();
            serve.process().waitFor();
            // a last command without an idle time stops the server (and its watch) for good
            OcmwMergeJar.in(workDir).run("status");
        }
    }

    private OcmwMergeJar sampleLoaded() throws Exception {
        // the server stays up between the commands, as for an operator (the last one, at the end, stops it)
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_IDLE", "2m");
        SampleWorkflow.loaded(jar, workDir);
        return jar;
    }

    private String embeddedUrl() throws Exception {
        String port = Files.readAllLines(workDir.resolve(".ocmw/pgdata/postmaster.pid")).get(3).trim();
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    private static void awaitApplyLock(Connection sql) throws Exception {
        Waiting.until("the dashboard's apply took the merger's lock", java.time.Duration.ofSeconds(60),
                java.time.Duration.ofMillis(50), () -> count(sql, "select count(*) from pg_locks where locktype = 'advisory' "
                        + "and granted and ((classid::bigint << 32) | objid::bigint) = hashtextextended('apply:pajottegem', 0)") > 0);
    }

    private static Run awaitApplied(OcmwMergeJar jar) throws Exception {
        return Waiting.forValue("the dashboard's apply finished", java.time.Duration.ofSeconds(120),
                java.time.Duration.ofMillis(200), () -> {
                    Run status = jar.run("status");
                    return status.out().matches("(?s).*pajottegem +(APPLIED|DRIFT).*") ? status : null;
                });
    }

    private static long count(Connection sql, String query) throws Exception {
        try (Statement statement = sql.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String awaitPort(Started serve) throws Exception {
        Matcher port = Waiting.forOutput(serve, PORT, java.time.Duration.ofSeconds(90));
        return port.group(1);
    }

    private static HttpClient loggedIn(String base, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = client.send(get(base + "/login"), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> login = client.send(post(base + "/login", "username=" + encode(user) + "&password="
                + encode(password) + "&_csrf=" + encode(csrf(form))), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private static String csrf(String form) {
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).as(form).isTrue();
        return csrf.group(1);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
