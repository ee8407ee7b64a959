package be.ocmw.merge.web;

import be.ocmw.merge.sampledata.SampleData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What operators do, and that coordinators and forged requests cannot: upload, plan, apply, reconcile. */
class DashboardActionsTests extends DashboardTest {

    @BeforeEach
    void sampleDataWithoutSubmissions() {
        loadSampleData(folder);
        jdbc.sql("truncate table submission, submission_administrator cascade").update();
        jdbc.sql("delete from finding where origin = 'INTAKE'").update();
    }

    @Test
    void aCoordinatorCannotActAndAnActionWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/mergers/pajottegem/plan").with(coordinator()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/mergers/pajottegem/apply").param("fingerprint", "x").param("confirmed", "true")
                .with(coordinator()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/reconciliation").with(coordinator()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/intake").file(workbook("pajottegem-herne.xlsx")).with(coordinator()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/intake").with(coordinator())).andExpect(status().isForbidden());
        mvc.perform(get("/mergers/pajottegem/apply").with(coordinator())).andExpect(status().isForbidden());

        mvc.perform(post("/mergers/pajottegem/plan").with(operator())).andExpect(status().isForbidden());
        mvc.perform(post("/mergers/pajottegem/plan").with(operator()).with(csrf().useInvalidToken())).andExpect(status().isForbidden());

        assertThat(jdbc.sql("select count(*) from plan").query(Integer.class).single()).as("nothing was planned").isZero();
    }

    @Test
    void anOperatorUploadsSubmissionsAndSeesTheRejectedRowsAndOnlyXlsxIsTaken() throws Exception {
        String refused = mvc.perform(multipart("/intake").file(new MockMultipartFile("files", "notes.txt", "text/plain", "hello".getBytes()))
                .with(operator()).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("notes.txt is geen Excel-werkmap (.xlsx)");
        String renamed = mvc.perform(multipart("/intake").file(new MockMultipartFile("files", "fake.xlsx", "application/octet-stream",
                "not a zip".getBytes())).with(operator()).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(renamed).contains("fake.xlsx is geen Excel-werkmap");
        byte[] large = new byte[100 * 1024];
        large[0] = 'P';
        large[1] = 'K';
        large[2] = 3;
        large[3] = 4;
        String tooLarge = mvc.perform(multipart("/intake").file(new MockMultipartFile("files", "large.xlsx", "application/octet-stream",
                large)).with(operator()).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(tooLarge).contains("large.xlsx is te groot: een werkmap mag hoogstens 64 KB zijn.");
        assertThat(jdbc.sql("select count(*) from submission").query(Integer.class).single()).isZero();

        MvcResult upload = mvc.perform(multipart("/intake").file(workbook("pajottegem-herne.xlsx"))
                .file(workbook("pajottegem-gooik-v2.xlsx")).with(operator()).with(csrf())).andReturn();
        String html = finished(upload, operator());

        assertThat(html).contains("data-state=\"DONE\"")
                .contains("id=\"intake-rejections\"").contains("pajottegem-herne.xlsx")
                .contains("heeft controlecijfers").contains("SUBMISSION_LATE")
                .contains("pajottegem-herne.checked.xlsx")
                // what the command line prints of each workbook, in the reader's words
                .contains("Te laat ingediend").contains("zijn niet gelezen: Wachtwoord").contains("ingelezen")
                .doesNotContain(">LOADED<");
        assertThat(jdbc.sql("select count(*) from submission").query(Integer.class).single()).isEqualTo(2);
        String annotated = html.replaceAll("(?s).*href=\"(/activities/[^\"]+/files/pajottegem-herne.checked.xlsx)\".*", "$1");
        var download = mvc.perform(get(annotated).with(operator())).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).startsWith('P', 'K');
        assertThat(page("/", operator())).contains("2 van 3 ontvangen, 1 te laat");
        // the registry's deadline for pajottegem is long past: the one missing submission is pointed out
        assertThat(page("/", operator())).containsPattern("2 van 3 ontvangen, 1 te laat</span>\\s*<strong class=\"overdue-inline\">— na de uiterste datum: vraag ze op");
    }

    @Test
    void anOperatorPlansACoordinatorApprovesAndTheOperatorAppliesExactlyTheApprovedPlan() throws Exception {
        // given submissions that name the HTB, planned by an operator
        finished(mvc.perform(multipart("/intake").file(workbook("pajottegem-galmaarden.xlsx")).file(workbook("pajottegem-gooik-v2.xlsx"))
                .file(workbook("pajottegem-herne.xlsx")).with(operator()).with(csrf())).andReturn(), operator());
        String planned = finished(mvc.perform(post("/mergers/pajottegem/plan").with(operator()).with(csrf())).andReturn(), operator());
        assertThat(planned).contains("data-state=\"DONE\"").contains("id=\"outcome-findings\"");
        String fingerprint = jdbc.sql("select fingerprint from plan where merger_id = 'pajottegem' order by id desc limit 1")
                .query(String.class).single();

        // nothing to apply before a coordinator approved; an operator cannot approve
        assertThat(page("/mergers/pajottegem/apply", operator())).contains("id=\"not-ready\"").doesNotContain("id=\"confirmed\"");
        mvc.perform(post("/mergers/pajottegem/approve").param("fingerprint", fingerprint).with(operator()).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(page("/mergers/pajottegem", coordinator())).contains("data-status=\"READY\"").contains("id=\"approve-plan\"")
                .contains(fingerprint);

        // when the coordinator approves it, with a comment
        mvc.perform(post("/mergers/pajottegem/approve").param("fingerprint", fingerprint).param("comment", "gelezen met Herne")
                .with(coordinator()).with(csrf())).andExpect(status().is3xxRedirection());

        // then the merger is APPROVED for everybody, and the operator's apply page shows who approved what it will do
        assertThat(page("/", operator())).contains("data-merger=\"pajottegem\" data-status=\"APPROVED\"");
        String confirm = page("/mergers/pajottegem/apply", operator());
        assertThat(confirm).contains(fingerprint).contains("Goedgekeurd door coordinator").contains("gelezen met Herne")
                .contains("id=\"counts\"").contains("id=\"tasks\"").contains("id=\"confirmed\"");
        String unconfirmed = mvc.perform(post("/mergers/pajottegem/apply").param("fingerprint", fingerprint).with(operator()).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(unconfirmed).contains("id=\"not-confirmed\"");
        // the findings come before the confirmation (those for information folded, with their count), and a missing
        // tick is said beside the box, which takes the focus (the page opens there)
        assertThat(confirm.indexOf("data-severity=")).isPositive().isLessThan(confirm.indexOf("id=\"confirmed\""));
        assertThat(confirm).doesNotContain("autofocus");
        assertThat(unconfirmed).containsPattern("id=\"confirmed\"[^>]*autofocus");
        assertThat(unconfirmed.indexOf("id=\"not-confirmed\"")).isGreaterThan(unconfirmed.indexOf("id=\"confirmation\""))
                .isLessThan(unconfirmed.indexOf("id=\"confirmed\""));
        String stale = finished(mvc.perform(post("/mergers/pajottegem/apply").param("fingerprint", "sha256:0000").param("confirmed", "true")
                .with(operator()).with(csrf())).andReturn(), operator());
        assertThat(stale).contains("data-state=\"REFUSED\"").contains("is niet het goedgekeurde plan");
        assertThat(jdbc.sql("select count(*) from plan where mode = 'APPLY'").query(Integer.class).single()).isZero();

        MvcResult apply = mvc.perform(post("/mergers/pajottegem/apply").param("fingerprint", fingerprint).param("confirmed", "true")
                .with(operator()).with(csrf())).andReturn();
        String applied = finished(apply, operator());
        assertThat(applied).contains("data-state=\"DONE\"").contains("UITGEVOERD").contains("applyAccountsStep");
        assertThat(page("/", coordinator())).contains("data-merger=\"pajottegem\" data-status=\"APPLIED\"");
        String merger = page("/mergers/pajottegem", coordinator());
        assertThat(merger).contains("/mergers/pajottegem/reports/apply.xlsx").contains("id=\"history\"")
                .contains("data-kind=\"PLAN\"").contains("data-kind=\"APPROVAL\"").contains("data-kind=\"APPLY\"")
                .contains("Uitgevoerd door operator");
        // the plan's reports were written before the apply: the page says they show the merger as it stood then
        assertThat(merger).contains("data-report=\"plan.html\" data-earlier=\"true\"")
                .contains("data-report=\"apply.html\" data-earlier=\"false\"").contains("Ouder dan de laatste stap");
        // one set of counts: the merger's page shows what the apply did beside what it predicted, as apply.html does
        String report = mvc.perform(get("/mergers/pajottegem/reports/apply.html").with(coordinator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.Map<String, String> onPage = countRows(merger,
                "<tr data-count=\"[^\"]+\"[^>]*>\\s*<th>([^<]+)</th>\\s*<td class=\"n done\">([^<]*)</td>\\s*<td class=\"n planned\">([^<]*)</td>");
        java.util.Map<String, String> inReport = countRows(report, "<tr>\\s*<th>([^<]+)</th>\\s*<td[^>]*>([^<]*)</td>\\s*<td>([^<]*)</td>");
        assertThat(onPage).as("the page's figures").isNotEmpty().hasSizeGreaterThanOrEqualTo(10);
        assertThat(inReport).as("apply.html's figures").containsAllEntriesOf(onPage);
        assertThat(onPage).containsEntry("Gebruikers in de oude OCMW's", inReport.get("Gebruikers in de oude OCMW's"));
        String historyReport = merger.replaceAll("(?s).*href=\"(/mergers/pajottegem/history/\\d+/apply.xlsx)\".*", "$1");
        assertThat(mvc.perform(get(historyReport).with(coordinator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).startsWith('P', 'K');
        assertThat(jdbc.sql("select count(*) from run where command = 'apply' and arguments like '%(dashboard, operator)' and exit_code = 0")
                .query(Integer.class).single()).isEqualTo(1);
        long applyRun = jdbc.sql("select max(id) from run where command = 'apply'").query(Long.class).single();
        assertThat(page("/runs", coordinator())).as("the runs page: every command with who did it, numbered as in status")
                .contains("data-run=\"" + applyRun + "\" data-command=\"apply\"").contains("data-command=\"approve\"")
                .contains("<td>operator (dashboardgebruiker)</td>").contains("<td>coordinator (dashboardgebruiker)</td>")
                // a command in words, its command line beside it in small print
                .containsPattern("<span>Uitvoering</span>\\s*<small><code>apply pajottegem --fingerprint");
        assertThat(jdbc.sql("select table_name || ' ' || action || ' ' || coalesce(after ->> 'approved_by', '') || ' ' "
                        + "|| coalesce(after ->> 'applied_by', '') from audit where table_name in ('approval', 'plan') order by id")
                .query(String.class).list()).containsExactly("approval INSERT coordinator ", "plan INSERT coordinator operator");
        assertThat(jdbc.sql("select approved_account from approval").query(String.class).list())
                .as("the approval records the account it was given from").containsExactly("users:coordinator");
        assertThat(jdbc.sql("select account from run where id = :id").param("id", applyRun).query(String.class).single())
                .isEqualTo("users:operator");

        String reconciled = finished(mvc.perform(post("/reconciliation").with(operator()).with(csrf())).andReturn(), operator());
        assertThat(reconciled).contains("data-state=\"DONE\"").contains("pajottegem");
        // each action's page shows its own jobs only, not what started after it
        assertThat(reconciled).contains("data-step=\"driftStep\"").doesNotContain("data-step=\"applyAccountsStep\"");
        assertThat(page(apply.getResponse().getRedirectedUrl(), operator())).contains("data-step=\"applyAccountsStep\"")
                .doesNotContain("data-step=\"driftStep\"");
        assertThat(page("/reconciliation", coordinator())).contains("<h2>pajottegem</h2>");

        // planned again after the apply: the plan changes nothing, so the merger stays applied with nothing to approve,
        // and the approval shown is the one that was applied, not offered for the new plan
        finished(mvc.perform(post("/mergers/pajottegem/plan").with(operator()).with(csrf())).andReturn(), operator());
        String replanned = page("/mergers/pajottegem", coordinator());
        assertThat(replanned).contains("data-status=\"APPLIED\"").contains("id=\"next-replanned\"")
                .contains("dit plan verandert niets aan wat werd uitgevoerd").doesNotContain("id=\"approve-plan\"")
                .doesNotContain("id=\"approval-previous\"")
                .contains("data-report=\"plan.html\" data-earlier=\"false\"").contains("data-report=\"apply.html\" data-earlier=\"true\"");
        assertThat(replanned.indexOf("id=\"next\"")).as("what now comes first").isLessThan(replanned.indexOf("id=\"approval\""));
        assertThat(page("/?lang=fr", coordinator())).contains("data-merger=\"pajottegem\" data-status=\"APPLIED\"");
        long later = jdbc.sql("select count(*) from dossier where kbo in ('0212978247', '0212600838', '0212281728') "
                + "and start_date >= date '2025-01-01'").query(Long.class).single();
        assertThat(page("/mergers/pajottegem", operator())).contains("Vink af wat de RSZ met de hand doet")
                .contains("Nog open, zoals het plan aankondigde: " + later + " dossier(s) die op of na 01/01/2025 beginnen");
    }

    @Test
    void aCoordinatorSeesARefusedApprovalAndCanWithdrawAnApproval() throws Exception {
        samplePlanned();
        String fingerprint = jdbc.sql("select fingerprint from plan where merger_id = 'pajottegem' order by id desc limit 1")
                .query(String.class).single();

        MvcResult wrong = mvc.perform(post("/mergers/pajottegem/approve").param("fingerprint", "sha256:0000").with(coordinator())
                .with(csrf())).andReturn();
        assertThat(page(wrong.getResponse().getRedirectedUrl(), coordinator(), wrong)).contains("id=\"approval-refused\"")
                .contains("alleen het laatste plan kan goedgekeurd worden");
        mvc.perform(post("/mergers/pajottegem/approve").param("fingerprint", fingerprint).with(coordinator()).with(csrf()));
        MvcResult withdrawn = mvc.perform(post("/mergers/pajottegem/withdraw").param("comment", "Herne twijfelt")
                .with(coordinator()).with(csrf())).andReturn();

        assertThat(page(withdrawn.getResponse().getRedirectedUrl(), coordinator(), withdrawn)).contains("id=\"approval-done\"")
                .contains("data-status=\"READY\"").contains("data-kind=\"WITHDRAWAL\"").contains("Herne twijfelt");
        assertThat(page("/mergers/pajottegem/apply", operator())).contains("id=\"not-ready\"");
        assertThat(jdbc.sql("select count(*) from audit where table_name = 'approval'").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aCoordinatorTicksOffATaskAndEveryoneSeesWhoDidItAndWhen() throws Exception {
        // given the sample plan, whose tasks (due around the merger's date, 01/01/2025) are all past their day now
        samplePlanned();
        long tasks = jdbc.sql("select count(*) from plan_task t join plan p on p.id = t.plan_id where p.merger_id = 'pajottegem'")
                .query(Long.class).single();
        // (but the submissions, all three of which are in: the engine knows that task is done)
        assertThat(page("/", coordinator())).contains((tasks - 1) + " taak/taken over tijd");
        assertThat(page("/mergers/pajottegem", coordinator()))
                .contains("data-task=\"CHAMAN_FTP_ACCOUNT\" data-done=\"false\" class=\"overdue\"")
                .contains("data-task=\"HTB_SUBMISSION\" data-done=\"true\"")
                .contains("gedaan: alle HTB-aanwijzingen zijn binnen (de laatste van 20/11/2024)");

        // when the coordinator ticks one off, twice (a double click)
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/mergers/pajottegem/tasks/CHAMAN_FTP_ACCOUNT").param("done", "true").with(coordinator()).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }

        // then it is done once, by the coordinator, for everybody, and no longer counted as overdue
        assertThat(page("/mergers/pajottegem", operator())).contains("data-task=\"CHAMAN_FTP_ACCOUNT\" data-done=\"true\"")
                .contains("gedaan, afgevinkt door coordinator (dashboardgebruiker) op");
        assertThat(page("/", coordinator())).contains((tasks - 2) + " taak/taken over tijd");
        assertThat(jdbc.sql("select by_whom || ' ' || account from task_check").query(String.class).list())
                .containsExactly("coordinator users:coordinator");
        assertThat(jdbc.sql("select count(*) from audit where table_name = 'task_check'").query(Long.class).single()).isEqualTo(1);
        // and the next plan's workbook says who did it
        finished(mvc.perform(post("/mergers/pajottegem/plan").with(operator()).with(csrf())).andReturn(), operator());
        try (var in = Files.newInputStream(REPORTS.resolve("pajottegem/plan.xlsx"));
             var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = workbook.getSheet("Taken");
            var done = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(row -> row.getCell(0).getStringCellValue().equals("CHAMAN_FTP_ACCOUNT"))
                    .map(row -> row.getCell(3).getStringCellValue()).toList();
            assertThat(done).singleElement().satisfies(d -> assertThat(d).startsWith("ja, afgevinkt door coordinator op"));
        }

        // an operator may take the tick back; a task the plan does not have is not found
        mvc.perform(post("/mergers/pajottegem/tasks/CHAMAN_FTP_ACCOUNT").param("done", "false").with(operator()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/mergers/pajottegem", coordinator())).contains("data-task=\"CHAMAN_FTP_ACCOUNT\" data-done=\"false\"");
        assertThat(jdbc.sql("select count(*) from task_check").query(Long.class).single()).isEqualTo(2);
        mvc.perform(post("/mergers/pajottegem/tasks/NO_SUCH_TASK").with(coordinator()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/mergers/pajottegem/tasks/CHAMAN_FTP_ACCOUNT").with(coordinator())).andExpect(status().isForbidden());
    }

    private MockMultipartFile workbook(String name) throws Exception {
        Path sample = folder.resolve("sample/submissions").resolve(name);
        if (!Files.exists(sample)) {
            new SampleData(2025, 1).write(folder.resolve("sample"));
        }
        return new MockMultipartFile("files", name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Files.readAllBytes(sample));
    }

    /** The sample submissions taken in and pajottegem planned, by an operator, each waited for. */
    private void samplePlanned() throws Exception {
        finished(mvc.perform(multipart("/intake").file(workbook("pajottegem-galmaarden.xlsx")).file(workbook("pajottegem-gooik-v2.xlsx"))
                .file(workbook("pajottegem-herne.xlsx")).with(operator()).with(csrf())).andReturn(), operator());
        finished(mvc.perform(post("/mergers/pajottegem/plan").with(operator()).with(csrf())).andReturn(), operator());
    }

    /** The rows of a table of figures: label, then "done | predicted". */
    private static java.util.Map<String, String> countRows(String html, String row) {
        java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(row).matcher(html);
        while (m.find()) {
            rows.put(org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)).trim(), m.group(2).trim() + " | " + m.group(3).trim());
        }
        return rows;
    }
}
