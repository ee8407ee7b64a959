package be.ocmw.merge.web;

import be.ocmw.merge.support.Waiting;
import be.ocmw.merge.merger.MergerRuns;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.SampleDataTest;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The dashboard as serve runs it (servlet application, the demo profile's users and their bcrypt hashes, the real
 * security filter chain), on the sample data in the JVM's real PostgreSQL, driven through MockMvc.
 */
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestPropertySource(properties = {"spring.main.web-application-type=servlet", "ocmw.web.max-upload=64KB"})
abstract class DashboardTest extends SampleDataTest {

    static final Path REPORTS = temporaryFolder("ocmw-dashboard-reports");
    static final Pattern ACTIVITY = Pattern.compile("/activities/([0-9a-f-]{36})");

    @Autowired
    MockMvc mvc;

    /** Plans and applies as the command line does, beside what the pages do. */
    @Autowired
    MergerRuns runs;

    /** A folder of the test's own: the sample data, reports written beside the dashboard's. */
    @TempDir
    Path folder;

    @DynamicPropertySource
    static void dashboard(DynamicPropertyRegistry properties) {
        properties.add("ocmw.registry.file", () -> Registries.shipped().toString());
        properties.add("ocmw.web.reports", REPORTS::toString);
        properties.add("ocmw.web.uploads", () -> REPORTS.resolve("uploads").toString());
    }

    static RequestPostProcessor coordinator() {
        return user("coordinator").roles("COORDINATOR");
    }

    static RequestPostProcessor operator() {
        return user("operator").roles("OPERATOR");
    }

    String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andReturn().getResponse().getContentAsString();
    }

    /** The page a redirect of {@code redirected} leads to, with what it handed over to show (its flash attributes). */
    String page(String url, RequestPostProcessor who, MvcResult redirected) throws Exception {
        return mvc.perform(get(url).flashAttrs(redirected.getFlashMap()).with(who)).andReturn().getResponse().getContentAsString();
    }

    /** Follows an action's page until it is no longer running, as the page's refresh does; returns the last page. */
    String finished(MvcResult started, RequestPostProcessor who) throws Exception {
        String location = started.getResponse().getRedirectedUrl();
        Matcher matcher = ACTIVITY.matcher(String.valueOf(location));
        if (!matcher.find()) {
            throw new AssertionError("the action did not lead to its page but to " + location);
        }
        String activity = matcher.group(0);
        return Waiting.forValue("the action to end", Duration.ofSeconds(120), Duration.ofMillis(200), () -> {
            String html = page(activity, who);
            return html.contains("data-state=\"RUNNING\"") ? null : html;
        });
    }

    /** Every INSZ the database holds, as 11 digits and as written (85.07.30-033.28). */
    List<String> everyFullInsz() {
        return jdbc.sql("""
                        select insz from account where insz is not null union select insz from submission_administrator
                        union select insz from dossier""")
                .query(String.class).list().stream()
                .flatMap(digits -> java.util.stream.Stream.of(digits, new be.ocmw.merge.domain.Insz(digits).formatted()))
                .toList();
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
