package be.ocmw.merge.merger.report;

import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.MergerRuns;
import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.merger.model.PlanTask;

import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.support.SampleDataTest;
import be.ocmw.merge.support.Registries;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator reports of the sample mergers, read back as a coordinator would get them: the workbook's
 * sheets and headers, counts that match the summary, INSZ masked, dates as dates, nothing a spreadsheet
 * would execute, and an HTML page with every finding and task, in Dutch and in French.
 */
class PlanReportsTests extends SampleDataTest {

    static final MergerRegistry REGISTRY = RegistryLoader.load(Registries.shipped()).registry();
    static final Pattern FULL_INSZ = Pattern.compile("\\b\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}\\b|\\b\\d{11}\\b");

    @Autowired
    MergerRuns runs;

    @TempDir
    Path folder;

    @BeforeEach
    void sampleData() {
        loadSampleData(folder);
    }

    @Test
    void whatToDoAgreesWithTheGroupAndTheExplanationOfEveryFinding() {
        // given the findings of the three sample plans
        List<be.ocmw.merge.finding.Finding> found = new java.util.ArrayList<>();
        for (String merger : List.of("pajottegem", "hasselt", "antwerpen")) {
            found.addAll(runs.plan(merger(merger), folder.resolve("out"), run()).plan().findings());
        }
        assertThat(found).extracting(be.ocmw.merge.finding.Finding::severity)
                .contains(be.ocmw.merge.finding.Severity.INFO, be.ocmw.merge.finding.Severity.WARNING);

        for (var language : List.of(ReportText.DUTCH, ReportText.FRENCH)) {
            ReportText text = ReportText.of(language);
            String nothing = language == ReportText.DUTCH ? "Niets" : "Rien";
            for (var finding : found) {
                String todo = finding.todo(text);
                if (finding.severity() == be.ocmw.merge.finding.Severity.INFO) {
                    // "for your information, you need not do anything": then the finding does not ask for anything either
                    assertThat(todo).as(finding.code() + " " + finding.message()).startsWith(nothing)
                            .doesNotContain("tenzij", " als ", "sauf", " si ");
                }
                if (finding.message() != null && finding.message().endsWith(".target")
                        && finding.severity() == be.ocmw.merge.finding.Severity.WARNING) {
                    // the merged OCMW's own administrator whom nobody designated: the explanation asks to withdraw the role
                    assertThat(todo).as(finding.message()).doesNotStartWith(nothing);
                }
            }
        }
    }

    @Test
    void thePlanWorkbookHasEverySheetWithCountsThatMatchTheSummaryAndNoFullInsz() throws IOException {
        MergerRuns.Outcome plan = runs.plan(merger("pajottegem"), folder.resolve("out"), run());

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve("out/pajottegem/plan.xlsx")))) {
            assertThat(sheetNames(workbook)).containsExactly("Samenvatting", "Wat het plan wegneemt", "Beheerders", "Gebruikers", "Bevindingen", "Dossiers",
                    "OCMW Online", "Taken", "Afgewezen", "Overgangsfase");
            assertThat(header(workbook.getSheet("Gebruikers"))).startsWith("Domein", "Gebruikersnaam", "Naam", "Voornaam", "INSZ");
            assertThat(workbook.getSheet("Gebruikers").getPaneInformation().isFreezePane()).isTrue();
            var counts = plan.plan().counts();
            assertThat(rows(workbook.getSheet("Gebruikers"))).hasSize(plan.plan().accounts().size());
            assertThat(rows(workbook.getSheet("Dossiers"))).hasSize(counts.get(Count.DOSSIERS_TO_CLOSE)
                    + counts.get(Count.DOSSIERS_AFTER_CUTOVER));
            assertThat(rows(workbook.getSheet("OCMW Online"))).hasSize(counts.get(Count.REQUESTS_TO_RELINK));
            assertThat(rows(workbook.getSheet("Bevindingen"))).hasSize(plan.plan().findings().size());
            assertThat(rows(workbook.getSheet("Taken"))).hasSize(plan.plan().tasks().size());
            assertThat(rows(workbook.getSheet("Afgewezen"))).isNotEmpty();
            assertThat(text(workbook.getSheet("Samenvatting"))).contains("Scenario 1: de OCMW's fusioneren tot een nieuwe organisatie")
                    .contains(plan.plan().fingerprint());
            Cell due = workbook.getSheet("Taken").getRow(1).getCell(1);
            assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
            for (Sheet sheet : workbook) {
                assertThat(FULL_INSZ.matcher(text(sheet)).find()).as("a full INSZ in sheet " + sheet.getSheetName()).isFalse();
            }
            assertThat(text(workbook.getSheet("Gebruikers"))).containsPattern("\\d{2}\\.\\d{2}\\.\\d{2}-xxx\\.\\d{2}");
        }
    }

    @Test
    void inFrenchTheSheetsFindingsAndTasksAreFrenchAndWithFullInszTheNumbersAreWhole() throws IOException {
        MergerRuns.Outcome plan = runs.plan(merger("hasselt"), folder.resolve("out"),
                ReportOptions.full(ReportText.FRENCH, new ReportOptions.Disclosure(OPERATOR, be.ocmw.merge.audit.Consultation.Channel.COMMAND_LINE, "test: a full report")), run());

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve("out/hasselt/plan.xlsx")))) {
            assertThat(sheetNames(workbook)).containsExactly("Synthèse", "Ce que le plan retire", "Gestionnaires", "Utilisateurs", "Constatations",
                    "Dossiers", "CPAS Online", "Tâches", "Rejetés", "Phase de transition");
            assertThat(text(workbook.getSheet("Synthèse"))).contains("Scénario 2 : un CPAS subsiste");
            assertThat(text(workbook.getSheet("Tâches"))).contains("Donnez accès à l'e-Box du CPAS fusionné");
            assertThat(text(workbook.getSheet("Constatations"))).contains("À VÉRIFIER");
            assertThat(text(workbook.getSheet("Utilisateurs"))).containsPattern("\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}")
                    .doesNotContain("-xxx.");
        }
        String html = Files.readString(folder.resolve("out/hasselt/plan.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("lang=\"fr\"").contains("Constatations").contains("NISS sont complets").contains("Sommaire");
        assertThat(plan.plan().findings()).isNotEmpty();
    }

    @Test
    void theHtmlHoldsEveryFindingGroupedByWhatToDoAndEveryTaskWithItsDueDate() throws IOException {
        MergerRuns.Outcome plan = runs.plan(merger("pajottegem"), folder.resolve("out"), run());

        String html = Files.readString(folder.resolve("out/pajottegem/plan.html"), StandardCharsets.UTF_8);
        ReportText dutch = ReportText.of(ReportText.DUTCH);
        // a table of contents: every section reached from the top, and the way back to the merger's page
        List<String> anchors = Pattern.compile("<a href=\"#([a-z-]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
        List<String> sections = Pattern.compile("<h2 id=\"([a-z-]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(anchors).isNotEmpty().isEqualTo(sections);
        assertThat(html).contains("href=\"/mergers/pajottegem\"");
        for (Finding finding : plan.plan().findings()) {
            assertThat(html).as(finding.code()).contains(escaped(finding.detail(dutch)));
        }
        for (PlanTask task : plan.plan().tasks()) {
            assertThat(html).as(task.code()).contains(escaped(ReportRows.taskText(task, plan.plan().merger(), dutch)))
                    .contains(ReportText.values(task.due()).get(0));
        }
        assertThat(html).contains("Nakijken voor of na de uitvoering").contains("Ter informatie")
                .contains("INSZ-nummers zijn gedeeltelijk verborgen");
        assertThat(FULL_INSZ.matcher(html).find()).isFalse();
    }

    @Test
    void aNameThatLooksLikeAFormulaIsNeverExecutedInTheReports() throws IOException {
        jdbc.sql("""
                update account set last_name = '=HYPERLINK("http://evil","klik")', first_name = '+32 2 000 00 00',
                                   email = '@SUM(1+1)'
                where username = (select min(username) from live_account where kbo = '0212978247'
                                  and domain = 'Maatschappelijk Welzijn' and insz is not null)""").update();

        runs.plan(merger("pajottegem"), folder.resolve("out"), run());

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve("out/pajottegem/plan.xlsx")))) {
            List<Cell> cells = new ArrayList<>();
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cells::add)));
            assertThat(cells).noneMatch(cell -> cell.getCellType() == CellType.FORMULA);
            assertThat(cells).filteredOn(cell -> cell.getCellType() == CellType.STRING)
                    .extracting(Cell::getStringCellValue)
                    .noneMatch(value -> !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0)
                    .contains("'=HYPERLINK(\"http://evil\",\"klik\")", "'+32 2 000 00 00", "'@SUM(1+1)");
        }
        assertThat(Files.readString(folder.resolve("out/pajottegem/plan.html"), StandardCharsets.UTF_8))
                .contains("=HYPERLINK(&quot;http://evil&quot;,&quot;klik&quot;)");
    }

    @Test
    void theApplyReportShowsWhatWasDoneBesideWhatThePlanPredicted() throws IOException {
        approve(merger("pajottegem"), folder.resolve("approved"));
        MergerRuns.Outcome applied = runs.apply(merger("pajottegem"), folder.resolve("out"), null, OPERATOR, run());

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve("out/pajottegem/apply.xlsx")))) {
            Sheet summary = workbook.getSheet("Samenvatting");
            assertThat(header(summary)).containsExactly("Wat", "Waarde (bij een uitvoering: gedaan)", "Voorspeld door het plan");
            List<String> reopened = rows(summary).stream().filter(r -> r.get(0).startsWith("Dossiers te heropenen")).findFirst()
                    .orElseThrow();
            String planned = String.valueOf(applied.plan().counts().get(Count.DOSSIERS_TO_REOPEN));
            assertThat(reopened.subList(1, 3)).containsExactly(planned, planned);
            assertThat(text(summary)).contains("Oude OCMW's onaangeroerd").contains("ja")
                    .contains("Goedgekeurd door").contains("coordinator (dashboardgebruiker)").contains("Uitgevoerd door")
                    .contains("operator (dashboardgebruiker)")
                    .doesNotContain("Vier ogen");
        }
        assertThat(applied.plan().findings()).noneMatch(f -> f.code().equals("APPLY_DIFFERS"));
    }

    @Test
    void theApplyReportShowsWhatItsAuditTrailCountedBesideThePlansOwnFiguresAndThePlansFiguresForTheRest() throws IOException {
        // antwerpen (scenario 3): the plan counts administrators and users the merged OCMW has already; the apply's
        // changes touch only some of them, and its audit trail counts what it created and updated
        MergerRuns.Outcome plan = runs.plan(merger("antwerpen"), folder.resolve("plan"), run());
        approveLatest(merger("antwerpen"), plan.plan().fingerprint());
        MergerRuns.Outcome applied = runs.apply(merger("antwerpen"), folder.resolve("out"), null, OPERATOR, run());

        PlanCounts done = PlanCounts.fromJson(cast(JsonMapper.builder().build()
                .readValue(folder.resolve("out/antwerpen/summary.json").toFile(), Map.class).get("done")));
        assertThat(done.values()).as("what the audit trail counts").containsKeys(Count.ACCOUNTS_TO_CREATE, Count.DOSSIERS_TO_CLOSE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve("out/antwerpen/apply.xlsx")))) {
            List<List<String>> rows = rows(workbook.getSheet("Samenvatting"));
            for (Count count : Count.values()) {
                if (!plan.plan().counts().has(count)) {
                    continue;
                }
                String label = ReportText.of(ReportText.DUTCH).get("count." + count.qualifiedKey());
                List<String> row = rows.stream().filter(r -> r.get(0).equals(label)).findFirst().orElseThrow();
                String predicted = String.valueOf(plan.plan().counts().get(count));
                String did = done.has(count) ? String.valueOf(done.get(count)) : predicted;
                assertThat(row.subList(1, 3)).as(label).containsExactly(did, predicted);
            }
        }
        String html = Files.readString(folder.resolve("out/antwerpen/apply.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<th>Gedaan</th>").contains("<th>Voorspeld door het plan</th>");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Object json) {
        return (Map<String, ?>) json;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> header(Sheet sheet) {
        List<String> cells = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> cells.add(cell.getStringCellValue()));
        return cells;
    }

    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(format.formatCellValue(cell)));
            rows.add(cells);
        }
        return rows;
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        DataFormatter format = new DataFormatter();
        sheet.forEach(row -> row.forEach(cell -> text.append(format.formatCellValue(cell)).append('\n')));
        return text.toString();
    }

    private static Merger merger(String id) {
        return REGISTRY.find(id).orElseThrow();
    }
}
