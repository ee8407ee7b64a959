package be.ocmw.merge.web;

import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.reconciliation.ReconcileRuns;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.support.Registries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What coordinators and operators read: every page, in Dutch and French, from the sample data; never a full INSZ for a coordinator. */
class DashboardPagesTests extends DashboardTest {

    @Autowired
    be.ocmw.merge.audit.Consultations consultations;

    @Autowired
    ReconcileRuns reconciliations;

    @BeforeEach
    void sampleDataPlannedAndHasseltApplied() {
        loadSampleData(folder);
        var registry = RegistryLoader.load(Registries.shipped()).registry();
        runs.plan(registry.find("pajottegem").orElseThrow(), REPORTS, ReportOptions.DEFAULT, run());
        approve(registry.find("hasselt").orElseThrow(), folder.resolve("approved"));
        runs.apply(registry.find("hasselt").orElseThrow(), REPORTS, null, OPERATOR, ReportOptions.DEFAULT, run());
    }

    @Test
    void anonymousReadersAreSentToTheLoginAndTheLoginTakesTheDemoUsersOnly() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/mergers/pajottegem/reports/plan.xlsx")).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user("operator").password("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("coordinator").password("coordinator")).andExpect(redirectedUrl("/"));
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
                .contains("DEMO").contains("name=\"_csrf\"");
    }

    @Test
    void theOverviewShowsEachMergerWithItsStandingSubmissionsAndNextTask() throws Exception {
        String html = page("/", coordinator());

        assertThat(html).contains("data-merger=\"pajottegem\" data-status=\"READY\"")
                .contains("data-merger=\"hasselt\" data-status=\"APPLIED\"")
                .contains("data-merger=\"antwerpen\" data-status=\"NO_PLAN\"")
                .contains("Pajottegem").contains("KLAAR").contains("UITGEVOERD").contains("geen plan")
                // Pajottegem: Gooik twice (the later one counts), Herne late; Hasselt: Kortessem never sent one
                .contains("3 van 3 ontvangen, 1 te laat").contains("1 van 2 ontvangen<");
        assertThat(page("/?lang=fr", coordinator())).contains("Où en est chaque fusion").contains("PRÊT").contains("EXÉCUTÉ");
    }

    @Test
    void theStartPageCountsTheMergersByStandingAndNarrowsToAStandingOrAName() throws Exception {
        int mergers = RegistryLoader.load(Registries.shipped()).registry().mergers().size();

        String all = page("/", coordinator());
        String applied = page("/?status=APPLIED", coordinator());
        String byName = page("/?q=PAJOTT", coordinator());
        String none = page("/?q=nergens", coordinator());

        assertThat(all).contains(mergers + " fusies").contains("1 UITGEVOERD").contains("1 KLAAR om goed te keuren")
                .doesNotContain("id=\"show-all\"");
        assertThat(java.util.regex.Pattern.compile("data-merger=").matcher(all).results().count()).isEqualTo(mergers);
        assertThat(java.util.regex.Pattern.compile("data-merger=\"([a-z-]+)\"").matcher(applied).results()
                .map(m -> m.group(1)).toList()).containsExactly("hasselt");
        assertThat(applied).contains("1 van " + mergers + " getoond: alles tonen").contains(mergers + " fusies");
        assertThat(java.util.regex.Pattern.compile("data-merger=\"([a-z-]+)\"").matcher(byName).results()
                .map(m -> m.group(1)).toList()).containsExactly("pajottegem");
        assertThat(none).contains("id=\"no-match\"").doesNotContain("id=\"mergers\"");
    }

    @Test
    void aMergerPageShowsSummaryFindingsTasksAdministratorsCountsAndReports() throws Exception {
        String html = page("/mergers/pajottegem", coordinator());

        assertThat(html).contains("id=\"fingerprint\"").contains(fingerprint("pajottegem"))
                .contains("id=\"findings\"").contains("data-code=\"SUBMISSION_LATE\"").contains("OCMW Herne")
                .contains("id=\"tasks\"").contains("ChaMan")
                .contains("id=\"administrators\"").contains("HTB")
                .contains("Nieuwe gebruikers in het gefusioneerde OCMW")
                .contains("/mergers/pajottegem/reports/plan.xlsx").contains("/mergers/pajottegem/reports/summary.json")
                .doesNotContain("id=\"run-plan\"")
                // the findings' severities in the reader's words, as on the progress pages
                .contains(">NAKIJKEN<").doesNotContain(">WARNING<").doesNotContain(">INFO<")
                // roles as the portal writes them
                .contains(">co-HTB<").doesNotContain(">CO_HTB<");
        // the checklist in date order
        String tasks = html.substring(html.indexOf("id=\"tasks\""), html.indexOf("</table>", html.indexOf("id=\"tasks\"")));
        java.util.List<java.time.LocalDate> due = java.util.regex.Pattern.compile("data-task=[^>]*>\\s*<td>(\\d{2}/\\d{2}/\\d{4})</td>")
                .matcher(tasks).results().map(m -> java.time.LocalDate.parse(m.group(1),
                        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))).toList();
        assertThat(due).hasSizeGreaterThan(3).isSorted();
        assertThat(page("/mergers/pajottegem?lang=fr", coordinator())).contains("Constatations").contains("Gestionnaires")
                .contains(">À VÉRIFIER<").doesNotContain(">WARNING<");
        // a merger without a plan says who makes one: a coordinator is not sent to a button only operators have
        assertThat(page("/mergers/antwerpen", coordinator())).contains("id=\"no-plan\"").contains("Een operator berekent het")
                .doesNotContain("id=\"run-plan\"");
        assertThat(page("/mergers/antwerpen", operator())).contains("met de knop &quot;Plan berekenen&quot; bovenaan")
                .contains("id=\"run-plan\"");
        mvc.perform(get("/mergers/nowhere").with(coordinator())).andExpect(status().isNotFound());
    }

    @Test
    void aCoordinatorNeverSeesAFullInszAndAnOperatorSeesTheAdministratorsInFullOnlyWithAReasonThatIsLogged() throws Exception {
        var coordinatorPages = new StringBuilder();
        for (String url : new String[]{"/", "/mergers/pajottegem", "/mergers/hasselt", "/mergers/antwerpen", "/runs", "/reconciliation"}) {
            coordinatorPages.append(page(url, coordinator()));
        }
        for (String insz : everyFullInsz()) {
            assertThat(coordinatorPages.toString()).as("a coordinator's pages show no full INSZ").doesNotContain(insz);
        }
        assertThat(coordinatorPages.toString()).containsPattern("\\d{2}\\.\\d{2}\\.\\d{2}-xxx\\.\\d{2}");

        String operatorPage = page("/mergers/pajottegem", operator());
        assertThat(everyFullInsz()).noneMatch(operatorPage::contains);
        assertThat(operatorPage).contains("id=\"full-insz-form\"");
        long before = consultations.between(null, null).size();
        String fullPage = page("/mergers/pajottegem?reason=ticket-HD-7:HTB-unknown", operator());
        assertThat(everyFullInsz()).anyMatch(fullPage::contains);
        assertThat(consultations.between(null, null)).hasSize((int) before + 1).last().satisfies(c -> {
            assertThat(c.what()).isEqualTo("page administrators");
            assertThat(c.reason()).isEqualTo("ticket-HD-7:HTB-unknown");
            assertThat(c.channel()).isEqualTo(be.ocmw.merge.audit.Consultation.Channel.DASHBOARD);
        });
        String coordinatorAsking = page("/mergers/pajottegem?reason=curious", coordinator());
        assertThat(everyFullInsz()).noneMatch(coordinatorAsking::contains);
    }

    @Test
    void eachOcmwsPreFilledWorkbookIsDownloadedFromTheMergersPageAndEveryDownloadIsAConsultation() throws Exception {
        // the page: per OCMW its workbook to download, and what its review decided (Borsbeek's sample submission has one)
        String antwerpen = page("/mergers/antwerpen", coordinator());
        assertThat(antwerpen).contains("/mergers/antwerpen/workbooks/0212680616").contains("/mergers/antwerpen/workbooks/0212235604")
                .contains("2 nagekeken: 1 niet overnemen, 0 geblokkeerd, 1 met toepassingen eruit (antwerpen-borsbeek.xlsx)");
        // Hasselt is applied: only the merged OCMW's review workbook
        assertThat(page("/mergers/hasselt", coordinator())).contains("id=\"merged-workbook\"")
                .doesNotContain("/mergers/hasselt/workbooks/0212224419");

        long before = consultations.between(null, null).size();
        byte[] workbook = mvc.perform(get("/mergers/antwerpen/workbooks/0212680616").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("0212680616-OCMW Borsbeek.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var opened = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            assertThat(opened.getSheet("Gebruikers").getLastRowNum()).isPositive();
            assertThat(opened.getSheet("OCMW").getRow(1).getCell(1).getStringCellValue()).isEqualTo("0212.680.616");
        }
        assertThat(consultations.between(null, null)).hasSize((int) before + 1).last().satisfies(c -> {
            assertThat(c.actor()).isEqualTo("coordinator");
            assertThat(c.what()).isEqualTo("download pre-filled workbook");
            assertThat(c.persons()).isPositive();
        });
        mvc.perform(get("/mergers/antwerpen/workbooks/0212978247").with(coordinator())).andExpect(status().isNotFound());
    }

    @Test
    void anOperatorStartsTheCampaignFromTheMergersPageAndSeesPerOcmwWhatWasMailedAndWhatIsNotDeliveredYet() throws Exception {
        assertThat(page("/mergers/antwerpen", coordinator())).doesNotContain("id=\"campaign-start\"");
        assertThat(page("/mergers/antwerpen", operator())).contains("id=\"campaign-start\"").contains("niet verstuurd");
        mvc.perform(post("/mergers/antwerpen/campaign").with(coordinator()).with(csrf())).andExpect(status().isForbidden());

        // no SMTP server here: each mail waits in the outbox, and the pages say so
        String started = finished(mvc.perform(post("/mergers/antwerpen/campaign").with(operator()).with(csrf())).andReturn(),
                operator());
        assertThat(started).contains("klaargezet voor").contains("nog niet verstuurd");
        String page = page("/mergers/antwerpen", operator());
        assertThat(page).doesNotContain("id=\"campaign-start\"").contains("nog niet afgeleverd").contains("opnieuw sturen");
        String again = finished(mvc.perform(post("/mergers/antwerpen/campaign/0212680616").with(operator()).with(csrf()))
                .andReturn(), operator());
        assertThat(again).contains("klaargezet voor");
        assertThat(jdbc.sql("select count(*) from campaign_mail where merger_id = 'antwerpen'").query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    void anOperatorSchedulesTheApprovedPlanForAMomentSeesItWaitingAndCancelsIt() throws Exception {
        var registry = RegistryLoader.load(Registries.shipped()).registry();
        String fingerprint = approve(registry.find("pajottegem").orElseThrow(), folder.resolve("approved-pajottegem"));
        assertThat(page("/mergers/pajottegem/apply", operator())).contains("id=\"schedule-form\"").contains("value=\"2025-01-01T06:00\"");

        mvc.perform(post("/mergers/pajottegem/schedule").param("fingerprint", fingerprint).param("at", "2031-01-01T06:00")
                .with(operator()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page("/mergers/pajottegem/apply", operator())).contains("Gepland op 01/01/2031 06:00 door operator")
                .contains("id=\"cancel-schedule\"").doesNotContain("id=\"schedule-form\"");
        assertThat(page("/mergers/pajottegem", coordinator())).contains("data-status=\"SCHEDULED\"").contains("GEPLAND");
        // a moment that has passed is refused, in words
        mvc.perform(post("/mergers/pajottegem/schedule/cancel").with(operator()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page("/mergers/pajottegem", coordinator())).contains("data-status=\"APPROVED\"");
        String past = mvc.perform(post("/mergers/pajottegem/schedule").param("fingerprint", fingerprint).param("at", "2020-01-01T06:00")
                .with(operator()).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(past).contains("id=\"schedule-refused\"").contains("is voorbij");
    }

    @Test
    void reportsAreDownloadedButNotByACoordinatorWhenTheyShowFullInsz() throws Exception {
        mvc.perform(get("/mergers/pajottegem/reports/plan.xlsx").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"plan.xlsx\""));
        // the page opens in the browser, in a sandbox where only its own style applies
        mvc.perform(get("/mergers/pajottegem/reports/plan.html").with(coordinator()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "inline; filename=\"plan.html\""))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("sandbox"), org.hamcrest.Matchers.containsString("style-src 'unsafe-inline'"),
                        org.hamcrest.Matchers.containsString("default-src 'none'"))));
        mvc.perform(get("/mergers/pajottegem/reports/..%2F..%2Fetc%2Fpasswd").with(coordinator())).andExpect(status().is4xxClientError());
        // in the reader's language: a French-speaking coordinator gets the French page of a Dutch merger
        String french = mvc.perform(get("/mergers/pajottegem/reports/plan.html").param("lang", "fr").with(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String dutch = mvc.perform(get("/mergers/pajottegem/reports/plan.html").param("lang", "nl").with(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(french).contains("lang=\"fr\"").contains("Constatations").contains("Sommaire");
        assertThat(dutch).contains("lang=\"nl\"").contains("Bevindingen").contains("Inhoud");
        mvc.perform(get("/mergers/antwerpen/reports/plan.xlsx").with(coordinator())).andExpect(status().isNotFound());

        var registry = RegistryLoader.load(Registries.shipped()).registry();
        runs.plan(registry.find("pajottegem").orElseThrow(), REPORTS, ReportOptions.full(ReportText.DUTCH, new ReportOptions.Disclosure(OPERATOR, be.ocmw.merge.audit.Consultation.Channel.COMMAND_LINE, "test: a full report")), run());

        mvc.perform(get("/mergers/pajottegem/reports/plan.xlsx").with(coordinator())).andExpect(status().isForbidden());
        // an operator is asked why first; the download with a reason is a consultation in the log
        mvc.perform(get("/mergers/pajottegem/reports/plan.xlsx").with(operator()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/mergers/pajottegem/reports/plan.xlsx/reason"));
        mvc.perform(get("/mergers/pajottegem/reports/plan.xlsx/reason").with(operator())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Waarom hebt u de rijksregisternummers volledig nodig?")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("action=\"/mergers/pajottegem/reports/plan.xlsx\"")));
        long before = consultations.between(null, null).size();
        mvc.perform(get("/mergers/pajottegem/reports/plan.xlsx").param("reason", "ticket HD-12: wrong username").with(operator()))
                .andExpect(status().isOk());
        assertThat(consultations.between(null, null)).hasSize((int) before + 1).last().satisfies(c -> {
            assertThat(c.actor()).isEqualTo("operator");
            assertThat(c.channel()).isEqualTo(be.ocmw.merge.audit.Consultation.Channel.DASHBOARD);
            assertThat(c.what()).isEqualTo("download plan.xlsx");
            assertThat(c.mergerId()).isEqualTo("pajottegem");
            assertThat(c.reason()).isEqualTo("ticket HD-12: wrong username");
            assertThat(c.persons()).isPositive();
        });
        mvc.perform(get("/audit").with(operator())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ticket HD-12: wrong username")));
        mvc.perform(get("/audit").with(coordinator())).andExpect(status().isForbidden());
        mvc.perform(get("/mergers/pajottegem/reports/summary.json").with(coordinator())).andExpect(status().isOk());
    }

    @Test
    void theSearchBoxExplainsAPersonOrADossierWithInszMaskedAndLogsEveryLookUpByInsz() throws Exception {
        assertThat(page("/mergers/pajottegem", coordinator())).contains("id=\"explain-form\"")
                .contains("action=\"/mergers/pajottegem/explain\"");
        long before = consultations.between(null, null).size();

        // by name: Lotte Van den Broeck has an account in Galmaarden, Gooik and Herne
        String byName = search("lotte van den broeck", null, coordinator());
        assertThat(byName).contains("Lotte Van den Broeck (81.02.16-xxx.72) in fusie Pajottegem")
                .contains("de unie van de toepassingen van de 3 bronaccount(s)")
                .contains("Status ACTIEF omdat het account actief is in OCMW Galmaarden, OCMW Gooik, OCMW Herne")
                .contains("(ADMIN_NOT_DESIGNATED)").contains("Nog niet uitgevoerd");
        assertThat(consultations.between(null, null)).as("a search by name is no consultation").hasSize((int) before);

        // by INSZ: a consultation, whoever asks, even when nobody is found; the number is given back masked only
        String byInsz = search("81.02.16-678.72", "helpdesk ticket 4711", operator());
        assertThat(byInsz).contains("Lotte Van den Broeck (81.02.16-xxx.72) in fusie Pajottegem")
                .doesNotContain("81.02.16-678.72").doesNotContain("81021667872");
        String nobody = search("85.07.30-033.28", null, coordinator());
        assertThat(nobody).contains("Er is geen account met INSZ 85.07.30-xxx.28 gevonden in de OCMW&#39;s van fusie Pajottegem")
                .contains("data-found=\"false\"");
        assertThat(consultations.between(null, null)).hasSize((int) before + 2).satisfies(logged -> {
            var byOperator = logged.get(logged.size() - 2);
            assertThat(byOperator.actor()).isEqualTo("operator");
            assertThat(byOperator.channel()).isEqualTo(be.ocmw.merge.audit.Consultation.Channel.DASHBOARD);
            assertThat(byOperator.reason()).isEqualTo("helpdesk ticket 4711");
            assertThat(byOperator.persons()).isEqualTo(1);
            var byCoordinator = logged.get(logged.size() - 1);
            assertThat(byCoordinator.actor()).isEqualTo("coordinator");
            assertThat(byCoordinator.reason()).isEqualTo("(no reason given)");
            assertThat(byCoordinator.persons()).isZero();
        });
        assertThat(search("85.07.30-033.29", null, coordinator())).contains("Dit is geen geldig INSZ")
                .doesNotContain("85.07.30-033.29");
        // the audit page says what was consulted and why in the reader's words, the recorded code in small print
        assertThat(page("/audit?lang=fr", operator())).contains("recherche par NISS (tableau de bord)")
                .contains("(aucun motif donné)").doesNotContain(">(no reason given)<")
                .contains("<code>explain (search by INSZ)</code>");

        // several people answer to a name: a choice, one row per account (with its domains), each a link by username and
        // OCMW, never by INSZ
        String lotte = search("Lotte", null, coordinator());
        assertThat(lotte).contains("id=\"explain-matches\"").contains("Lotte Coppens").contains("Lotte Van den Broeck");
        assertThat(search("Van den Broeck", null, coordinator())).containsOnlyOnce(">Jürgen Van den Broeck<")
                .contains("Hoofdtoegangsbeheerders, Maatschappelijk Welzijn");
        java.util.regex.Matcher link = java.util.regex.Pattern
                .compile("href=\"(/mergers/pajottegem/explain\\?username=[^\"]+)\"[^>]*>Lotte Coppens<").matcher(lotte);
        assertThat(link.find()).as("a link to Lotte Coppens' explanation").isTrue();
        String chosen = page(link.group(1).replace("&amp;", "&"), coordinator());
        assertThat(chosen).contains("Lotte Coppens (62.08.28-xxx.93) in fusie Pajottegem")
                .contains("Type TB omdat de indiening van OCMW Gooik van ").contains("deze persoon als TB aanwijzen");

        // a dossier by its reference: what the latest plan will do with it
        String reference = jdbc.sql("""
                        select reference from dossier where kbo = '0212978247' and start_date < '2025-01-01'
                        and (end_date is null or end_date > '2024-12-31') order by reference limit 1""")
                .query(String.class).single();
        assertThat(search(reference, null, coordinator())).contains("Dossier 0212.978.247/" + reference)
                .contains("het laatste plan sluit het af op 31/12/2024 en heropent het onder het gefusioneerde OCMW");

        // a reference of digits after its KBO is a dossier, not a national number
        jdbc.sql("""
                insert into dossier (kbo, reference, type, insz, start_date)
                values ('0212978247', '2024000123', 'INTEGRATIE', '85073003328', '2024-03-01')""").update();
        assertThat(search("0212.978.247/2024000123", null, coordinator())).contains("Dossier 0212.978.247/2024000123")
                .doesNotContain("Dit is geen geldig INSZ");

        // in French, and refused without the form's token
        assertThat(mvc.perform(post("/mergers/pajottegem/explain").param("q", "Lotte Van den Broeck").param("lang", "fr")
                        .with(coordinator()).with(csrf())).andReturn().getResponse().getContentAsString())
                .contains("Lotte Van den Broeck (81.02.16-xxx.72) dans la fusion Pajottegem")
                .contains("l&#39;union des applications des 3 compte(s) source");
        mvc.perform(post("/mergers/pajottegem/explain").param("q", "Lotte").with(coordinator())).andExpect(status().isForbidden());
        for (String insz : everyFullInsz()) {
            assertThat(byName + nobody + lotte + chosen).doesNotContain(insz);
        }
    }

    private String search(String words, String reason, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        var request = post("/mergers/pajottegem/explain").param("q", words).with(who).with(csrf());
        if (reason != null) {
            request.param("reason", reason);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void everyPageAndTheApplyReportShowTheSameMomentInBelgianTimeAndSaySo() throws Exception {
        java.time.OffsetDateTime approved = jdbc.sql("select approved_at from approval where merger_id = 'hasselt'")
                .query(java.time.OffsetDateTime.class).single();
        java.time.OffsetDateTime applied = jdbc.sql("select created_at from plan where merger_id = 'hasselt' and mode = 'APPLY'")
                .query(java.time.OffsetDateTime.class).single();
        long applyRun = jdbc.sql("select max(id) from run").query(Long.class).single();
        String belgianApproval = be.ocmw.merge.reporting.Times.moment(approved);
        String utcApproval = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(approved.atZoneSameInstant(java.time.ZoneOffset.UTC));

        String merger = page("/mergers/hasselt", coordinator());
        String explained = mvc.perform(post("/mergers/hasselt/explain").param("q", "Kortessem").with(coordinator())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getContentAsString();
        String runs = page("/runs", coordinator());
        String report = java.nio.file.Files.readString(REPORTS.resolve("hasselt/apply.html"));

        assertThat(merger).contains("Uitgevoerd door operator (dashboardgebruiker) op " + be.ocmw.merge.reporting.Times.moment(applied))
                .contains("id=\"clock\"").contains("Tijden in Belgische tijd");
        assertThat(report).contains(belgianApproval);
        assertThat(runs).contains("Tijden in Belgische tijd")
                .contains(be.ocmw.merge.reporting.Times.moment(jdbc.sql("select started_at from run where id = :id")
                        .param("id", applyRun).query(java.time.OffsetDateTime.class).single()));
        assertThat(page("/?lang=fr", coordinator())).contains("Heures en heure belge");
        if (!utcApproval.equals(belgianApproval)) {
            // the same moment in UTC (an hour or two earlier) is shown nowhere
            assertThat(merger + explained + runs + report).doesNotContain(utcApproval);
        }
    }

    @Test
    void theRunsPageListsTheBatchJobsWithTheirCountsAndTheReconciliationPageItsDrift() throws Exception {
        String html = page("/runs", coordinator());
        assertThat(html).contains("data-job=\"applyJob\" data-status=\"COMPLETED\"").contains("data-job=\"loadAccessJob\"")
                .contains("hasselt");

        var registry = RegistryLoader.load(Registries.shipped()).registry();
        // dossiers opened under Kortessem's old KBO since the apply (the ones the plan listed are not drift)
        jdbc.sql("""
                insert into dossier (kbo, reference, type, insz, start_date) values
                    ('0212224419', 'SINCE-1', 'A036', '85073010005', date '2025-03-01'),
                    ('0212224419', 'SINCE-2', 'A036', '85073010005', date '2025-03-02'),
                    ('0212224419', 'SINCE-3', 'A036', '85073010005', date '2025-03-03')""").update();
        long run = runLog.start("reconcile", "");
        reconciliations.reconcile(null, false, folder.resolve("reconcile"), run, ReportText.of(ReportText.DUTCH));
        runLog.finish(run, 0, "done");
        String reconciliation = page("/reconciliation", coordinator());
        assertThat(reconciliation).contains("Reconciliatie (opdracht " + run + ", met de hand gestart)").contains("<h2>hasselt</h2>")
                .doesNotContain("id=\"no-reconciliation\"").doesNotContain("id=\"run-reconcile\"");
        // one section per kind of drift: what it is, how many, and what to do said once, not on every row
        long kinds = jdbc.sql("select count(distinct code) from drift where run_id = :run and merger_id = 'hasselt'")
                .param("run", run).query(Long.class).single();
        long rows = jdbc.sql("select count(*) from drift where run_id = :run and merger_id = 'hasselt'")
                .param("run", run).query(Long.class).single();
        assertThat(rows).as("the sample's drift after hasselt's apply").isGreaterThan(kinds);
        assertThat(java.util.regex.Pattern.compile("data-merger=\"hasselt\" data-code=").matcher(reconciliation).results().count())
                .isEqualTo(kinds);
        assertThat(java.util.regex.Pattern.compile("class=\"todo\"").matcher(reconciliation).results().count())
                .isEqualTo(jdbc.sql("select count(distinct code) from drift where run_id = :run").param("run", run)
                        .query(Long.class).single());
    }

    private String fingerprint(String merger) {
        return jdbc.sql("select fingerprint from plan where merger_id = :m order by id desc limit 1").param("m", merger)
                .query(String.class).single();
    }
}
