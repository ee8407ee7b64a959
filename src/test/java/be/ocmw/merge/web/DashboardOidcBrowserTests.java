package be.ocmw.merge.web;

import be.ocmw.merge.support.Chromium;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.SampleWorkflow;
import be.ocmw.merge.support.TestOidcProvider;
import be.ocmw.merge.support.Waiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in through the organisation's OpenID Connect provider in a real Chromium, once: the button on the login page,
 * the provider's own password page, back on the dashboard with the role the provider's claim gives, and out again
 * through the provider (which the page's Content-Security-Policy must let the logout form lead to).
 */
class DashboardOidcBrowserTests {

    @TempDir
    Path workDir;

    TestOidcProvider provider;
    Started serve;
    WebDriver browser;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.process().destroy();
            serve.process().waitFor();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void anOperatorLogsInThroughTheProviderActsAsAnOperatorAndLogsOutThroughIt() throws Exception {
        int port = TestOidcProvider.freePort();
        String base = "http://localhost:" + port;
        provider = TestOidcProvider.start(base);
        String url = SampleWorkflow.loadedCopy(workDir);
        serve = provider.registered(OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url))
                // the users file stays beside the provider: here the demo's
                .start("serve", "--demo", "--port", Integer.toString(port));
        Waiting.forOutput(serve, Pattern.compile("Dashboard: http://localhost:\\d+/"), Duration.ofSeconds(90));
        browser = Chromium.start(workDir.resolve("chromium-profile"));

        browser.get(base + "/login");
        screenshot("oidc-login-nl");
        assertThat(browser.findElement(By.id("login-oidc")).getText()).isEqualTo("Aanmelden via Vlaanderen (test)");
        assertThat(browser.findElements(By.id("password"))).as("the demo's users keep their form").hasSize(1);
        browser.findElement(By.id("login-oidc")).click();

        assertThat(browser.getCurrentUrl()).as("the provider's own login page").startsWith(provider.issuer() + "/login");
        browser.findElement(By.id("username")).sendKeys("otto");
        browser.findElement(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        Waiting.until("back on the dashboard", Duration.ofSeconds(20), Duration.ofMillis(200),
                () -> browser.getCurrentUrl().equals(base + "/"));
        screenshot("oidc-logged-in-nl");
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).contains("otto").contains("operator");
        assertThat(browser.findElements(By.id("nav-intake"))).as("an operator's menu").hasSize(1);

        browser.findElement(By.id("logout")).click();
        Waiting.until("back on the login page, through the provider's logout", Duration.ofSeconds(20),
                Duration.ofMillis(200), () -> browser.getCurrentUrl().startsWith(base + "/login?logout"));
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login");
        browser.findElement(By.id("login-oidc")).click();
        assertThat(browser.getCurrentUrl()).as("the provider asks for the password again").startsWith(provider.issuer() + "/login");
    }

    /** What the page looks like, for people to look at (target/screenshots). */
    private void screenshot(String name) throws Exception {
        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shots.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
