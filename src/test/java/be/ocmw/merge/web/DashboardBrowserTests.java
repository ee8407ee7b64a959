package be.ocmw.merge.web;

import be.ocmw.merge.support.Chromium;
import be.ocmw.merge.support.Waiting;
import be.ocmw.merge.sampledata.SampleData;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromedriver, which make test-e2e installs),
 * served by the real jar with the demo profile on the sample data: what a new user tries first.
 */
class DashboardBrowserTests {

    static final Pattern DASHBOARD = Pattern.compile("Dashboard: (http://localhost:\\d+/)");

    @TempDir
    Path workDir;

    Started serve;
    WebDriver browser;
    String base;
    OcmwMergeJar jar;

    @BeforeEach
    void serveTheSampleDataAndOpenABrowser() throws Exception {
        new SampleData(2025, 1).write(workDir.resolve("sample"));
        Files.createDirectories(workDir.resolve("jobs"));
        Files.copy(Registries.shipped(), workDir.resolve("jobs/mergers-2025.yml"));
        jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", TestDatabase.freshDatabaseUrl());
        assertThat(jar.run("load", "access", "sample/access").exitCode()).isZero();
        assertThat(jar.run("load", "dossiers", "sample/dossiers.csv").exitCode()).isZero();
        assertThat(jar.run("load", "online-requests", "sample/online-requests.csv").exitCode()).isZero();
        serve = jar.start("serve", "--demo", "--port", "0");
        base = awaitDashboard(serve);

        browser = Chromium.start(workDir.resolve("chromium-profile"));
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.process().destroy();
            serve.process().waitFor();
        }
    }

    @Test
    void anOperatorLogsInUploadsASubmissionWithBadRowsPlansAppliesAndACoordinatorReadsWithoutActing() throws Exception {
        browser.get(base);
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        logIn("operator", "wrong");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("klopt niet");
        logIn("operator", "operator");

        assertThat(browser.findElement(By.id("demo-banner")).getText()).contains("DEMO");
        assertThat(browser.findElements(By.cssSelector("#mergers tbody tr"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(row("pajottegem").getAttribute("data-status")).isEqualTo("NO_PLAN");
        assertThat(row("hasselt").getText()).contains("Hasselt");
        assertThat(row("antwerpen").getText()).contains("Antwerpen");

        // upload a submission with bad rows: they are listed with their row and column
        browser.findElement(By.id("nav-intake")).click();
        browser.findElement(By.id("files")).sendKeys(workDir.resolve("sample/submissions/pajottegem-herne.xlsx").toString());
        browser.findElement(By.id("upload")).click();
        awaitDone();
        WebElement rejections = browser.findElement(By.id("intake-rejections"));
        assertThat(rejections.findElements(By.cssSelector("tbody tr"))).hasSize(4);
        assertThat(rejections.getText()).contains("pajottegem-herne.xlsx").contains("INSZ").contains("E-mailadres");
        assertThat(browser.findElement(By.id("intake-findings")).getText()).contains("SUBMISSION_LATE");

        // plan: the page follows the run and shows the findings
        browser.findElement(By.id("nav-overview")).click();
        row("pajottegem").findElement(By.tagName("a")).click();
        browser.findElement(By.id("run-plan")).click();
        awaitDone();
        assertThat(browser.findElement(By.id("outcome-status")).getText()).isEqualTo("KLAAR om goed te keuren");
        assertThat(browser.findElement(By.id("outcome-findings")).getText()).contains("SUBMISSION_LATE").contains("SUBMISSION_MISSING");
        browser.findElement(By.id("to-merger")).click();
        assertThat(browser.findElement(By.id("findings")).getText()).contains("OCMW Herne");
        String fingerprint = browser.findElement(By.id("fingerprint")).getText();
        assertThat(browser.getPageSource()).as("an operator does not approve").doesNotContain("id=\"approve-plan\"");
        browser.findElement(By.id("go-apply")).click();
        assertThat(browser.findElement(By.id("not-ready")).getText()).contains("coördinator");

        // a coordinator approves the plan the merger's page shows, with a comment
        browser.findElement(By.id("logout")).click();
        logIn("coordinator", "coordinator");
        browser.get(base + "mergers/pajottegem");
        assertThat(browser.findElement(By.id("approve-fingerprint")).getText()).isEqualTo(fingerprint);
        browser.findElement(By.id("approval-comment-input")).sendKeys("Gelezen met de drie OCMW's");
        browser.findElement(By.id("approve-plan")).click();
        assertThat(browser.findElement(By.id("approval-done")).getText()).contains("goedgekeurd");
        assertThat(browser.findElement(By.id("standing")).getAttribute("data-status")).isEqualTo("APPROVED");
        browser.get(base + "mergers/pajottegem/apply");
        assertThat(browser.getPageSource()).as("a coordinator does not apply").doesNotContain("id=\"apply\"");

        // the operator's apply page shows who approved it, when, and what it will do; it applies once confirmed
        browser.get(base);
        browser.findElement(By.id("logout")).click();
        logIn("operator", "operator");
        browser.get(base + "mergers/pajottegem");
        browser.findElement(By.id("go-apply")).click();
        assertThat(browser.findElement(By.id("approved-by")).getText()).contains("coordinator").contains(fingerprint)
                .containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(browser.findElement(By.id("approval-comment")).getText()).isEqualTo("Gelezen met de drie OCMW's");
        assertThat(browser.findElement(By.id("counts")).getText()).contains("Dossiers te heropenen");
        assertThat(browser.findElement(By.id("tasks")).getText()).isNotBlank();
        browser.findElement(By.id("apply")).click();
        assertThat(browser.findElement(By.id("not-confirmed")).isDisplayed()).isTrue();
        browser.findElement(By.id("confirmed")).click();
        browser.findElement(By.id("apply")).click();
        awaitDone();
        assertThat(browser.findElement(By.id("outcome-status")).getText()).isEqualTo("UITGEVOERD");
        browser.findElement(By.id("to-merger")).click();
        assertThat(browser.findElement(By.id("standing")).getAttribute("data-status")).isEqualTo("APPLIED");
        String report = browser.findElement(By.linkText("apply.xlsx")).getAttribute("href");
        assertThat(download(report)).startsWith("PK");
        // the history: the plan, its approval and the apply, with who did each, newest first
        WebElement history = browser.findElement(By.id("history"));
        assertThat(history.findElements(By.cssSelector("tbody tr"))).extracting(r -> r.getAttribute("data-kind"))
                .containsExactly("APPLY", "APPROVAL", "PLAN");
        assertThat(history.getText()).contains("coordinator").contains("operator");
        String historyReport = history.findElement(By.cssSelector("tr[data-kind='APPLY'] a[href$='apply.xlsx']")).getAttribute("href");
        assertThat(download(historyReport)).startsWith("PK");

        // a coordinator reads, in French if asked, but cannot act
        browser.findElement(By.id("logout")).click();
        logIn("coordinator", "coordinator");
        assertThat(browser.findElement(By.id("nav-overview")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).doesNotContain("id=\"nav-intake\"");
        browser.get(base + "mergers/pajottegem?lang=fr");
        assertThat(browser.findElements(By.tagName("h2"))).extracting(WebElement::getText)
                .contains("Approbation", "Résumé", "Historique");
        assertThat(browser.getPageSource()).doesNotContain("id=\"run-plan\"");
        assertThat(browser.findElement(By.id("administrators")).getText()).containsPattern("\\d{2}\\.\\d{2}\\.\\d{2}-xxx\\.\\d{2}")
                .doesNotContainPattern("\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}");
        browser.get(base + "mergers/pajottegem/apply");
        assertThat(browser.getPageSource()).doesNotContain("id=\"apply\"");
    }

    @Test
    void aCoordinatorInDutchAndFrenchAndAnOperatorWalkPlanApproveApplyAndReplanAndEveryPageSaysTheSame() throws Exception {
        // given every submission taken in
        assertThat(jar.run("intake", "sample/submissions").exitCode()).isZero();

        // an operator is told to plan, and plans
        browser.get(base);
        logIn("operator", "operator");
        browser.get(base + "mergers/pajottegem");
        assertThat(browser.findElement(By.id("next-step")).getText()).contains("bereken het plan");
        browser.findElement(By.id("run-plan")).click();
        awaitDone();
        browser.findElement(By.id("to-merger")).click();
        assertThat(browser.findElement(By.id("next-step")).getText()).contains("Wacht op de goedkeuring van een coördinator");

        // a coordinator is told to read and approve, approves; in French the page says the operator acts now
        browser.findElement(By.id("logout")).click();
        logIn("coordinator", "coordinator");
        browser.get(base + "mergers/pajottegem");
        assertThat(browser.findElement(By.id("next-step")).getText()).contains("keur het plan goed");
        assertNoCodeAlone(browser.findElement(By.tagName("main")).getText());
        browser.findElement(By.id("approve-plan")).click();
        // the page the approval leads back to, before another one is asked for
        assertThat(browser.findElement(By.id("approval-done")).getText()).contains("goedgekeurd");
        browser.get(base + "mergers/pajottegem?lang=fr");
        assertThat(browser.findElement(By.id("next-step")).getText()).contains("Un opérateur l'exécute maintenant");
        assertNoCodeAlone(browser.findElement(By.tagName("main")).getText());
        browser.get(base + "mergers/pajottegem?lang=nl");

        // the operator applies
        browser.findElement(By.id("logout")).click();
        logIn("operator", "operator");
        browser.get(base + "mergers/pajottegem/apply");
        browser.findElement(By.id("confirmed")).click();
        browser.findElement(By.id("apply")).click();
        awaitDone();
        browser.findElement(By.id("to-merger")).click();
        assertThat(browser.findElement(By.id("next-step")).getText()).contains("Uitgevoerd. Vink af");
        String approvedOnPage = browser.findElement(By.id("approved-by")).getText();
        java.util.Map<String, String> countsOnPage = new java.util.LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#counts tbody tr"))) {
            countsOnPage.put(row.findElement(By.tagName("th")).getText(), row.findElement(By.cssSelector("td.done")).getText()
                    + " | " + row.findElement(By.cssSelector("td.planned")).getText());
        }

        // the apply report says the same: the same figures, the same time of the approval
        browser.get(base + "mergers/pajottegem/reports/apply.html");
        java.util.Map<String, String> countsInReport = new java.util.LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#summary tr"))) {
            var cells = row.findElements(By.tagName("td"));
            if (cells.size() == 2) {
                countsInReport.put(row.findElement(By.tagName("th")).getText(), cells.get(0).getText() + " | " + cells.get(1).getText());
            }
        }
        assertThat(countsOnPage).hasSizeGreaterThanOrEqualTo(10);
        assertThat(countsInReport).containsAllEntriesOf(countsOnPage);
        Matcher time = Pattern.compile("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}").matcher(approvedOnPage);
        assertThat(time.find()).isTrue();
        assertThat(browser.findElement(By.id("summary")).getText()).contains("coordinator (dashboardgebruiker) op " + time.group());

        // planned again: nothing left to do, the merger stays applied and nothing is offered for approval
        browser.get(base + "mergers/pajottegem");
        browser.findElement(By.id("run-plan")).click();
        awaitDone();
        browser.findElement(By.id("logout")).click();
        logIn("coordinator", "coordinator");
        browser.get(base + "mergers/pajottegem");
        assertThat(browser.findElement(By.id("standing")).getAttribute("data-status")).isEqualTo("APPLIED");
        assertThat(browser.findElement(By.id("next-replanned")).getText()).contains("verandert niets");
        assertThat(browser.findElements(By.id("approve-plan"))).isEmpty();

        // a French-speaking coordinator opens the plan from the French dashboard: the French report
        browser.get(base + "mergers/pajottegem?lang=fr");
        assertThat(browser.findElement(By.id("next-replanned")).getText()).contains("ne change rien");
        browser.get(base + "mergers/pajottegem/reports/plan.html");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.id("contents")).getText()).contains("Sommaire");
    }

    /** A coordinator's page speaks words: no severity, role or action only as its code. */
    private static void assertNoCodeAlone(String text) {
        assertThat(text).doesNotContainPattern("\\b(WARNING|BLOCKING|CO_HTB|CO_TB|INSERT|UPDATE|READY|APPROVED)\\b")
                .doesNotContain("(no reason given)");
    }

    @Test
    void aFrenchSpeakingCoordinatorReadsTheStartPageTicksATaskAndOpensThePlanInTheBrowser() throws Exception {
        // given the submissions taken in and pajottegem planned on the command line, its reports where serve shows them
        assertThat(jar.run("intake", "sample/submissions").exitCode()).isZero();
        assertThat(jar.run("plan", "pajottegem", "--out", "out").exitCode()).isZero();

        // a coordinator logs in and switches to French
        browser.get(base);
        logIn("coordinator", "coordinator");
        browser.findElement(By.id("switch-language")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Où en est chaque fusion");
        WebElement pajottegem = row("pajottegem");
        assertThat(pajottegem.getAttribute("data-status")).isEqualTo("READY");
        assertThat(pajottegem.getText()).contains("PRÊT").contains("tâche(s) en retard");
        assertThat(pajottegem.findElement(By.cssSelector("td.next-task")).getAttribute("class")).contains("overdue");

        // the merger's page in French: its checklist, where a task is ticked off
        pajottegem.findElement(By.tagName("a")).click();
        assertThat(browser.findElements(By.tagName("h2"))).extracting(WebElement::getText).contains("Ce qui doit être fait à la main", "Constatations");
        WebElement task = browser.findElement(By.cssSelector("#tasks tr[data-task='CHAMAN_FTP_ACCOUNT']"));
        assertThat(task.getAttribute("data-done")).isEqualTo("false");
        assertThat(task.getText()).contains("ChaMan").contains("en retard");
        task.findElement(By.cssSelector("button.tick")).click();
        // the page the tick leads back to, not the one it was clicked on
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(task));
        task = browser.findElement(By.cssSelector("#tasks tr[data-task='CHAMAN_FTP_ACCOUNT']"));
        assertThat(task.getAttribute("data-done")).isEqualTo("true");
        assertThat(task.getText()).containsPattern("fait, coché par coordinator \\(utilisateur du tableau de bord\\) le \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");

        // the plan's page opens in the browser, in its own tab, in the reader's language (the plan ran in Dutch, without
        // --lang: its page was written in French too)
        String dashboard = browser.getWindowHandle();
        browser.findElement(By.cssSelector("#reports a[href$='plan.html']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getWindowHandles().size() == 2);
        browser.getWindowHandles().stream().filter(h -> !h.equals(dashboard)).findFirst()
                .ifPresent(h -> browser.switchTo().window(h));
        assertThat(browser.getCurrentUrl()).endsWith("/mergers/pajottegem/reports/plan.html");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Pajottegem");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElements(By.tagName("h2"))).extracting(WebElement::getText)
                .contains("Utilisateurs du CPAS fusionné", "Lignes d'entrée refusées");
    }

    @Test
    void anOperatorSaysWhyBeforeAReportWithFullInszOpensAndFindsTheConsultationOnTheAuditPage() throws Exception {
        // given pajottegem planned on the command line with full INSZ (for a reason, logged), where serve shows it
        assertThat(jar.run("intake", "sample/submissions").exitCode()).isZero();
        assertThat(jar.run("plan", "pajottegem", "--out", "out", "--full-insz", "--reason", "checking the HTB's INSZ")
                .exitCode()).isZero();

        // an operator opens its page: asked why first
        browser.get(base);
        logIn("operator", "operator");
        browser.get(base + "mergers/pajottegem/reports/plan.html");
        assertThat(browser.getCurrentUrl()).endsWith("/mergers/pajottegem/reports/plan.html/reason");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Waarom");
        WebElement submit = browser.findElement(By.id("reason-submit"));
        browser.findElement(By.id("reason")).sendKeys("helpdesk ticket 4711");
        submit.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(submit));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Pajottegem");

        // the audit page lists both consultations: the report written with full INSZ and this look at it
        browser.get(base + "audit");
        String consultations = browser.findElement(By.id("consultations")).getText();
        assertThat(consultations).contains("download plan.html").contains("helpdesk ticket 4711").contains("operator")
                .contains("dashboard").contains("plan --full-insz").contains("checking the HTB's INSZ");
        assertThat(browser.findElement(By.id("audit-check")).getText()).contains("ocmw-merge audit verify");
    }

    @Test
    void anOperatorSearchesANameOnTheMergerPageAndReadsTheSameExplanationAsTheCommandLineGives() throws Exception {
        // given pajottegem planned on the command line, and what explain says there of Lotte Van den Broeck
        assertThat(jar.run("intake", "sample/submissions").exitCode()).isZero();
        assertThat(jar.run("plan", "pajottegem", "--out", "out").exitCode()).isZero();
        OcmwMergeJar.Run console = jar.run("explain", "pajottegem", "--username", "lvandenbroeck", "--kbo", "0212.978.247",
                "--lang", "nl");
        assertThat(console.exitCode()).isZero();

        // an operator types her name in the merger page's search box
        browser.get(base);
        logIn("operator", "operator");
        browser.get(base + "mergers/pajottegem");
        browser.findElement(By.id("explain-q")).sendKeys("Lotte Van den Broeck");
        WebElement submit = browser.findElement(By.id("explain-submit"));
        submit.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(submit));

        // the page says what the console says, line for line, with her INSZ masked
        assertThat(browser.findElement(By.id("explanation-title")).getText())
                .isEqualTo("Lotte Van den Broeck (81.02.16-xxx.72) in fusie Pajottegem");
        String page = browser.findElement(By.id("explanation")).getText();
        java.util.List<String> lines = console.out().lines().map(line -> line.replaceFirst("^\\s+(- )?", ""))
                .filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(10).allSatisfy(line -> assertThat(page).contains(line));
        assertThat(page).contains("de unie van de toepassingen van de 3 bronaccount(s)").doesNotContain("81.02.16-678.72");
        // (the address after the port: a port may well hold an 8 and a 1)
        URI address = URI.create(browser.getCurrentUrl());
        assertThat(address.getPath() + "?" + address.getQuery()).doesNotContain("81");
    }

    private void logIn(String user, String password) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        WebElement login = browser.findElement(By.id("login"));
        login.click();
        // the next page (the dashboard, or the login again with its error) is there before anything else is done:
        // a page asked for while the login is still being posted would be asked for without the session
        // (Chromium may answer for a node of the page being left with an inspector error rather than "stale": either
        // says that page is gone)
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            try {
                login.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    private WebElement row(String merger) {
        return browser.findElement(By.cssSelector("#mergers tr[data-merger='" + merger + "']"));
    }

    /** Waits, as a user would, while the action's page refreshes itself until the action is done. */
    private void awaitDone() {
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(300)).until(driver -> {
            try {
                String state = driver.findElement(By.id("state")).getAttribute("data-state");
                return !"RUNNING".equals(state);
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page refreshes itself while it is read: not there yet, stale, or (Chromium's words for the same)
                // "node … does not belong to the document"; look again
                return false;
            }
        });
        assertThat(browser.findElement(By.id("state")).getAttribute("data-state")).as(browser.findElement(By.tagName("main")).getText())
                .isEqualTo("DONE");
    }

    /** The report as the browser's session may fetch it. */
    private String download(String url) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String awaitDashboard(Started serve) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        return Waiting.forOutput(serve, DASHBOARD, java.time.Duration.between(Instant.now(), deadline)).group(1);
    }
}
