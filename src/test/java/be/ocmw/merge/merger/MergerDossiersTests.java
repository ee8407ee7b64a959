package be.ocmw.merge.merger;

import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.dossiers.DossierExport;
import be.ocmw.merge.dossiers.DossierLoader;
import be.ocmw.merge.online.OnlineRequestLoader;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.support.EmptyDatabaseTest;
import be.ocmw.merge.support.Registries;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC 5.4 and 5.5 through the real loads and {@code export dossiers}: which dossiers are closed on C and
 * reopened on E under the target, per scenario and around the cut-over, and the OCMW Online links.
 */
class MergerDossiersTests extends EmptyDatabaseTest {

    static final String GALMAARDEN = "0212978247";
    static final String GOOIK = "0212600838";
    static final String PAJOTTEGEM = "1002209443";
    static final String HASSELT = "0212145433";
    static final String KORTESSEM = "0212224419";
    static final String ANTWERPEN = "0212235604";
    static final String BORSBEEK = "0212680616";

    @Autowired
    MergerRuns runs;

    @Autowired
    DossierLoader dossiers;

    @Autowired
    OnlineRequestLoader requests;

    @Autowired
    DossierExport export;

    @Autowired
    RunLog runLog;

    @Autowired
    be.ocmw.merge.intake.Intake intake;

    @BeforeEach
    void empty() {
        clean(jdbc);
        // the sample's submissions name each merger's HTB: without one a plan is BLOCKED (SPEC 5)
        new be.ocmw.merge.sampledata.SampleData(2025, 1).write(folder.resolve("sample"));
        intake.intake(folder.resolve("sample/submissions"), runLog.start("test", ""));
    }

    @Test
    void scenario1ClosesEveryRunningDossierOnTheDayBeforeAndReopensItUnderTheNewKbo() throws IOException {
        load("""
                GAL-ENDS-ON-C;INTEGRATIE;%s;%s;2024-01-01;2024-12-31
                GAL-STARTS-ON-C;A036;%s;%s;2024-12-31;
                GAL-STARTS-ON-E;INTEGRATIE;%s;%s;2025-01-01;
                GAL-OPEN;SOCIAAL_ONDERZOEK;%s;%s;2020-03-01;
                GAL-FAR;INTEGRATIE;%s;%s;2023-06-01;2031-12-31
                GAL-LONG-AGO;INTEGRATIE;%s;%s;2009-01-01;2010-12-31
                SAME-1;INTEGRATIE;%s;%s;2024-05-01;
                SAME-1;A036;%s;%s;2024-07-01;2025-03-31
                """, GALMAARDEN, GALMAARDEN, GALMAARDEN, GALMAARDEN, GALMAARDEN, GALMAARDEN, GALMAARDEN, GOOIK);

        approve(merger(Registries.VALID, "pajottegem"), folder.resolve("approved"));
        MergerRuns.Outcome applied = runs.apply(merger(Registries.VALID, "pajottegem"), folder.resolve("out"), null, OPERATOR, run());

        Map<String, String> rows = exported();
        assertThat(rows).containsEntry(GALMAARDEN + "/GAL-ENDS-ON-C", "2024-01-01;2024-12-31;")
                .containsEntry(GALMAARDEN + "/GAL-STARTS-ON-C", "2024-12-31;2024-12-31;")
                .containsEntry(PAJOTTEGEM + "/GAL-STARTS-ON-C", "2025-01-01;;" + GALMAARDEN + "/GAL-STARTS-ON-C")
                .containsEntry(GALMAARDEN + "/GAL-STARTS-ON-E", "2025-01-01;;")
                .containsEntry(GALMAARDEN + "/GAL-OPEN", "2020-03-01;2024-12-31;")
                .containsEntry(PAJOTTEGEM + "/GAL-OPEN", "2025-01-01;;" + GALMAARDEN + "/GAL-OPEN")
                .containsEntry(PAJOTTEGEM + "/GAL-FAR", "2025-01-01;2031-12-31;" + GALMAARDEN + "/GAL-FAR")
                .containsEntry(GALMAARDEN + "/GAL-LONG-AGO", "2009-01-01;2010-12-31;")
                .containsEntry(PAJOTTEGEM + "/SAME-1-" + GALMAARDEN, "2025-01-01;;" + GALMAARDEN + "/SAME-1")
                .containsEntry(PAJOTTEGEM + "/SAME-1-" + GOOIK, "2025-01-01;2025-03-31;" + GOOIK + "/SAME-1")
                .doesNotContainKeys(PAJOTTEGEM + "/GAL-ENDS-ON-C", PAJOTTEGEM + "/GAL-STARTS-ON-E", PAJOTTEGEM + "/GAL-LONG-AGO");
        assertThat(applied.plan().counts().of(Count.Group.DOSSIERS).values())
                .containsExactly(Map.entry(Count.DOSSIERS_TO_CLOSE, 5), Map.entry(Count.DOSSIERS_TO_REOPEN, 5), Map.entry(Count.DOSSIERS_AFTER_CUTOVER, 1));
        assertThat(applied.plan().findings()).filteredOn(f -> f.code().equals("DOSSIER_AFTER_CUTOVER"))
                .singleElement().satisfies(f -> assertThat(f.detail()).contains("GAL-STARTS-ON-E").contains("OCMW Galmaarden"));
        assertThat(audit("UPDATE")).isEqualTo(5);
        assertThat(audit("INSERT")).isEqualTo(5);
        assertThat(applied.sourceBefore()).isEqualTo(applied.sourceAfter());
        List<List<String>> sheet = sheet(folder.resolve("out/pajottegem/apply.xlsx"), "Dossiers");
        assertThat(sheet).hasSize(1 + 5 + 1);
        assertThat(sheet).filteredOn(row -> row.get(2).equals("GAL-FAR")).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo("AFSLUITEN EN HEROPENEN");
            assertThat(row.get(4)).matches("85\\.07\\.30-xxx\\.\\d\\d");
            assertThat(row.subList(6, 12)).containsExactly("31/12/2031", "31/12/2024", be.ocmw.merge.domain.Kbo.format(PAJOTTEGEM), "GAL-FAR", "01/01/2025",
                    "31/12/2031");
        });
        assertThat(sheet).filteredOn(row -> row.get(2).equals("GAL-STARTS-ON-E")).singleElement()
                .satisfies(row -> assertThat(row.get(0)).startsWith("NIET AANGERAAKT"));
    }

    /** A sheet of a written workbook, read back with POI, as text per row. */
    private static List<List<String>> sheet(Path file, String name) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            workbook.getSheet(name).forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(format.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            });
            return rows;
        }
    }

    @Test
    void aSecondApplyClosesAndReopensNothingAndReportsZeros() throws IOException {
        load("""
                GAL-OPEN;SOCIAAL_ONDERZOEK;%s;%s;2020-03-01;
                """, GALMAARDEN);
        approve(merger(Registries.VALID, "pajottegem"), folder.resolve("approved"));
        runs.apply(merger(Registries.VALID, "pajottegem"), folder.resolve("out"), null, OPERATOR, run());
        Map<String, String> once = exported();

        approve(merger(Registries.VALID, "pajottegem"), folder.resolve("approved"));
        MergerRuns.Outcome again = runs.apply(merger(Registries.VALID, "pajottegem"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(exported()).isEqualTo(once);
        assertThat(again.plan().counts().of(Count.Group.DOSSIERS).values()).containsEntry(Count.DOSSIERS_TO_CLOSE, 0).containsEntry(Count.DOSSIERS_TO_REOPEN, 0);
        assertThat(audit("INSERT")).isEqualTo(1);
    }

    @Test
    void scenario2ClosesAndReopensTheRetainedOcmwsOwnDossiersUnderTheSameKboWithAReadableChain() throws IOException {
        load("""
                HAS-1;INTEGRATIE;%s;%s;2023-01-01;
                KOR-1;A036;%s;%s;2024-02-01;2026-06-30
                """, HASSELT, KORTESSEM);

        approve(merger(Registries.VALID, "hasselt"), folder.resolve("approved"));
        runs.apply(merger(Registries.VALID, "hasselt"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(exported()).containsEntry(HASSELT + "/HAS-1", "2023-01-01;2024-12-31;")
                .containsEntry(HASSELT + "/HAS-1-" + HASSELT, "2025-01-01;;" + HASSELT + "/HAS-1")
                .containsEntry(KORTESSEM + "/KOR-1", "2024-02-01;2024-12-31;")
                .containsEntry(HASSELT + "/KOR-1", "2025-01-01;2026-06-30;" + KORTESSEM + "/KOR-1")
                .hasSize(4);
    }

    @Test
    void scenario3LeavesTheRetainedOcmwsDossiersAsTheyAre() throws IOException {
        load("""
                ANT-1;INTEGRATIE;%s;%s;2023-01-01;
                BOR-1;INTEGRATIE;%s;%s;2023-01-01;
                """, ANTWERPEN, BORSBEEK);

        approve(merger(Registries.VALID, "antwerpen"), folder.resolve("approved"));
        runs.apply(merger(Registries.VALID, "antwerpen"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(exported()).containsEntry(ANTWERPEN + "/ANT-1", "2023-01-01;;")
                .containsEntry(BORSBEEK + "/BOR-1", "2023-01-01;2024-12-31;")
                .containsEntry(ANTWERPEN + "/BOR-1", "2025-01-01;;" + BORSBEEK + "/BOR-1")
                .hasSize(3);
    }

    @Test
    void aMergerOnTheSecondOfDecemberClosesOnTheFirstOfDecember() throws IOException {
        String december = Registries.breaking("scenario: 1\n    effective: 2025-01-01",
                "scenario: 1\n    effective: 2025-12-02");
        load("""
                GAL-RUNNING;INTEGRATIE;%s;%s;2025-03-01;
                GAL-ENDS-30-11;INTEGRATIE;%s;%s;2025-03-01;2025-11-30
                GAL-ENDS-01-12;INTEGRATIE;%s;%s;2025-03-01;2025-12-01
                GAL-ENDS-31-12;INTEGRATIE;%s;%s;2025-03-01;2025-12-31
                """, GALMAARDEN, GALMAARDEN, GALMAARDEN, GALMAARDEN);

        approve(merger(december, "pajottegem"), folder.resolve("approved"));
        MergerRuns.Outcome applied = runs.apply(merger(december, "pajottegem"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(applied.plan().merger().closeDate()).hasToString("2025-12-01");
        assertThat(exported()).containsEntry(GALMAARDEN + "/GAL-RUNNING", "2025-03-01;2025-12-01;")
                .containsEntry(PAJOTTEGEM + "/GAL-RUNNING", "2025-12-02;;" + GALMAARDEN + "/GAL-RUNNING")
                .containsEntry(GALMAARDEN + "/GAL-ENDS-01-12", "2025-03-01;2025-12-01;")
                .containsEntry(PAJOTTEGEM + "/GAL-ENDS-31-12", "2025-12-02;2025-12-31;" + GALMAARDEN + "/GAL-ENDS-31-12")
                .doesNotContainKeys(PAJOTTEGEM + "/GAL-ENDS-30-11", PAJOTTEGEM + "/GAL-ENDS-01-12");
    }

    @Test
    void onlineRequestsOfTheDisappearingKbosAreLinkedToTheTargetFromTheEffectiveDateOnce() throws IOException {
        Path file = folder.resolve("requests.csv");
        Files.writeString(file, "reference;submitted_on;kbo;read\n"
                + "R-1;2024-11-03;" + KORTESSEM + ";true\n"
                + "R-2;2025-01-05;" + KORTESSEM + ";false\n"
                + "R-3;2024-10-01;" + HASSELT + ";true\n", StandardCharsets.UTF_8);
        requests.load(file, run());

        approve(merger(Registries.VALID, "hasselt"), folder.resolve("approved"));
        MergerRuns.Outcome applied = runs.apply(merger(Registries.VALID, "hasselt"), folder.resolve("out"), null, OPERATOR, run());
        approve(merger(Registries.VALID, "hasselt"), folder.resolve("approved"));
        MergerRuns.Outcome again = runs.apply(merger(Registries.VALID, "hasselt"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(applied.plan().counts().of(Count.Group.ONLINE_REQUESTS).values()).containsEntry(Count.REQUESTS_TO_RELINK, 2);
        assertThat(again.plan().counts().of(Count.Group.ONLINE_REQUESTS).values()).containsEntry(Count.REQUESTS_TO_RELINK, 0);
        assertThat(jdbc.sql("""
                        select r.reference || ' ' || r.kbo || ' -> ' || l.kbo || ' ' || l.valid_from
                        from online_request r join online_request_link l on l.request_id = r.id order by r.reference""")
                .query(String.class).list())
                .containsExactly("R-1 " + KORTESSEM + " -> " + HASSELT + " 2025-01-01", "R-2 " + KORTESSEM + " -> " + HASSELT + " 2025-01-01");
        assertThat(jdbc.sql("select count(*) from audit where table_name = 'online_request_link'").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aPlanChangesNoDossierAndTheSameDossiersGiveTheSameFingerprint() throws IOException {
        load("""
                GAL-OPEN;SOCIAAL_ONDERZOEK;%s;%s;2020-03-01;
                """, GALMAARDEN);
        Map<String, String> before = exported();

        MergerRuns.Outcome first = runs.plan(merger(Registries.VALID, "pajottegem"), folder.resolve("out"), run());
        MergerRuns.Outcome second = runs.plan(merger(Registries.VALID, "pajottegem"), folder.resolve("out"), run());
        jdbc.sql("update dossier set end_date = date '2025-06-30' where reference = 'GAL-OPEN'").update();
        MergerRuns.Outcome changed = runs.plan(merger(Registries.VALID, "pajottegem"), folder.resolve("out"), run());

        assertThat(first.plan().counts().of(Count.Group.DOSSIERS).values()).containsEntry(Count.DOSSIERS_TO_CLOSE, 1);
        assertThat(second.plan().fingerprint()).isEqualTo(first.plan().fingerprint());
        assertThat(changed.plan().fingerprint()).isNotEqualTo(first.plan().fingerprint());
        assertThat(before).containsEntry(GALMAARDEN + "/GAL-OPEN", "2020-03-01;;");
    }

    /** Loads dossier rows (reference;type;INSZ placeholder;KBO;start;end) through the real CSV load. */
    private void load(String rows, String... kbos) throws IOException {
        StringBuilder csv = new StringBuilder("reference;type;insz;kbo;start_date;end_date\n");
        String[] lines = rows.strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
            csv.append(String.format(lines[i], insz(i), kbos[i])).append('\n');
        }
        Path file = folder.resolve("dossiers.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        dossiers.load(file, run());
    }

    /** The export, as KBO/reference -> start;end;predecessor. */
    private Map<String, String> exported() throws IOException {
        Path file = folder.resolve("export-" + System.nanoTime() + ".csv");
        export.export(file, null);
        Map<String, String> rows = new LinkedHashMap<>();
        Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).forEach(line -> {
            String[] f = Arrays.copyOf(line.split(";", -1), 7);
            rows.put(f[3] + "/" + f[0], f[4] + ";" + f[5] + ";" + f[6]);
        });
        return rows;
    }

    /** Audit rows the merger wrote for dossiers: UPDATE for a closing, INSERT for a reopening. */
    private long audit(String action) {
        return jdbc.sql("""
                        select count(*) from audit where table_name = 'dossier' and action = :a
                          and (jsonb_exists(after, 'successor') or jsonb_exists(after, 'predecessor'))""")
                .param("a", action).query(Long.class).single();
    }

    private static String insz(int i) {
        String nine = String.format("850730%03d", 100 + i);
        return nine + String.format("%02d", 97 - Long.parseLong(nine) % 97);
    }

    private static Merger merger(String registry, String id) {
        Path file = Registries.write(tempDir(), "mergers.yml", registry);
        return RegistryLoader.load(file).registry().find(id).orElseThrow();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("registry");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long run() {
        return runLog.start("test", "");
    }
}
