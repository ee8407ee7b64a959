package be.ocmw.merge.cli;

import be.ocmw.merge.support.Waiting;
import be.ocmw.merge.sampledata.SampleData;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.TestDatabase;
import be.ocmw.merge.support.Workbooks;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static be.ocmw.merge.support.Workbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

/** The load, export and intake commands through the real jar, on a fresh PostgreSQL database per test. */
class LoadCommandFunctionalTests {

    private static final Pattern TOTAL = Pattern.compile("Total: (\\d+) rows = (\\d+) accepted \\+ (\\d+) rejected");

    @TempDir
    Path workDir;

    String url;
    OcmwMergeJar jar;

    @BeforeEach
    void database() throws Exception {
        url = TestDatabase.freshDatabaseUrl();
        jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        Files.createDirectories(workDir.resolve("jobs"));
        Files.copy(Registries.shipped(), workDir.resolve("jobs/mergers-2025.yml"));
    }

    @Test
    void theSampleWorkflowAccountsForEveryRowOfEveryFile() throws Exception {
        new SampleData(2025, 1).write(workDir.resolve("sample-data"));
        Path sample = workDir.resolve("sample-data");

        Run access = jar.run("load", "access", "sample-data/access");
        Run dossiers = jar.run("load", "dossiers", "sample-data/dossiers.csv");
        Run requests = jar.run("load", "online-requests", "sample-data/online-requests.csv");
        Run intake = jar.run("intake", "sample-data/submissions", "--out", "out/intake");

        for (Run run : List.of(access, dossiers, requests, intake)) {
            assertThat(run.exitCode()).as(run.output()).isZero();
        }
        assertThat(total(access)).containsExactly(dataRows(sample.resolve("access")), total(access)[1], 2);
        assertThat(total(dossiers)[0]).isEqualTo(dataRows(sample.resolve("dossiers.csv"))).isEqualTo(total(dossiers)[1] + 2);
        assertThat(total(requests)[0]).isEqualTo(dataRows(sample.resolve("online-requests.csv")));
        assertThat(total(intake)[0]).isEqualTo(dataRows(sample.resolve("submissions")));
        assertThat(intake.out()).contains("SUBMISSION_LATE").contains("SUBMISSION_MISSING")
                .contains("superseded by a later submission").contains("Wachtwoord");
        assertThat(workDir.resolve("out/intake/intake-summary.json")).exists();
        assertThat(workDir.resolve("out/intake/pajottegem-herne.checked.xlsx")).exists();
        assertThat(String.join("", access.output(), dossiers.output(), intake.output())).doesNotContain("Exception")
                .doesNotContainPattern("\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}");
    }

    @Test
    void loadingOnlineRequestsAuditsEveryRequestItAddsOrChanges() throws Exception {
        Path file = workDir.resolve("requests.csv");
        Files.writeString(file, "reference;submitted_on;kbo;read\nREQ-1;2024-02-07;0212978247;true\n"
                + "REQ-2;2024-02-08;0212978247;false\nREQ-3;2024-02-09;0212684871;false\n");
        Run first = jar.run("load", "online-requests", "requests.csv");
        Files.writeString(file, "reference;submitted_on;kbo;read\nREQ-1;2024-02-07;0212978247;true\n"
                + "REQ-2;2024-02-08;0212978247;true\nREQ-3;2024-02-09;0212684871;false\nREQ-4;2024-03-01;0212684871;false\n");
        Run second = jar.run("load", "online-requests", "requests.csv");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(strings("select action || ' ' || row_key || ' ' || (after ->> 'read') from audit "
                + "where table_name = 'online_request' order by id")).containsExactly(
                "INSERT 0212978247/REQ-1 true", "INSERT 0212978247/REQ-2 false", "INSERT 0212684871/REQ-3 false",
                "UPDATE 0212978247/REQ-2 true", "INSERT 0212684871/REQ-4 false");
        assertThat(strings("select row_key || ' ' || (after ->> 'inserted') || ' ' || (after ->> 'updated') from audit "
                + "where table_name = 'load_file' order by id")).containsExactly("requests.csv 3 0", "requests.csv 1 1");
    }

    private List<String> strings(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void aFileThatCannotBeReadExits3AndLoadsNothingFromIt() throws Exception {
        Files.writeString(workDir.resolve("dossiers.csv"), "reference;type;insz;kbo;begin\nR1;A036;85073003328;0212978247;2024-01-01\n");

        Run run = jar.run("load", "dossiers", "dossiers.csv");
        Run export = jar.run("export", "dossiers", "--out", "export.csv", "--reason", "test: compare with the source");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.out()).contains("dossiers.csv: NOT LOADED").contains("'start_date'");
        assertThat(Files.readAllLines(workDir.resolve("export.csv"))).hasSize(1);
        assertThat(export.exitCode()).isZero();
    }

    @Test
    void aPasswordProtectedExportExits3NamingItWhileTheOtherFilesLoad() throws Exception {
        Path plain = Workbooks.xlsx(workDir.resolve("plain.xlsx"), "Gebruikers", List.of(
                row("Naam", "Voornaam", "Gebruikersnaam", "Type", "INSZ", "Status", "Beveiligde toepassingen"),
                row("Peeters", "Jan", "jpeeters", "USER", "", "Actief", "")));
        Files.createDirectories(workDir.resolve("access/0212978247"));
        Workbooks.encrypted(plain, workDir.resolve("access/0212978247/Maatschappelijk Welzijn.xlsx"), "geheim");
        Files.createDirectories(workDir.resolve("access/0212600838"));
        Files.writeString(workDir.resolve("access/0212600838/Maatschappelijk Welzijn.csv"),
                "Naam;Voornaam;Gebruikersnaam;Type;INSZ;Status;Beveiligde toepassingen\nMaes;An;amaes;USER;;Actief;\n");

        Run run = jar.run("load", "access", "access");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.out()).contains("0212978247/Maatschappelijk Welzijn.xlsx: NOT LOADED")
                .contains("protected with a password").contains("0212600838/Maatschappelijk Welzijn.csv: 1 rows, 1 accepted");
    }

    @Test
    void loadingTwiceChangesNothingAndExportLoadExportRoundTripsByteForByte() throws Exception {
        new SampleData(2025, 1).write(workDir.resolve("sample-data"));
        jar.run("load", "access", "sample-data/access");

        Run again = jar.run("load", "access", "sample-data/access");
        Run first = jar.run("export", "access", "0212.281.728", "--out", "export1", "--reason", "test: compare with the source");
        Run reload = jar.run("load", "access", "export1");
        Run second = jar.run("export", "access", "0212281728", "--out", "export2", "--reason", "test: compare with the source");

        assertThat(again.out()).contains("loaded before: nothing to do");
        assertThat(first.exitCode()).isZero();
        assertThat(reload.out()).contains("(0 new, 0 changed, 30 unchanged)");
        for (String name : List.of("Maatschappelijk Welzijn.csv", "Hoofdtoegangsbeheerders.csv")) {
            assertThat(Files.readAllBytes(workDir.resolve("export2/0212281728").resolve(name)))
                    .isEqualTo(Files.readAllBytes(workDir.resolve("export1/0212281728").resolve(name)));
        }
        assertThat(second.out()).contains("Wrote 30 accounts");
    }

    @Test
    void aLoadKilledHalfWayIsFinishedByRunningTheSameCommandAgain() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Naam", "Voornaam", "Gebruikersnaam", "Type", "INSZ", "Status", "Beveiligde toepassingen"));
        for (int i = 0; i < 60_000; i++) {
            rows.add(row("Peeters" + i, "Jan", "u" + i, "USER", "", i % 10 == 0 ? "Geblokkeerd" : "Actief",
                    "Handiweb|Sociale Agent"));
        }
        rows.add(row("Fout", "Rij", "u0", "USER", "", "Actief", ""));
        Workbooks.xlsx(workDir.resolve("access/0212978247/Maatschappelijk Welzijn.xlsx"), "Gebruikers", rows);

        Started killed = jar.start("load", "access", "access");
        awaitRows("select count(*) from account", 5000);
        killed.process().destroyForcibly().waitFor();
        long before = count("select count(*) from account");
        Run resumed = jar.run("load", "access", "access");

        assertThat(before).as("killed part-way").isBetween(1L, 59_999L);
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(resumed.out()).contains("60001 rows, 60000 accepted").contains("1 rejected");
        assertThat(count("select count(*) from live_account")).isEqualTo(60_000);
        assertThat(count("select count(distinct username) from live_account")).isEqualTo(60_000);
        assertThat(count("select count(*) from rejected_row")).isEqualTo(1);
        assertThat(count("select count(*) from access_snapshot")).isEqualTo(1);
    }

    private void awaitRows(String sql, long atLeast) throws Exception {
        Waiting.until("the load got going", Duration.ofSeconds(90), Duration.ofMillis(50), () -> count(sql) >= atLeast);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }

    private static int[] total(Run run) {
        Matcher matcher = TOTAL.matcher(run.out());
        assertThat(matcher.find()).as(run.out()).isTrue();
        return new int[]{Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))};
    }

    /** Non-empty rows below the header, counted independently of the tool: CSV lines and POI rows. */
    private static int dataRows(Path path) throws Exception {
        if (Files.isDirectory(path)) {
            int sum = 0;
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    sum += dataRows(file);
                }
            }
            return sum;
        }
        if (path.toString().endsWith(".xlsx")) {
            try (InputStream in = Files.newInputStream(path); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                // a submission's rows are those of Beheerders and, when it has one, of Gebruikers (its review)
                List<org.apache.poi.ss.usermodel.Sheet> sheets = new java.util.ArrayList<>();
                if (workbook.getSheet("Beheerders") == null) {
                    sheets.add(workbook.getSheetAt(0));
                } else {
                    sheets.add(workbook.getSheet("Beheerders"));
                    if (workbook.getSheet("Gebruikers") != null) {
                        sheets.add(workbook.getSheet("Gebruikers"));
                    }
                }
                int count = 0;
                for (var sheet : sheets) {
                    for (Row row : sheet) {
                        count += row.getRowNum() > 0 && row.getPhysicalNumberOfCells() > 0 ? 1 : 0;
                    }
                }
                return count;
            }
        }
        byte[] bytes = Files.readAllBytes(path);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return (int) text.lines().skip(1).filter(line -> !line.isBlank()).count();
    }
}
