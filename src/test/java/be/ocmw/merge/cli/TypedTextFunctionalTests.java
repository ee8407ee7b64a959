package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.SampleWorkflow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people type on the command line and the engine keeps and shows again (--by, --comment, --reason, searches):
 * refused with exit 2 when it could drive a terminal or is beyond its documented maximum, quoted short, national
 * numbers masked wherever a command line is kept; and no stored value makes a report fail.
 */
class TypedTextFunctionalTests {

    private static final String INSZ = "81.02.16-678.72"; // Lotte Van den Broeck, of Galmaarden (pajottegem)

    @TempDir
    Path workDir;

    String url;

    @Test
    void namesAndTextsWithControlCharactersAreRefusedAndNothingIsRecorded() throws Exception {
        OcmwMergeJar jar = loaded();
        String fingerprint = SampleWorkflow.fingerprint(jar.run("plan", "pajottegem", "--out", "out"));
        String[][] attacks = {
                {"--by", "\u001b[2J\u001b[31mcoordinator"},   // clears the screen, then red
                {"--by", "co\u0007ordinator"},                 // the bell
                {"--by", "coordinator\bX"},                    // backspace over a letter
                {"--comment", "read\nApproved: plan sha256:forged"},  // a forged second line
                {"--comment", "ok\u009b2J"},                   // a C1 control (CSI)
                {"--reason", "r\u007f"},                       // delete (a NUL cannot even be passed as an argument)
        };

        for (String[] attack : attacks) {
            Run approve = jar.run("approve", "pajottegem", "--fingerprint", fingerprint, attack[0], attack[1]);

            assertThat(approve.exitCode()).as(approve.output()).isEqualTo(ExitCode.USAGE);
            assertThat(approve.err()).contains("invisible control character");
            assertThat(approve.output()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\b")
                    .doesNotContain("\u009b").doesNotContain("\u007f");
        }
        assertThat(query("select count(*) from approval")).isEqualTo("0");
        assertThat(query("select count(*) from run where arguments ~ '[\\x01-\\x1f]'")).isEqualTo("0");
    }

    @Test
    void textsBeyondTheirMaximumAreRefusedQuotedShortAndLongStoredValuesStillMakeAReport() throws Exception {
        OcmwMergeJar jar = loaded();
        String fingerprint = SampleWorkflow.fingerprint(jar.run("plan", "pajottegem", "--out", "out"));
        String huge = "x".repeat(100_000);

        List<Run> refused = List.of(
                jar.run("approve", "pajottegem", "--fingerprint", fingerprint, "--comment", huge),
                jar.run("approve", "pajottegem", "--fingerprint", fingerprint, "--by", huge),
                jar.run("approve", "pajottegem", "--fingerprint", huge),
                jar.run("explain", "pajottegem", "--username", huge),
                jar.run("explain", "pajottegem", "--dossier", "0212978247/" + huge),
                jar.run("export", "dossiers", "--out", "d.csv", "--reason", huge));
        for (Run run : refused) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).containsPattern("has 1000\\d\\d characters; at most \\d+ are kept");
            assertThat(run.output().length()).as("quoted short").isLessThan(2_000);
        }
        assertThat(query("select count(*) from approval")).isEqualTo("0");

        // a reason of 100 000 characters kept before texts had a maximum: the report cuts it and says so
        execute("insert into consultation (actor, channel, what, persons, reason) values ('someone', 'COMMAND_LINE', "
                + "'export dossiers', 3, repeat('r', 100000))");
        Run report = jar.run("audit", "consultations", "--out", "consultations.xlsx");

        assertThat(report.exitCode()).as(report.output()).isZero();
        try (InputStream in = Files.newInputStream(workDir.resolve("consultations.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            List<String> cells = new ArrayList<>();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
            assertThat(cells).anySatisfy(cell -> assertThat(cell).startsWith("rrrr").endsWith("(100,000 characters, cut to fit a cell)"));
        }
    }

    @Test
    void commandLinesAreKeptWithNationalNumbersMaskedAndPlanTakesByLikeExport() throws Exception {
        OcmwMergeJar jar = loaded();

        Run explain = jar.run("explain", "pajottegem", "--insz", INSZ, "--reason", "ticket about " + INSZ);
        Run plan = jar.run("plan", "pajottegem", "--out", "out", "--full-insz", "--reason", "checking the copy",
                "--by", "an auditor");
        Run status = jar.run("status");

        assertThat(explain.exitCode()).as(explain.output()).isZero();
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        String digits = INSZ.replaceAll("[^0-9]", "");
        assertThat(query("select string_agg(arguments, ' | ') from run")).contains("--insz 81.02.16-xxx.72")
                .doesNotContain(INSZ).doesNotContain(digits);
        assertThat(query("select string_agg(reason, ' | ') from consultation")).contains("ticket about 81.02.16-xxx.72")
                .doesNotContain(INSZ);
        assertThat(query("select actor from consultation where what like 'plan%'")).isEqualTo("an auditor");
        assertThat(query("select actor from run where command = 'plan' order by id desc limit 1")).isEqualTo("an auditor");
        assertThat(status.out()).doesNotContain(INSZ).doesNotContain(digits);
    }

    private OcmwMergeJar loaded() throws Exception {
        url = SampleWorkflow.loadedCopy(workDir);
        return OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
    }

    private String query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
