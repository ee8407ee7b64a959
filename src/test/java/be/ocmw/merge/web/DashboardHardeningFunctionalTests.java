package be.ocmw.merge.web;

import be.ocmw.merge.support.Waiting;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard as the real jar serves it, attacked from outside: headers, cookie, the error page, guessed passwords. */
class DashboardHardeningFunctionalTests {

    private static final Pattern PORT = Pattern.compile("Dashboard: http://localhost:(\\d+)/");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"");

    @TempDir
    static Path workDir;

    static Started serve;
    static String base;

    @BeforeAll
    static void serve() throws Exception {
        Files.createDirectories(workDir.resolve("jobs"));
        Files.copy(Registries.shipped(), workDir.resolve("jobs/mergers-2025.yml"));
        serve = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", TestDatabase.freshDatabaseUrl())
                .start("serve", "--demo", "--port", "0");
        Matcher port = Waiting.forOutput(serve, PORT, java.time.Duration.ofSeconds(90));
        base = "http://localhost:" + port.group(1);
    }

    @AfterAll
    static void stop() throws Exception {
        serve.process().destroy();
        serve.process().waitFor();
    }

    @Test
    void anAnonymousErrorPageIsTheLoginNotAServerError() throws Exception {
        HttpResponse<String> error = client().send(get("/error"), HttpResponse.BodyHandlers.ofString());

        assertThat(error.statusCode()).isEqualTo(302);
        assertThat(error.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void everyPageCarriesAContentSecurityPolicyAReferrerPolicyAndALaxSessionCookie() throws Exception {
        for (String page : new String[]{"/", "/login"}) {
            HttpResponse<String> response = client().send(get(page), HttpResponse.BodyHandlers.ofString());

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("Referrer-Policy")).as(page).hasValue("same-origin");
        }
        HttpResponse<String> login = client().send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(login.body()).doesNotContain("style=\"").doesNotContain("<script");
    }

    @Test
    void twentyWrongPasswordsInARowLockTheLoginAndTheRightPasswordIsThenRefusedWithAMessage() throws Exception {
        // twenty guesses at a name that does not exist and at one that does: both end the same way
        for (String user : new String[]{"nobody-here", "coordinator"}) {
            String last = null;
            for (int i = 0; i < 20; i++) {
                last = login(user, "wrong-" + i);
            }
            assertThat(last).as(user).endsWith("/login?locked");
        }

        String right = login("coordinator", "coordinator");
        String page = client().send(get("/login?locked"), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(right).endsWith("/login?locked");
        assertThat(page).contains("te vaak een verkeerd wachtwoord").doesNotContain("bestaat niet");
    }

    @Test
    void aLockedNameStaysLockedWhateverSpellingOfTheLoginPathIsPostedTo() throws Exception {
        // the form's path URL-encoded: the container decodes it to /login, so Spring Security takes the password there
        String[] spellings = {"/%6cogin", "/%6C%6F%67%69%6E", "/login"};
        for (int i = 0; i < 5; i++) {
            login(client(), spellings[i % 2], "operator", "wrong-" + i);
        }

        for (String path : spellings) {
            HttpClient client = client();
            String location = login(client, path, "operator", "operator");
            HttpResponse<String> start = client.send(get("/"), HttpResponse.BodyHandlers.ofString());

            assertThat(location).as(path).endsWith("/login?locked");
            assertThat(start.statusCode()).as("the start page after posting to " + path).isEqualTo(302);
            assertThat(start.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
        }
    }

    /** Logs in with a fresh session; returns where the dashboard sends the browser. */
    private static String login(String user, String password) throws Exception {
        return login(client(), "/login", user, password);
    }

    /** Posts the login form to {@code path} (as spelled) in the client's session; returns where the browser is sent. */
    private static String login(HttpClient client, String path, String user, String password) throws Exception {
        String form = client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).as(form).isTrue();
        String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET().build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
