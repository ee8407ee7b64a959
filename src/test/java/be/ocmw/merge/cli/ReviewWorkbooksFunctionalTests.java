package be.ocmw.merge.cli;

import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.SampleWorkflow;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC 4.5 through the real jar on real workbooks: {@code template} writes each OCMW's workbook pre-filled from what is
 * loaded; an OCMW fills it in as a person would (POI), including a French spelling, a decision not in the list, an
 * application the account does not have, and a row for an account reloaded away since; {@code intake} takes it in,
 * refusing exactly the bad rows (highlighted in the checked copy); the plan leaves out, blocks and trims exactly the
 * decided accounts, says so in its findings and fingerprint, and {@code explain} names the row behind a decision.
 */
class ReviewWorkbooksFunctionalTests {

    static final String DOMAIN = "Maatschappelijk Welzijn";
    static final String GALMAARDEN = "0212978247";

    @TempDir
    Path workDir;

    String url;

    @Test
    void anOcmwsDecisionsInItsPreFilledWorkbookAreWhatThePlanCopies() throws Exception {
        // given the sample loaded, the submissions of make run taken in, and its plan without any review
        url = SampleWorkflow.loadedCopy(workDir);
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        String before = SampleWorkflow.fingerprint(jar.run("plan", "pajottegem", "--out", "out"));

        // when the pre-filled workbooks are written
        Run template = jar.run("template", "pajottegem", "--out", "tpl");
        assertThat(template.exitCode()).as(template.output()).isZero();
        Path galmaarden = workDir.resolve("tpl/pajottegem/" + GALMAARDEN + "-OCMW Galmaarden.xlsx");
        assertThat(workDir.resolve("tpl/pajottegem")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("0212600838-"))
                .isDirectoryContaining(p -> p.getFileName().toString().startsWith("0212281728-"));

        // then each lists every account of its OCMW as loaded, INSZ masked, and its current administrators
        long accounts = count("select count(*) from live_account where kbo = '" + GALMAARDEN + "'");
        try (XSSFWorkbook workbook = open(galmaarden)) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2), workbook.getSheetName(3)))
                    .containsExactly("Instructies", "OCMW", "Beheerders", "Gebruikers");
            Sheet users = workbook.getSheet("Gebruikers");
            assertThat(users.getLastRowNum()).isEqualTo((int) accounts);
            assertThat(text(users.getRow(0))).startsWith("Domein|Gebruikersnaam|Naam|Voornaam|INSZ|Type|Status|Toepassingen|Suggestie|Beslissing|Toepassingen niet overnemen");
            assertThat(text(workbook.getSheet("OCMW").getRow(1))).contains("0212.978.247");
            assertThat(workbook.getSheet("Beheerders").getLastRowNum()).isPositive();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    assertThat(text(row)).as("no INSZ in full").doesNotContainPattern("\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}|\\d{11}");
                }
            }
        }

        // and says what the engine noticed: a blocked account, an application outside the catalogue (Gooik's sample)
        try (XSSFWorkbook gooik = open(workDir.resolve("tpl/pajottegem/0212600838-OCMW Gooik.xlsx"));
             XSSFWorkbook galmaardens = open(galmaarden)) {
            StringBuilder suggestions = new StringBuilder();
            for (XSSFWorkbook workbook : List.of(gooik, galmaardens)) {
                for (Row row : workbook.getSheet("Gebruikers")) {
                    suggestions.append(row.getCell(8).getStringCellValue()).append('\n');
                }
            }
            assertThat(suggestions.toString()).contains("onbekende toepassing: Oude Toepassing OCMW")
                    .contains("geblokkeerd: nog nodig?");
        }

        // when Galmaarden fills it in and sends it back: three decisions, a French one, and three mistakes
        Path export = workDir.resolve("sample/access/" + GALMAARDEN + "/" + DOMAIN + ".csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
        String reloadedAway = lines.get(lines.size() - 1).split(";")[2];
        List<String[]> chosen = rows("""
                select a.username, a.applications[1] from live_account a
                where a.kbo = '%s' and a.domain = '%s' and a.role = 'USER' and a.status = 'ACTIEF'
                  and cardinality(a.applications) >= 2 and a.insz is not null and a.username <> '%s'
                  and not exists (select 1 from live_account o where o.insz = a.insz and o.kbo <> a.kbo)
                order by a.username limit 6""".formatted(GALMAARDEN, DOMAIN, reloadedAway));
        String notCopied = chosen.get(0)[0];
        String blocked = chosen.get(1)[0];
        String trimmed = chosen.get(2)[0];
        String leftOut = chosen.get(2)[1];
        String notCopiedInFrench = chosen.get(3)[0];
        String wrongDecision = chosen.get(4)[0];
        String wrongApplication = chosen.get(5)[0];
        String[] htb = rows("select a.insz from submission_administrator a join submission s on s.id = a.submission_id "
                + "where s.merger_id = 'pajottegem' and s.superseded_by is null and a.role = 'HTB' limit 1").get(0);
        String[] tb = rows("select a.insz, a.last_name, a.first_name, a.email from submission_administrator a join submission s "
                + "on s.id = a.submission_id where s.merger_id = 'pajottegem' and s.superseded_by is null and a.role = 'TB' limit 1").get(0);
        String[] htbAtGalmaarden = rows("select last_name, first_name, email from live_account where kbo = '" + GALMAARDEN
                + "' and insz = '" + htb[0] + "' limit 1").get(0);
        Path returned = Files.createDirectories(workDir.resolve("returned")).resolve("galmaarden.xlsx");
        try (XSSFWorkbook workbook = open(galmaarden)) {
            Sheet ocmw = workbook.getSheet("OCMW");
            ocmw.getRow(3).getCell(1).setCellValue("14/11/2024");
            ocmw.getRow(4).getCell(1).setCellValue("toegangsbeheer@galmaarden.be");
            // the agreed HTB kept with their INSZ masked, as the workbook gave it; the agreed TB typed in full
            Sheet administrators = workbook.getSheet("Beheerders");
            for (int r = administrators.getLastRowNum(); r >= 1; r--) {
                administrators.removeRow(administrators.getRow(r));
            }
            fill(administrators.createRow(1), "HTB", "", new Insz(htb[0]).masked(), htbAtGalmaarden[0], htbAtGalmaarden[1],
                    htbAtGalmaarden[2], "NL");
            fill(administrators.createRow(2), "TB", DOMAIN, tb[0], tb[1], tb[2], tb[3], "NL");
            Sheet users = workbook.getSheet("Gebruikers");
            decide(users, notCopied, "Niet overnemen", "");
            decide(users, blocked, "Geblokkeerd overnemen", "");
            decide(users, trimmed, "", leftOut);
            decide(users, notCopiedInFrench, "ne pas reprendre", "");
            decide(users, wrongDecision, "Misschien", "");
            decide(users, wrongApplication, "", "Bestaat Niet");
            decide(users, reloadedAway, "Niet overnemen", "");
            try (OutputStream out = Files.newOutputStream(returned)) {
                workbook.write(out);
            }
        }
        // and its access is reloaded without one of those users meanwhile
        lines.remove(lines.size() - 1);
        Path reload = Files.createDirectories(workDir.resolve("reload/" + GALMAARDEN));
        Files.write(reload.resolve(DOMAIN + ".csv"), lines, StandardCharsets.UTF_8);
        assertThat(jar.run("load", "access", "reload").exitCode()).isZero();
        Run intake = jar.run("intake", "returned", "--out", "intake-out");

        // then exactly the three bad rows are refused, with their reasons, and highlighted in the checked copy
        assertThat(intake.exitCode()).as(intake.output()).isZero();
        assertThat(intake.out()).contains("'Misschien'").contains("'Bestaat Niet'").contains("'" + reloadedAway + "'");
        assertThat(count("select count(*) from rejected_row where source_file = 'galmaarden.xlsx' and sheet = 'Gebruikers'")).isEqualTo(3);
        try (XSSFWorkbook checked = open(workDir.resolve("intake-out/galmaarden.checked.xlsx"))) {
            Sheet users = checked.getSheet("Gebruikers");
            List<String> reasons = new ArrayList<>();
            for (Row row : users) {
                String line = text(row);
                if (line.contains("Misschien") || line.contains("Bestaat Niet") || line.contains(reloadedAway + "|")) {
                    reasons.add(line);
                }
            }
            assertThat(reasons).hasSize(3);
            assertThat(String.join("\n", reasons)).contains("Beslissing: ").contains("Toepassingen niet overnemen: ")
                    .contains("Gebruikersnaam: ");
        }

        // and the plan leaves out, blocks and trims exactly those accounts
        Run plan = jar.run("plan", "pajottegem", "--out", "out");
        assertThat(SampleWorkflow.fingerprint(plan)).isNotEqualTo(before);
        var summary = JsonMapper.builder().build().readTree(Files.readString(workDir.resolve("out/pajottegem/summary.json")));
        assertThat(summary.get("status").asString()).as(plan.output()).isEqualTo("READY");
        long latest = count("select max(id) from plan where merger_id = 'pajottegem'");
        assertThat(sources(latest, notCopied)).isZero();
        assertThat(sources(latest, notCopiedInFrench)).isZero();
        assertThat(rows("select detail ->> 'status' from plan_change where plan_id = " + latest
                + " and detail -> 'sources' @> '[\"OCMW Galmaarden: " + blocked + "\"]'").get(0)[0]).isEqualTo("GEBLOKKEERD");
        assertThat(rows("select cast(detail -> 'applications' as text) from plan_change where plan_id = " + latest
                + " and detail -> 'sources' @> '[\"OCMW Galmaarden: " + trimmed + "\"]'").get(0)[0]).doesNotContain(leftOut);
        assertThat(rows("select code || ' ' || subject from finding where plan_id = " + latest + " and code like 'REVIEW%' order by 1")
                .stream().map(r -> r[0]).toList()).containsExactlyInAnyOrder("REVIEW_APPLICATION_LEFT_OUT " + trimmed,
                "REVIEW_COPIED_BLOCKED " + blocked, "REVIEW_NOT_COPIED " + notCopied, "REVIEW_NOT_COPIED " + notCopiedInFrench);

        // and explain names the row behind a decision
        String insz = rows("select insz from live_account where kbo = '" + GALMAARDEN + "' and username = '" + notCopied + "'").get(0)[0];
        Run explained = jar.run("explain", "pajottegem", "--insz", insz, "--lang", "nl");
        assertThat(explained.out()).as(explained.output()).contains("Niet overnemen").contains("galmaarden.xlsx, Gebruikers:");
    }

    /** The decision for {@code username} in the Gebruikers sheet (columns Beslissing and Toepassingen niet overnemen). */
    private static void decide(Sheet users, String username, String decision, String applications) {
        for (Row row : users) {
            if (row.getRowNum() > 0 && username.equals(row.getCell(1).getStringCellValue())) {
                if (!decision.isEmpty()) {
                    row.getCell(9).setCellValue(decision);
                }
                if (!applications.isEmpty()) {
                    row.getCell(10).setCellValue(applications);
                }
                return;
            }
        }
        throw new AssertionError(username + " is not in the workbook");
    }

    private static void fill(Row row, String... values) {
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }

    private long sources(long plan, String username) throws Exception {
        return count("select count(*) from plan_change where plan_id = " + plan
                + " and detail -> 'sources' @> '[\"OCMW Galmaarden: " + username + "\"]'");
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static String text(Row row) {
        List<String> cells = new ArrayList<>();
        if (row == null) {
            return "";
        }
        for (Cell cell : row) {
            cells.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return String.join("|", cells);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String[]> rows(String sql) throws Exception {
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
