package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.SampleWorkflow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consultation log and the audit chain as an operator meets them on the command line: full INSZ only with a
 * reason, each consultation listed with who, when and why, and a trail changed in SQL named row by row.
 */
class AuditCommandFunctionalTests {

    @TempDir
    static Path workDir;

    static String url;
    static OcmwMergeJar jar;

    @BeforeAll
    static void sampleAppliedAsMakeRunDoes() throws Exception {
        url = SampleWorkflow.loadedCopy(workDir);
        jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        SampleWorkflow.applied(jar, "pajottegem");
    }

    @Test
    void fullInszWithoutAReasonIsRefusedAndWithOneIsListedWithWhoWhenAndWhy() throws Exception {
        Run refused = jar.run("plan", "hasselt", "--out", "full", "--full-insz");
        Run exportRefused = jar.run("export", "dossiers", "--out", "dossiers.csv");
        boolean refusedWroteNothing = !Files.exists(workDir.resolve("full")) && !Files.exists(workDir.resolve("dossiers.csv"));
        Run full = jar.run("plan", "hasselt", "--out", "full", "--full-insz", "--reason", "ticket HD-4711: wrong INSZ");
        Run export = jar.run("export", "access", "0212978247", "--out", "export", "--reason", "audit of Gooik", "--by", "an.operator");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("--full-insz needs --reason");
        assertThat(refusedWroteNothing).isTrue();
        assertThat(exportRefused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(exportRefused.err()).contains("--reason").contains("personal data");
        assertThat(full.exitCode()).as(full.output()).isZero();
        assertThat(export.exitCode()).as(export.output()).isZero();

        Run listed = jar.run("audit", "consultations");
        Run csv = jar.run("audit", "consultations", "--from", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).toString(), "--out", "consultations.csv");
        Run xlsx = jar.run("audit", "consultations", "--to", "2000-01-01", "--out", "none.xlsx");

        String osUser = System.getProperty("user.name");
        assertThat(listed.out()).containsPattern("plan --full-insz +hasselt +\\d+ persons +ticket HD-4711: wrong INSZ")
                .contains(osUser + " (OS account)")
                .containsPattern("an\\.operator \\(OS account " + java.util.regex.Pattern.quote(osUser)
                        + "\\) +COMMAND_LINE +export access +\\d+ persons +audit of Gooik");
        assertThat(Files.readString(workDir.resolve("consultations.csv"))).contains("ticket HD-4711").contains("audit of Gooik")
                .contains("id;at;actor;account;channel;what;merger;file;persons;reason;run").contains(";os:" + osUser + ";");
        assertThat(csv.out()).contains("Wrote 2 consultation(s)");
        try (InputStream in = Files.newInputStream(workDir.resolve("none.xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("Consultations").getLastRowNum()).isZero();
        }
        assertThat(xlsx.out()).contains("Wrote 0 consultation(s)");
        // masked plans are not consultations
        assertThat(count("select count(*) from consultation")).isEqualTo(2);
        assertThat(count("select persons from consultation where what = 'plan --full-insz'")).isPositive();
    }

    @Test
    void aTrailChangedDeletedOrAddedToInSqlIsNamedAndVerifyExits4() throws Exception {
        Run untouched = jar.run("audit", "verify");
        assertThat(untouched.exitCode()).as(untouched.output()).isZero();
        assertThat(untouched.out()).contains("match their hash chains");

        long changed = count("select min(id) from audit where table_name = 'account' and action = 'INSERT'");
        // the verifier names the next row of the same transaction (segment): ids of concurrent transactions interleave
        long deleted = count("select min(id) from audit where id > " + changed
                + " and segment = (select segment from audit where id = " + changed + ")");
        long next = count("select min(id) from audit where id > " + deleted
                + " and segment = (select segment from audit where id = " + deleted + ")");
        execute("update audit set after = after || '{\"status\": \"GEBLOKKEERD\", \"tampered\": true}' where id = " + changed);
        Run afterChange = jar.run("audit", "verify");
        execute("delete from audit where id = " + deleted);
        execute("set session_replication_role = replica; insert into audit (run_id, table_name, row_key, action, after) "
                + "select run_id, table_name, row_key, action, after from audit where id = " + next);
        Run afterAll = jar.run("audit", "verify");

        assertThat(afterChange.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(afterChange.out()).contains("First: audit row " + changed + " was changed after it was written");
        assertThat(afterAll.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(afterAll.out()).contains("audit row " + changed + " was changed")
                .contains("missing before audit row " + next).containsPattern("audit row \\d+ was not written through the chain")
                .contains("tell the security officer");
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
