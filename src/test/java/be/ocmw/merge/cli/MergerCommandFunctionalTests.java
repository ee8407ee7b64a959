package be.ocmw.merge.cli;

import be.ocmw.merge.sampledata.SampleData;
import be.ocmw.merge.audit.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** plan and apply through the real jar: refusals, a killed apply finished by the next, two applies at once. */
class MergerCommandFunctionalTests {

    /** How far an apply has come: accounts of the merged OCMW (the kbo of pajottegem's target). */
    static final String APPLIED = "select count(*) from account where kbo = '1002209443'";

    /** How far an apply has come with the dossiers: those reopened under the merged OCMW. */
    static final String REOPENED = "select count(*) from dossier where kbo = '1002209443'";

    @TempDir
    Path workDir;

    @Test
    void anApplyKilledTwiceEndsInTheSameStateAsAnUninterruptedOne() throws Exception {
        Database uninterrupted = loaded("whole");
        Run whole = uninterrupted.jar().run("apply", "pajottegem", "--out", "out");
        assertThat(whole.exitCode()).as(whole.output()).isZero();
        uninterrupted.jar().run("export", "access", "1002209443", "--out", "export");
        uninterrupted.jar().run("export", "dossiers", "--out", "export/dossiers.csv");

        Database killed = loaded("killed");
        OcmwMergeJar slow = killed.jar().env("OCMW_APPLY_CHUNK", "10");
        long total = killAfter(slow, killed, APPLIED, 100);
        long afterFirstKill = killed.count(APPLIED);
        killAfter(slow, killed, APPLIED, afterFirstKill + 200);
        long afterSecondKill = killed.count(APPLIED);
        killAfter(slow, killed, REOPENED, 100);
        long reopenedAtThirdKill = killed.count(REOPENED);
        Run resumed = killed.jar().run("apply", "pajottegem", "--out", "out");
        Run again = killed.jar().run("apply", "pajottegem", "--out", "out");
        killed.jar().run("export", "access", "1002209443", "--out", "export");
        killed.jar().run("export", "dossiers", "--out", "export/dossiers.csv");

        assertThat(afterFirstKill).isBetween(1L, total - 1);
        assertThat(afterSecondKill).isBetween(afterFirstKill, total - 1);
        assertThat(reopenedAtThirdKill).isBetween(1L, uninterrupted.count(REOPENED) - 1);
        assertThat(Files.readAllBytes(killed.dir().resolve("export/dossiers.csv")))
                .isEqualTo(Files.readAllBytes(uninterrupted.dir().resolve("export/dossiers.csv")));
        assertThat(again.out()).contains("to_close 0, to_reopen 0");
        String log = Files.readString(killed.dir().resolve(".ocmw/logs/ocmw-merge.log"));
        assertThat(killed.strings("select distinct insz from account where insz is not null "
                + "union select distinct insz from dossier")).isNotEmpty()
                .allSatisfy(insz -> assertThat(log).as("a full INSZ in the log").doesNotContain(insz)
                        .doesNotContain(new be.ocmw.merge.domain.Insz(insz).formatted()));
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(resumed.out()).contains("an interrupted apply was finished").contains("source organisations untouched: true");
        assertThat(again.out()).contains("to_create 0").contains("grants: to_create 0");
        for (String file : List.of("Maatschappelijk Welzijn.csv", "Hoofdtoegangsbeheerders.csv")) {
            assertThat(Files.readAllBytes(killed.dir().resolve("export/1002209443").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(uninterrupted.dir().resolve("export/1002209443").resolve(file)));
        }
        assertThat(killed.count("select count(*) from audit where table_name = 'account' and action = 'INSERT' "
                + "and row_key like '1002209443/%'")).isEqualTo(uninterrupted.count(
                "select count(*) from audit where table_name = 'account' and action = 'INSERT' and row_key like '1002209443/%'"));
    }

    @Test
    void ofTwoAppliesOfTheSameMergerStartedAtOnceOneRunsAndTheOtherIsRefused() throws Exception {
        Database db = loaded("twice");
        OcmwMergeJar slow = db.jar().env("OCMW_APPLY_CHUNK", "1");

        Started one = slow.start("apply", "pajottegem", "--out", "out1");
        Started two = slow.start("apply", "pajottegem", "--out", "out2");
        List<Run> runs = List.of(one.await(), two.await());

        assertThat(runs).extracting(Run::exitCode).containsExactlyInAnyOrder(ExitCode.DONE, ExitCode.FAILED);
        Run refused = runs.stream().filter(r -> r.exitCode() == ExitCode.FAILED).findFirst().orElseThrow();
        assertThat(refused.err()).contains("Another apply of merger pajottegem is under way").contains("changed nothing");
        assertThat(db.count("select count(*) from plan where mode = 'APPLY'")).isEqualTo(1);
    }

    @Test
    void aWrongFingerprintOrABlockedPlanExits4AndAppliesNothing() throws Exception {
        Database db = loaded("refused");

        Run plan = db.jar().run("plan", "pajottegem", "--out", "out");
        Run wrong = db.jar().run("apply", "pajottegem", "--out", "out", "--fingerprint", "sha256:0123");
        db.execute("insert into finding (merger_id, origin, code, severity, detail) "
                + "values ('pajottegem', 'INTAKE', 'HTB_MISSING', 'BLOCKING', 'no HTB')");
        Run blockedPlan = db.jar().run("plan", "pajottegem", "--out", "out");
        Run blockedApply = db.jar().run("apply", "pajottegem", "--out", "out");

        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("READY").contains("fingerprint: sha256:");
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(wrong.err()).contains("no longer the approved one");
        assertThat(blockedPlan.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(blockedPlan.out()).contains("BLOCKED").contains("BLOCKING HTB_MISSING: no HTB");
        assertThat(blockedApply.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(blockedApply.err()).contains("is BLOCKED, so nothing was applied");
        assertThat(db.count("select count(*) from organisation where kbo = '1002209443'")).isZero();
        assertThat(db.dir().resolve("out/pajottegem/summary.json")).exists();
        String status = db.jar().run("status").out();
        assertThat(status).containsPattern("pajottegem\\s+plan\\s+BLOCKED");
        // the run log records the exit code each command returned
        assertThat(db.strings("select command || ' ' || exit_code from run where command in ('plan', 'apply') order by id"))
                .containsExactly("plan 0", "apply 4", "plan 4", "apply 4");
        assertThat(status).contains("exit 4: The plan of pajottegem is BLOCKED");
    }

    @Test
    void anUnknownMergerIsAUsageError() {
        Run run = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", TestDatabase.freshDatabaseUrl())
                .run("plan", "pajotegem", "--out", "out", "--registry", Registries.shipped().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unknown merger 'pajotegem'").contains("pajottegem");
    }

    /** Starts an apply, kills it once {@code progress} counts at least {@code applied}; returns the plan's size. */
    private static long killAfter(OcmwMergeJar jar, Database db, String progress, long applied) throws Exception {
        Started apply = jar.start("apply", "pajottegem", "--out", "out");
        await(() -> db.count(progress) >= applied);
        apply.process().destroyForcibly().waitFor();
        return db.count("select count(*) from plan_change c join plan p on coalesce(p.changes_of, p.id) = c.plan_id where p.mode = 'APPLY'");
    }

    /** A fresh database with the sample data (scaled up, so an apply has thousands of changes) loaded and taken in. */
    private Database loaded(String name) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Files.createDirectories(dir.resolve("jobs"));
        Files.copy(Registries.shipped(), dir.resolve("jobs/mergers-2025.yml"));
        String url = TestDatabase.freshDatabaseUrl();
        OcmwMergeJar jar = OcmwMergeJar.in(dir).env("OCMW_DB_URL", url);
        new SampleData(2025, 10).write(dir.resolve("sample"));
        Run access = jar.run("load", "access", "sample/access");
        Run intake = jar.run("intake", "sample/submissions");
        Run dossiers = jar.run("load", "dossiers", "sample/dossiers.csv");
        Run requests = jar.run("load", "online-requests", "sample/online-requests.csv");
        assertThat(dossiers.exitCode()).as(dossiers.output()).isZero();
        assertThat(requests.exitCode()).as(requests.output()).isZero();
        assertThat(access.exitCode()).as(access.output()).isZero();
        assertThat(intake.exitCode()).as(intake.output()).isZero();
        return new Database(dir, url, jar);
    }

    private static void await(Check check) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!check.ok()) {
            assertThat(Instant.now()).as("waiting for the apply").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private record Database(Path dir, String url, OcmwMergeJar jar) {

        long count(String sql) {
            try (Connection connection = DriverManager.getConnection(url);
                 ResultSet rs = connection.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                return 0;
            }
        }

        List<String> strings(String sql) {
            List<String> values = new java.util.ArrayList<>();
            try (Connection connection = DriverManager.getConnection(url);
                 ResultSet rs = connection.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return values;
        }

        void execute(String sql) throws Exception {
            try (Connection connection = DriverManager.getConnection(url)) {
                connection.createStatement().execute(sql);
            }
        }
    }
}
