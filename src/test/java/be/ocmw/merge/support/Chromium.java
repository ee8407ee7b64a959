package be.ocmw.merge.support;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Debian's headless Chromium and chromedriver (make test-e2e installs them), as the browser tests drive them. */
public final class Chromium {

    private Chromium() {
    }

    /** A browser with its own profile in {@code profile}; a click that submits waits up to 10 s for the next page. */
    public static WebDriver start(Path profile) throws Exception {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("ocmw.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("ocmw.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(profile), "--window-size=1400,1000");
        WebDriver browser = new ChromeDriver(service, options);
        // a click that submits a form returns before the next page is there: look for a while, as a reader does
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return browser;
    }
}
