package be.ocmw.merge.web;

import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.SampleWorkflow;
import be.ocmw.merge.support.TestOidcProvider;
import be.ocmw.merge.support.Waiting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard (the real jar's serve, without a users file) logging its users in through a real OpenID Connect provider
 * started in the test JVM, the authorization code flow end to end over HTTP: roles from the provider's claim, a user
 * with neither role refused, logout ending both sessions, and four eyes between one person's approval and apply.
 */
class DashboardOidcFunctionalTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final String MONITORING_TOKEN = "a-token-the-monitoring-system-is-given";
    private static final Pattern FINGERPRINT = Pattern.compile("fingerprint: (sha256:[0-9a-f]+)");

    @TempDir
    static Path workDir;

    static TestOidcProvider provider;
    static Started serve;
    static String base;
    static String url;
    static String fingerprint;

    @BeforeAll
    static void providerAndDashboard() throws Exception {
        int port = TestOidcProvider.freePort();
        base = "http://localhost:" + port;
        provider = TestOidcProvider.start(base);
        url = SampleWorkflow.loadedCopy(workDir);
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        OcmwMergeJar.Run plan = jar.run("plan", "pajottegem", "--out", "out");
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        Matcher printed = FINGERPRINT.matcher(plan.out());
        assertThat(printed.find()).as(plan.out()).isTrue();
        fingerprint = printed.group(1);
        // the organisation's provider only: no users file, no demo; four eyes by accounts, as for real
        serve = provider.registered(jar).env("OCMW_FOUR_EYES", "accounts").env("OCMW_MONITORING_TOKEN", MONITORING_TOKEN)
                .start("serve", "--port", Integer.toString(port), "--reports", "out");
        Waiting.forOutput(serve, Pattern.compile("Dashboard: http://localhost:\\d+/"), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.process().destroy();
            serve.process().waitFor();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aCoordinatorAndAnOperatorLogInThroughTheProviderWithTheRoleItsClaimGivesAndLoggingOutEndsTheSession() throws Exception {
        Browser coordinator = new Browser();
        Browser operator = new Browser();

        HttpResponse<String> loginPage = coordinator.get("/login");
        HttpResponse<String> cora = coordinator.logIn("cora");
        HttpResponse<String> otto = operator.logIn("otto");

        assertThat(loginPage.body()).as("the provider's button, and no password form without a users file")
                .contains("Aanmelden via Vlaanderen (test)").doesNotContain("id=\"password\"");
        assertThat(cora.uri().getPath()).isEqualTo("/");
        assertThat(cora.body()).contains("pajottegem");
        assertThat(coordinator.get("/intake").statusCode()).as("a coordinator does not upload").isEqualTo(403);
        assertThat(otto.uri().getPath()).isEqualTo("/");
        assertThat(operator.get("/intake").statusCode()).as("an operator does").isEqualTo(200);

        HttpResponse<String> out = coordinator.post("/logout", Map.of(), coordinator.get("/").body());
        assertThat(out.uri().getPath() + "?" + out.uri().getQuery()).as("back from the provider's logout").isEqualTo("/login?logout");
        assertThat(coordinator.get("/").uri().getPath()).as("the session is over").isEqualTo("/login");
        HttpResponse<String> again = coordinator.get("/oauth2/authorization/oidc");
        assertThat(again.uri().getPath()).as("and so is the provider's: it asks for the password again").isEqualTo("/login");
        assertThat(again.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aUserTheProviderKnowsWithNeitherRoleIsRefusedWithAPageThatSaysWhoAndWhatToAskFor() throws Exception {
        Browser nobody = new Browser();

        HttpResponse<String> nora = nobody.logIn("nora");

        assertThat(nora.uri().getPath()).isEqualTo("/login");
        assertThat(nora.body()).contains("id=\"login-norole\"").contains("aangemeld als nora")
                .contains("geen rol in ocmw-merge").contains("roles: COORDINATOR / OPERATOR");
        assertThat(nobody.get("/").uri().getPath()).as("not logged in on the dashboard").isEqualTo("/login");
    }

    @Test
    void fourEyesHoldsBetweenOnePersonsApprovalThroughTheProviderAndTheirApplyAndAnotherOperatorApplies() throws Exception {
        Browser carla = new Browser();
        carla.logIn("carla");
        HttpResponse<String> approved = carla.post("/mergers/pajottegem/approve", Map.of("fingerprint", fingerprint),
                carla.get("/mergers/pajottegem").body());
        assertThat(approved.body()).contains("carla (aangemeld via de identiteitsprovider)");

        HttpResponse<String> applyPage = carla.get("/mergers/pajottegem/apply");
        HttpResponse<String> refused = carla.awaitActivity(carla.post("/mergers/pajottegem/apply",
                Map.of("fingerprint", fingerprint, "confirmed", "true"), applyPage.body()));

        assertThat(applyPage.body()).contains("id=\"own-approval\"");
        assertThat(refused.body()).contains("Vier ogen").contains("vanuit account carla");
        assertThat(count("select count(*) from plan where merger_id = 'pajottegem' and mode = 'APPLY'")).isZero();
        assertThat(count("select count(*) from approval where approved_by = 'carla' and approved_account = 'oidc:carla'"))
                .as("the approval records the account the provider logged in").isEqualTo(1);

        Browser otto = new Browser();
        otto.logIn("otto");
        HttpResponse<String> done = otto.awaitActivity(otto.post("/mergers/pajottegem/apply",
                Map.of("fingerprint", fingerprint, "confirmed", "true"), otto.get("/mergers/pajottegem/apply").body()));
        String summary = Files.readString(workDir.resolve("out/pajottegem/summary.json"));

        assertThat(done.body()).doesNotContain("Vier ogen");
        assertThat(summary).contains("\"approved_by\" : \"carla\"").contains("\"approved_account\" : \"oidc:carla\"")
                .contains("\"applied_by\" : \"otto\"").contains("\"applied_account\" : \"oidc:otto\"");
    }

    @Test
    void whereOperatorsLogInThroughTheProviderTheMonitoringReadsWithATokenOfItsOwn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        java.util.function.Function<String, HttpResponse<String>> metrics = authorization -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        HttpResponse<String> withToken = metrics.apply("Bearer " + MONITORING_TOKEN);
        HttpResponse<String> wrongToken = metrics.apply("Bearer not-the-token");
        HttpResponse<String> without = metrics.apply(null);

        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("application=\"ocmw-merge\"");
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(without.statusCode()).isEqualTo(401);
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A browser as far as HTTP goes: its own cookies (the dashboard's on localhost, the provider's on 127.0.0.1). */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(String path) throws Exception {
            return get(URI.create(path.startsWith("http") ? path : base + path));
        }

        private HttpResponse<String> get(URI uri) throws Exception {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form of the page {@code from} (its CSRF token), as the browser would. */
        HttpResponse<String> post(String path, Map<String, String> fields, String from) throws Exception {
            return post(URI.create(base + path), fields, from);
        }

        private HttpResponse<String> post(URI uri, Map<String, String> fields, String from) throws Exception {
            Map<String, String> form = new LinkedHashMap<>(fields);
            Matcher csrf = CSRF.matcher(from);
            if (csrf.find()) {
                form.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
            }
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The login button, the provider's password form, and back: the authorization code flow. */
        HttpResponse<String> logIn(String user) throws Exception {
            HttpResponse<String> providerLogin = get("/oauth2/authorization/oidc");
            assertThat(providerLogin.uri().getHost()).as("sent to the provider").isEqualTo("127.0.0.1");
            return post(providerLogin.uri(), Map.of("username", user, "password", TestOidcProvider.PASSWORD),
                    providerLogin.body());
        }

        /** The page of a dashboard action once it has ended. */
        HttpResponse<String> awaitActivity(HttpResponse<String> started) {
            assertThat(started.uri().getPath()).startsWith("/activities/");
            return Waiting.forValue("the action to end", Duration.ofSeconds(120), Duration.ofMillis(300), () -> {
                HttpResponse<String> page = get(started.uri());
                return page.body().contains("data-state=\"RUNNING\"") ? null : page;
            });
        }
    }
}
