package be.ocmw.merge.intake;

import be.ocmw.merge.reporting.ReportText;

import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.sampledata.SampleData;
import be.ocmw.merge.support.EmptyDatabaseTest;
import be.ocmw.merge.support.Workbooks;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static be.ocmw.merge.support.Workbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

class IntakeTests extends EmptyDatabaseTest {

    static final String DOMAIN = "Maatschappelijk Welzijn";
    static final List<Object> HEADER = row("Rol", "Domein", "INSZ", "Naam", "Voornaam", "E-mailadres", "Taal", "Telefoon");

    @Autowired
    Intake intake;

    @Autowired
    IntakeReports reports;

    @Autowired
    RunLog runs;

    @Test
    void theSampleSubmissionsGiveTheirRowsTheirSupersededOneAndTheirWarnings() {
        new SampleData(2025, 1).write(folder.resolve("sample"));

        IntakeResult result = intake.intake(folder.resolve("sample/submissions"), run());

        assertThat(result.load().files()).hasSize(7);
        // 16 designations and Borsbeek's two review rows, which name accounts of an OCMW whose access is not loaded here
        assertThat(result.load().accepted() + result.load().rejected()).isEqualTo(22);
        assertThat(result.load().rejected()).isEqualTo(6);
        assertThat(result.submissions()).filteredOn(s -> !s.current()).extracting(IntakeResult.Submission::file)
                .containsExactly("pajottegem-gooik-v1.xlsx");
        assertThat(result.submissions()).filteredOn(IntakeResult.Submission::late).extracting(IntakeResult.Submission::file)
                .containsExactly("pajottegem-herne.xlsx");
        assertThat(result.submissions()).filteredOn(s -> s.passwordColumns() != null)
                .extracting(IntakeResult.Submission::passwordColumns).containsExactly("Wachtwoord");
        assertThat(result.findings()).extracting(f -> f.merger() + " " + f.code()).containsExactlyInAnyOrder(
                "hasselt SUBMISSION_MISSING", "pajottegem SUBMISSION_LATE");
        assertThat(result.load().rejections()).extracting(r -> r.sheet() + " " + r.row() + " " + r.column())
                .containsExactly("Gebruikers 2 Gebruikersnaam", "Gebruikers 3 Gebruikersnaam",
                        "Beheerders 4 Domein", "Beheerders 5 INSZ", "Beheerders 6 E-mailadres", "Beheerders 7 Rol");
        assertThat(result.load().rejections().get(0).reason().english()).contains("access of this OCMW is not loaded");
        assertThat(jdbc.sql("select count(*) from submission_administrator").query(Long.class).single()).isEqualTo(16);
        assertThat(jdbc.sql("select count(*) from submission_administrator where email like 'Geheim%' or phone like 'Geheim%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void differentHtbsOrTbsAcrossTheCurrentSubmissionsBlockTheMerger() {
        Path dir = folder.resolve("in");
        submission(dir.resolve("galmaarden.xlsx"), "0212.978.247", LocalDate.of(2024, 11, 5), List.of(
                row("HTB", "", "85.07.30-033.28", "Peeters", "Jan", "jan@x.be", "NL", ""),
                row("TB", DOMAIN, "85073003328", "Peeters", "Jan", "jan@x.be", "NL", "")));
        submission(dir.resolve("gooik.xlsx"), "0212.600.838", LocalDate.of(2024, 11, 6), List.of(
                row("HTB", "", otherInsz(), "Maes", "An", "an@x.be", "NL", ""),
                row("TB", DOMAIN, otherInsz(), "Maes", "An", "an@x.be", "NL", "")));
        submission(dir.resolve("herne.xlsx"), "0212.281.728", LocalDate.of(2024, 11, 7), List.of(
                row("co-HTB", "", "85073003328", "Peeters", "Jan", "jan@x.be", "NL", "")));

        IntakeResult result = intake.intake(dir, run());

        assertThat(result.findings()).extracting(IntakeResult.Finding::code).containsExactly("HTB_DISAGREEMENT",
                "TB_DISAGREEMENT");
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(be.ocmw.merge.finding.Severity.BLOCKING);
            assertThat(f.detail()).contains("85.07.30-xxx.28").doesNotContain("85.07.30-033.28");
        });
        assertThat(result.findings().get(0).detail()).contains("Jan Peeters").contains("An Maes").contains("OCMW Gooik");
    }

    @Test
    void noHtbAnywhereIsBlockingAndALaterSubmissionOfTheSameOcmwReplacesTheEarlierOne() {
        Path dir = folder.resolve("in");
        submission(dir.resolve("hasselt-1.xlsx"), "0212.145.433", LocalDate.of(2024, 11, 5), List.of(
                row("HTB", "", "85073003328", "Peeters", "Jan", "jan@x.be", "NL", "")));
        submission(dir.resolve("hasselt-2.xlsx"), "0212.145.433", LocalDate.of(2024, 11, 9), List.of(
                row("TB", DOMAIN, "85073003328", "Peeters", "Jan", "jan@x.be", "NL", "")));

        IntakeResult result = intake.intake(dir, run());

        assertThat(result.submissions()).extracting(s -> s.file() + " " + s.current())
                .containsExactly("hasselt-1.xlsx false", "hasselt-2.xlsx true");
        assertThat(result.findings()).extracting(IntakeResult.Finding::code)
                .containsExactlyInAnyOrder("HTB_MISSING", "SUBMISSION_MISSING");
    }

    @Test
    void aWorkbookThatCannotBeAttributedOrReadIsRefusedWholeWithItsReason() throws Exception {
        Path dir = folder.resolve("in");
        submission(dir.resolve("stranger.xlsx"), "0212.235.604", LocalDate.of(2024, 11, 5), List.of(
                row("HTB", "", "85073003328", "Peeters", "Jan", "jan@x.be", "NL", "")));
        Workbooks.xlsx(dir.resolve("no-admins.xlsx"), "OCMW", List.of(row("Fusie", "pajottegem"),
                row("KBO-nummer", "0212978247"), row("Ingediend op", "05/11/2024"), row("Ingediend door", "x")));
        Workbooks.xls(dir.resolve("old.xls"), "OCMW", List.of(row("Fusie", "pajottegem")));

        IntakeResult result = intake.intake(dir, run());

        assertThat(result.load().refusedFiles()).extracting(f -> f.name() + ": " + f.problem()).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("no-admins.xlsx").contains("no sheet 'Beheerders'"),
                p -> assertThat(p).startsWith("old.xls").contains("save it as an Excel Workbook (.xlsx)"),
                p -> assertThat(p).startsWith("stranger.xlsx").contains("row 2 (KBO-nummer)")
                        .contains("does not take part in merger pajottegem"));
        assertThat(jdbc.sql("select count(*) from submission").query(Long.class).single()).isZero();
    }

    @Test
    void aWorkbookWithTwoSheetsNamedBeheerdersIsRefusedNamingBoth() throws Exception {
        // Excel does not allow it, other tools do: a second sheet whose name differs only in case
        Path dir = folder.resolve("in");
        Path file = dir.resolve("gooik.xlsx");
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("OCMW", List.of(row("Fusie", "pajottegem"), row("KBO-nummer", "0212.600.838"),
                row("Ingediend op", LocalDate.of(2024, 11, 5)), row("Ingediend door", "iemand@ocmw.be")));
        sheets.put("Beheerders", List.of(HEADER, row("HTB", "", "85073003328", "Peeters", "Jan", "jan@x.be", "NL", "")));
        sheets.put("Xeheerders", List.of(HEADER, row("HTB", "", otherInsz(), "Maes", "An", "an@x.be", "NL", "")));
        Workbooks.xlsx(file, sheets);
        renameSheet(file, "Xeheerders", "beheerders");

        IntakeResult result = intake.intake(dir, run());

        assertThat(result.load().refusedFiles()).extracting(f -> f.name() + ": " + f.problem()).singleElement()
                .satisfies(p -> assertThat(p).startsWith("gooik.xlsx").contains("2 sheets named 'Beheerders'")
                        .contains("'Beheerders', 'beheerders'"));
        assertThat(jdbc.sql("select count(*) from submission").query(Long.class).single()).isZero();
    }

    @Test
    void aHiddenRowIsNotReadAsADesignationAndTheCheckedCopyShowsItWithItsReason() throws Exception {
        // given two submissions that agree on the HTB and the TB, one with a former TB in a row it hid
        Path dir = folder.resolve("in");
        submission(dir.resolve("galmaarden.xlsx"), "0212.978.247", LocalDate.of(2024, 11, 5), List.of(
                row("HTB", "", "85073003328", "Peeters", "Jan", "jan@x.be", "NL", ""),
                row("TB", DOMAIN, "85073003328", "Peeters", "Jan", "jan@x.be", "NL", "")));
        Path gooik = submission(dir.resolve("gooik.xlsx"), "0212.600.838", LocalDate.of(2024, 11, 6), List.of(
                row("HTB", "", "85073003328", "Peeters", "Jan", "jan@x.be", "NL", ""),
                row("TB", DOMAIN, otherInsz(), "Maes", "An", "an@x.be", "NL", ""),
                row("TB", DOMAIN, "85073003328", "Peeters", "Jan", "jan@x.be", "NL", "")));
        hideRow(gooik, "Beheerders", 2);

        // when they are taken in
        IntakeResult result = intake.intake(dir, run());
        List<Path> written = reports.write(result, folder.resolve("out"), ReportText.of(ReportText.DUTCH));

        // then the hidden row is refused with its reason, and designates nobody
        assertThat(result.findings()).extracting(IntakeResult.Finding::code).doesNotContain("TB_DISAGREEMENT");
        assertThat(result.load().rejections()).extracting(r -> r.file() + " " + r.row() + ": " + r.reason()).singleElement()
                .satisfies(r -> assertThat(r).startsWith("gooik.xlsx 3: the row is hidden in Excel, so it was not read"));
        assertThat(jdbc.sql("select count(*) from submission_administrator where last_name = 'Maes'").query(Long.class).single())
                .isZero();
        assertThat(written).contains(folder.resolve("out/gooik.checked.xlsx"));
        try (InputStream in = Files.newInputStream(folder.resolve("out/gooik.checked.xlsx"));
             XSSFWorkbook copy = new XSSFWorkbook(in)) {
            Row hidden = copy.getSheet("Beheerders").getRow(2);
            assertThat(hidden.getZeroHeight()).as("shown in the copy").isFalse();
            assertThat(hidden.getCell(hidden.getLastCellNum() - 1).getStringCellValue()).as("in Dutch, the coordinator's language").contains("verborgen in Excel");
        }
    }

    @Test
    void aSubmissionOfNineThousandBadRowsIsReportedLikeAnyOtherAndItsCheckedCopyWritten() throws Exception {
        // given a submission with one good row and 9 000 rows whose role is wrong
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(row("HTB", "", "85073003328", "Peeters", "Jan", "jan@x.be", "NL", ""));
        for (int i = 0; i < 9000; i++) {
            rows.add(row("Baas", "", "85073003328", "Peeters", "Jan", "jan@x.be", "NL", ""));
        }
        Path dir = folder.resolve("in");
        submission(dir.resolve("galmaarden.xlsx"), "0212.978.247", LocalDate.of(2024, 11, 5), rows);

        // when it is taken in and its reports are written
        IntakeResult result = intake.intake(dir, run());
        List<Path> written = reports.write(result, folder.resolve("out"), ReportText.of(ReportText.DUTCH));

        // then every row is accepted or rejected, and the copy shows each rejected row
        assertThat(result.load().accepted()).isEqualTo(1);
        assertThat(result.load().rejected()).isEqualTo(9000);
        assertThat(written).contains(folder.resolve("out/galmaarden.checked.xlsx"));
        try (InputStream in = Files.newInputStream(folder.resolve("out/galmaarden.checked.xlsx"));
             XSSFWorkbook copy = new XSSFWorkbook(in)) {
            Sheet sheet = copy.getSheet("Beheerders");
            assertThat(sheet.getRow(9001).getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(copy.getNumCellStyles()).isLessThan(100);
        }
    }

    @Test
    void thePasswordsASubmitterTypedInAreInNoCopyNorReport() throws Exception {
        new SampleData(2025, 1).write(folder.resolve("sample"));
        IntakeResult result = intake.intake(folder.resolve("sample/submissions"), run());
        Path out = folder.resolve("out");

        reports.write(result, out, ReportText.of(ReportText.DUTCH));

        // the sample's Herne submission has a Wachtwoord column with a password on every row
        assertThat(unzipped(folder.resolve("sample/submissions/pajottegem-herne.xlsx"))).as("the original").contains("Geheim123");
        try (InputStream in = Files.newInputStream(out.resolve("pajottegem-herne.checked.xlsx")); XSSFWorkbook copy = new XSSFWorkbook(in)) {
            Sheet sheet = copy.getSheet("Beheerders");
            int column = -1;
            for (var cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().startsWith("Wachtwoord")) {
                    column = cell.getColumnIndex();
                    assertThat(cell.getStringCellValue()).contains("leeggemaakt");
                }
            }
            assertThat(column).as("the Wachtwoord column").isNotNegative();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var cell = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(column);
                assertThat(cell == null || cell.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK).as("row " + r).isTrue();
            }
        }
        for (Path file : Files.list(out).toList()) {
            assertThat(unzipped(file)).as(file.getFileName().toString()).doesNotContain("Geheim123");
        }
        assertThat(jdbc.sql("select count(*) from load_file where cast(meta as text) like '%Geheim%'").query(Long.class).single()).isZero();
    }

    /** Every part of a workbook (or a file's text), inflated: what anyone who unzips it can read. */
    private static String unzipped(Path file) throws Exception {
        if (!file.toString().endsWith(".xlsx")) {
            return Files.readString(file);
        }
        StringBuilder all = new StringBuilder();
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                try (InputStream in = zip.getInputStream(entries.nextElement())) {
                    all.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }

    /** Renames a sheet in the workbook's own XML, as a tool other than POI or Excel may name it. */
    private static void renameSheet(Path file, String from, String to) throws Exception {
        Path renamed = file.resolveSibling(file.getFileName() + ".tmp");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(file));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(renamed))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/workbook.xml")) {
                    bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("name=\"" + from + "\"", "name=\"" + to + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(renamed, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Hides a row (0-based) of a sheet, as right-click, Hide does in Excel. */
    private static void hideRow(Path file, String sheet, int row) throws Exception {
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
        try (workbook; var out = Files.newOutputStream(file)) {
            workbook.getSheet(sheet).getRow(row).setZeroHeight(true);
            workbook.write(out);
        }
    }

    @Test
    void takingTheSameWorkbooksInAgainChangesNothing() {
        new SampleData(2025, 1).write(folder.resolve("sample"));
        intake.intake(folder.resolve("sample/submissions"), run());
        long submissions = jdbc.sql("select count(*) from submission").query(Long.class).single();
        long audits = jdbc.sql("select count(*) from audit").query(Long.class).single();

        IntakeResult again = intake.intake(folder.resolve("sample/submissions"), run());

        assertThat(again.load().alreadyLoaded()).isTrue();
        assertThat(jdbc.sql("select count(*) from submission").query(Long.class).single()).isEqualTo(submissions);
        assertThat(jdbc.sql("select count(*) from audit").query(Long.class).single()).isEqualTo(audits);
    }

    @Test
    void theReportsAddUpAndTheAnnotatedCopyShowsEachRejectedRowWithItsReason() throws Exception {
        new SampleData(2025, 1).write(folder.resolve("sample"));
        IntakeResult result = intake.intake(folder.resolve("sample/submissions"), run());
        Path out = folder.resolve("out");

        List<Path> written = reports.write(result, out, ReportText.of(ReportText.DUTCH));

        assertThat(written).hasSize(2 + 7);
        JsonNode summary = JsonMapper.builder().build().readTree(out.resolve("intake-summary.json").toFile());
        assertThat(summary.get("rows").asInt()).isEqualTo(summary.get("accepted").asInt() + summary.get("rejected").asInt());
        assertThat(summary.get("rejections")).hasSize(6);
        assertThat(summary.toString()).doesNotContain("Geheim123");
        try (InputStream in = Files.newInputStream(out.resolve("pajottegem-herne.checked.xlsx"));
             XSSFWorkbook copy = new XSSFWorkbook(in)) {
            Sheet sheet = copy.getSheet("Beheerders");
            int reasonColumn = sheet.getRow(0).getLastCellNum() - 1;
            assertThat(sheet.getRow(0).getCell(reasonColumn).getStringCellValue()).isEqualTo("Reden van afwijzing");
            Row rejected = sheet.getRow(4);
            assertThat(rejected.getCell(reasonColumn).getStringCellValue()).startsWith("INSZ: INSZ '85.07.30-xxx.29'");
            assertThat(rejected.getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            Row accepted = sheet.getRow(1);
            assertThat(accepted.getCell(reasonColumn)).isNull();
            assertThat(accepted.getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
        }
        try (InputStream in = Files.newInputStream(out.resolve("intake-report.xlsx")); XSSFWorkbook report = new XSSFWorkbook(in)) {
            assertThat(report.getSheet("Afgewezen").getLastRowNum()).isEqualTo(6);
            assertThat(report.getSheet("Inzendingen").getLastRowNum()).isEqualTo(7);
            // dates a spreadsheet sorts as dates, KBO numbers as a person writes them, names that fit their column
            Row first = report.getSheet("Inzendingen").getRow(1);
            assertThat(first.getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(first.getCell(2).getStringCellValue()).matches("\\d{4}\\.\\d{3}\\.\\d{3}");
            assertThat(report.getSheet("Inzendingen").getColumnWidth(0) / 256).isGreaterThanOrEqualTo(40);
            assertThat(report.getSheet("Afgewezen").getColumnWidth(4) / 256).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void theTemplateHasTheSheetsTheHeaderAndTheDropdowns() throws Exception {
        Path file = folder.resolve("template.xlsx");

        SubmissionTemplate.write(file);

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook template = new XSSFWorkbook(in)) {
            assertThat(List.of(template.getSheetName(0), template.getSheetName(1), template.getSheetName(2)))
                    .containsExactly("Instructies", "OCMW", "Beheerders");
            Row header = template.getSheet("Beheerders").getRow(0);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                    header.getCell(2).getStringCellValue())).containsExactly("Rol", "Domein", "INSZ");
            var validations = template.getSheet("Beheerders").getDataValidations();
            assertThat(validations).extracting(v -> String.join(",", v.getValidationConstraint().getExplicitListValues()))
                    .containsExactlyInAnyOrder("HTB,co-HTB,TB,co-TB", "NL,FR,DE,EN");
            assertThat(template.getSheet("OCMW").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Fusie");
        }
    }

    private long run() {
        return runs.start("test", "");
    }

    private static String otherInsz() {
        String firstNine = "720615123";
        return firstNine + String.format("%02d", 97 - Long.parseLong(firstNine) % 97);
    }

    private static Path submission(Path file, String kbo, LocalDate submittedOn, List<List<Object>> administrators) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("OCMW", List.of(row("Fusie", kbo.startsWith("0212.145") ? "hasselt" : "pajottegem"),
                row("KBO-nummer", kbo), row("Naam OCMW", "OCMW"), row("Ingediend op", submittedOn),
                row("Ingediend door", "iemand@ocmw.be")));
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(HEADER);
        rows.addAll(administrators);
        sheets.put("Beheerders", rows);
        return Workbooks.xlsx(file, sheets);
    }
}
