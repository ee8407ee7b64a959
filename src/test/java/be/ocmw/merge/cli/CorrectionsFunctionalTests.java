package be.ocmw.merge.cli;

import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.SampleWorkflow;
import be.ocmw.merge.support.Waiting;
import be.ocmw.merge.support.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static be.ocmw.merge.support.Workbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC 5.7 through the real jar: what a plan takes away after an apply (a new HTB designated by corrected submissions,
 * the merged OCMW's own review blocking an account and withdrawing an application) is planned, approved, applied once,
 * audited and explained; and an apply of corrections killed half-way ends where an uninterrupted one does.
 */
class CorrectionsFunctionalTests {

    static final String DOMAIN = "Maatschappelijk Welzijn";
    static final String MAIN = "Hoofdtoegangsbeheerders";
    static final String PAJOTTEGEM = "1002209443";
    static final String HASSELT = "0212145433";
    static final List<String> HEADER = List.of("Rol", "Domein", "INSZ", "Naam", "Voornaam", "E-mailadres", "Taal", "Telefoon");

    @TempDir
    Path workDir;

    @Test
    void correctedSubmissionsReplaceTheHtbAndTheMergedOcmwsReviewBlocksAndWithdrawsThroughTheApprovalChain() throws Exception {
        // given pajottegem applied as the sample designates it: an HTB, a co-HTB, a TB and a co-TB
        Path dir = Files.createDirectories(workDir.resolve("pajottegem"));
        String url = SampleWorkflow.loadedCopy(dir);
        OcmwMergeJar jar = OcmwMergeJar.in(dir).env("OCMW_DB_URL", url);
        SampleWorkflow.applied(jar, "pajottegem");
        Person oldHtb = designated(url, "pajottegem", "HTB");
        Person tb = designated(url, "pajottegem", "TB");
        List<String> oldDomainAccounts = strings(url, "select username from live_account where kbo = '" + PAJOTTEGEM
                + "' and insz = '" + oldHtb.insz() + "' and domain <> '" + MAIN + "'");
        assertThat(strings(url, "select role from live_account where kbo = '" + PAJOTTEGEM + "' and domain = '" + MAIN + "'"))
                .contains("HTB", "CO_HTB");

        // when the three OCMWs send corrected workbooks: the TB becomes HTB, no co-HTB, no co-TB
        Path corrected = Files.createDirectories(dir.resolve("corrected"));
        for (String[] ocmw : new String[][]{{"0212.978.247", "OCMW Galmaarden"}, {"0212.600.838", "OCMW Gooik"},
                {"0212.281.728", "OCMW Herne"}}) {
            Workbooks.xlsx(corrected.resolve(ocmw[1] + ".xlsx"), submission("pajottegem", ocmw[0], ocmw[1], "20/01/2025",
                    List.of(tb.row("HTB", ""), tb.row("TB", DOMAIN)), null));
        }
        assertThat(jar.run("intake", "corrected").exitCode()).isZero();
        Run plan = jar.run("plan", "pajottegem", "--out", "out");

        // then the plan lists what it takes away, before it is approved
        JsonNode summary = summary(dir.resolve("out/pajottegem/summary.json"));
        assertThat(summary.get("status").asString()).as(plan.output()).isEqualTo("READY");
        int withdrawn = summary.get("corrections").get("roles_withdrawn").asInt();
        assertThat(withdrawn).as("the old HTB, the co-HTB and the co-TB").isEqualTo(3);
        String html = Files.readString(dir.resolve("out/pajottegem/plan.html"));
        assertThat(html).contains("Wat het plan wegneemt").contains(oldHtb.lastName()).contains("geen hoofdtoegangsbeheerder meer")
                .doesNotContain("met de hand in");
        assertThat(Files.readString(dir.resolve("out/pajottegem/plan.fr.html"))).contains("Ce que le plan retire");

        // when it is approved and applied, twice
        approveAndApply(jar, plan);
        Run again = jar.run("apply", "pajottegem", "--out", "out", "--by", "operator");
        assertThat(again.exitCode()).as(again.output()).isZero();

        // then the merged OCMW has exactly one HTB, the new one, and no co-HTB; the old HTB keeps their domain accounts
        Map<String, List<Map<String, String>>> export = export(jar, dir, PAJOTTEGEM);
        assertThat(export.get(MAIN)).extracting(r -> r.get("Type") + " " + digits(r.get("INSZ")))
                .containsExactly("HTB " + tb.insz());
        assertThat(export.get(DOMAIN)).extracting(r -> r.get("Gebruikersnaam")).containsAll(oldDomainAccounts);
        assertThat(export.get(DOMAIN)).extracting(r -> r.get("Type")).doesNotContain("CO_TB", "co-TB");
        assertThat(count(url, "select count(*) from audit where table_name = 'account' and after ->> 'correction' = 'WITHDRAW_ROLE'"))
                .isEqualTo(withdrawn);
        assertThat(jar.run("audit", "verify").exitCode()).isZero();
        Run explained = jar.run("explain", "pajottegem", "--insz", oldHtb.insz(), "--lang", "nl");
        assertThat(explained.out()).as(explained.output()).contains("weggenomen door run").contains("goedgekeurd door coordinator")
                .contains(tb.lastName());

        // when the merged OCMW reviews its accounts after the apply: one blocked, one application withdrawn, one unknown
        List<String[]> users = rows(url, "select username, applications[1] from live_account where kbo = '" + PAJOTTEGEM
                + "' and domain = '" + DOMAIN + "' and role = 'USER' and status = 'ACTIEF' and cardinality(applications) >= 2 "
                + "order by username limit 2");
        String blocked = users.get(0)[0];
        String trimmed = users.get(1)[0];
        String application = users.get(1)[1];
        // the merged OCMW's workbook as template writes it after the apply, filled in as its HTB would
        Run template = jar.run("template", "pajottegem", "--out", "tpl");
        assertThat(template.out()).as(template.output()).contains("keep or block");
        Path review = Files.createDirectories(dir.resolve("review")).resolve("pajottegem-review.xlsx");
        try (var in = Files.newInputStream(dir.resolve("tpl/pajottegem/" + PAJOTTEGEM + "-OCMW Pajottegem.xlsx"));
             var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var ocmw = workbook.getSheet("OCMW");
            ocmw.getRow(3).getCell(1).setCellValue("03/02/2025");
            ocmw.getRow(4).getCell(1).setCellValue("htb@pajottegem.be");
            var sheet = workbook.getSheet("Gebruikers");
            for (var row : sheet) {
                String username = row.getCell(1).getStringCellValue();
                if (username.equals(blocked)) {
                    row.getCell(9).setCellValue("Blokkeren");
                    row.getCell(11).setCellValue("met pensioen");
                } else if (username.equals(trimmed)) {
                    row.getCell(9).setCellValue("Conserver");
                    row.getCell(10).setCellValue(application);
                }
            }
            var unknown = sheet.createRow(sheet.getLastRowNum() + 1);
            unknown.createCell(0).setCellValue(DOMAIN);
            unknown.createCell(1).setCellValue("bestaatniet");
            unknown.createCell(9).setCellValue("Blokkeren");
            try (var out = Files.newOutputStream(review)) {
                workbook.write(out);
            }
        }
        Run intake = jar.run("intake", "review");
        assertThat(intake.output()).contains("bestaatniet");
        Run reviewed = jar.run("plan", "pajottegem", "--out", "out");
        summary = summary(dir.resolve("out/pajottegem/summary.json"));
        assertThat(summary.get("corrections").get("accounts_blocked").asInt()).as(reviewed.output()).isEqualTo(1);
        assertThat(summary.get("corrections").get("applications_withdrawn").asInt()).isEqualTo(1);
        approveAndApply(jar, reviewed);
        // and the nightly reconciliation, which sees the application still in an old OCMW, does not bring it back
        jar.run("reconcile", "pajottegem", "--out", "reconcile", "--apply-safe");

        export = export(jar, dir, PAJOTTEGEM);
        assertThat(export.get(DOMAIN)).filteredOn(r -> r.get("Gebruikersnaam").equals(blocked))
                .extracting(r -> r.get("Status")).containsExactly("Geblokkeerd");
        assertThat(export.get(DOMAIN)).filteredOn(r -> r.get("Gebruikersnaam").equals(trimmed)).singleElement()
                .satisfies(r -> assertThat(r.get("Beveiligde toepassingen")).doesNotContain(application));
        assertThat(jar.run("audit", "verify").exitCode()).isZero();
    }

    @Test
    void anApplyWithCorrectionsKilledHalfWayEndsWhereAnUninterruptedOneDoes() throws Exception {
        OcmwMergeJar whole = reviewedHasselt("whole");
        Run done = whole.run("apply", "hasselt", "--out", "out", "--by", "operator");
        assertThat(done.exitCode()).as(done.output()).isZero();
        whole.run("export", "access", HASSELT, "--out", "export", "--reason", "test: compare");

        OcmwMergeJar killed = reviewedHasselt("killed");
        String url = urls.get("killed");
        Started apply = killed.env("OCMW_APPLY_CHUNK", "10").start("apply", "hasselt", "--out", "out", "--by", "operator");
        Waiting.until("the apply", Duration.ofSeconds(120), Duration.ofMillis(20), () -> count(url,
                "select count(*) from account where kbo = '" + HASSELT + "' and created_by_run is not null") >= 50);
        apply.process().destroyForcibly().waitFor();
        Run resumed = killed.run("apply", "hasselt", "--out", "out", "--by", "operator");
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        killed.run("export", "access", HASSELT, "--out", "export", "--reason", "test: compare");

        Path wholeExport = workDir.resolve("whole/export/" + HASSELT);
        try (var files = Files.list(wholeExport)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(workDir.resolve("killed/export/" + HASSELT).resolve(file.getFileName())))
                        .as(file.getFileName().toString()).isEqualTo(Files.readString(file));
            }
        }
        assertThat(count(url, "select count(*) from audit where table_name = 'account' and after ->> 'correction' = 'BLOCK_ACCOUNT'"))
                .as("blocked once").isEqualTo(1);
    }

    private final Map<String, String> urls = new LinkedHashMap<>();

    /** Hasselt (scenario 2, scaled up) whose own review, the OCMW that stays, blocks an account: planned and approved. */
    private OcmwMergeJar reviewedHasselt(String name) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(name));
        String url = SampleWorkflow.loadedCopy(dir, 10);
        urls.put(name, url);
        OcmwMergeJar jar = OcmwMergeJar.in(dir).env("OCMW_DB_URL", url);
        List<String[]> users = rows(url, "select username, applications[1] from live_account where kbo = '" + HASSELT
                + "' and domain = '" + DOMAIN + "' and role = 'USER' and status = 'ACTIEF' and cardinality(applications) >= 2 "
                + "order by username limit 2");
        Person htb = designated(url, "hasselt", "HTB");
        Person tb = designated(url, "hasselt", "TB");
        Workbooks.xlsx(Files.createDirectories(dir.resolve("review")).resolve("hasselt.xlsx"), submission("hasselt", "0212.145.433", "OCMW Hasselt", "14/11/2024",
                List.of(htb.row("HTB", ""), tb.row("TB", DOMAIN)), List.of(
                        row("Domein", "Gebruikersnaam", "Beslissing", "Toepassingen intrekken"),
                        row(DOMAIN, users.get(0)[0], "Blokkeren", ""),
                        row(DOMAIN, users.get(1)[0], "", users.get(1)[1]))));
        assertThat(jar.run("intake", "review").exitCode()).isZero();
        Run plan = jar.run("plan", "hasselt", "--out", "out");
        Run approve = jar.run("approve", "hasselt", "--fingerprint", SampleWorkflow.fingerprint(plan), "--by", "coordinator");
        assertThat(approve.exitCode()).as(approve.output()).isZero();
        return jar;
    }

    private static void approveAndApply(OcmwMergeJar jar, Run plan) {
        String merger = "pajottegem";
        Run approve = jar.run("approve", merger, "--fingerprint", SampleWorkflow.fingerprint(plan), "--by", "coordinator");
        assertThat(approve.exitCode()).as(approve.output()).isZero();
        Run apply = jar.run("apply", merger, "--out", "out", "--by", "operator");
        assertThat(apply.exitCode()).as(apply.output()).isZero();
    }

    /** A submission workbook: sheet OCMW, sheet Beheerders, and sheet Gebruikers when {@code review} is given. */
    private static Map<String, List<List<Object>>> submission(String merger, String kbo, String name, String date,
                                                             List<List<Object>> administrators, List<List<Object>> review) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("OCMW", List.of(row("Fusie", merger), row("KBO-nummer", kbo), row("Naam OCMW", name),
                row("Ingediend op", date), row("Ingediend door", "toegangsbeheer@ocmw.be")));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(HEADER));
        rows.addAll(administrators);
        sheets.put("Beheerders", rows);
        if (review != null) {
            sheets.put("Gebruikers", review);
        }
        return sheets;
    }

    record Person(String insz, String lastName, String firstName, String email) {

        List<Object> row(String role, String domain) {
            return Workbooks.row(role, domain, insz, lastName, firstName, email, "NL", "");
        }
    }

    /** The first person the merger's current submissions designate with {@code role}. */
    private static Person designated(String url, String merger, String role) throws Exception {
        String[] row = rows(url, "select a.insz, a.last_name, a.first_name, a.email from submission_administrator a "
                + "join submission s on s.id = a.submission_id where s.merger_id = '" + merger + "' and s.superseded_by is null "
                + "and a.role = '" + role + "' order by s.kbo, a.source_row limit 1").get(0);
        return new Person(row[0], row[1], row[2], row[3]);
    }

    /** The merged OCMW's access as {@code export access} writes it: per domain file, its rows by column name. */
    private static Map<String, List<Map<String, String>>> export(OcmwMergeJar jar, Path dir, String kbo) throws Exception {
        Path out = dir.resolve("export-" + System.nanoTime());
        Run run = jar.run("export", "access", kbo, "--out", out.toString(), "--reason", "test: the merged OCMW after corrections");
        assertThat(run.exitCode()).as(run.output()).isZero();
        Map<String, List<Map<String, String>>> domains = new LinkedHashMap<>();
        try (var files = Files.list(out.resolve(kbo))) {
            for (Path file : files.toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                String[] header = lines.get(0).replace("\uFEFF", "").split(";", -1);
                List<Map<String, String>> rows = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(";", -1);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < header.length; i++) {
                        row.put(header[i], i < cells.length ? cells[i] : "");
                    }
                    rows.add(row);
                }
                domains.put(file.getFileName().toString().replaceAll("\\.csv$", ""), rows);
            }
        }
        return domains;
    }

    private static JsonNode summary(Path file) throws Exception {
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }

    private static String digits(String text) {
        return text == null ? "" : text.replaceAll("[^0-9]", "");
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(String url, String sql) throws Exception {
        return rows(url, sql).stream().map(r -> r[0]).toList();
    }

    private static List<String[]> rows(String url, String sql) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
