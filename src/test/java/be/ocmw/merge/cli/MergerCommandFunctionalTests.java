package be.ocmw.merge.cli;

import be.ocmw.merge.support.Waiting;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.SampleWorkflow;
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
        approved(uninterrupted);
        Run whole = uninterrupted.jar().run("apply", "pajottegem", "--out", "out", "--by", "operator");
        assertThat(whole.exitCode()).as(whole.output()).isZero();
        uninterrupted.jar().run("export", "access", "1002209443", "--out", "export", "--reason", "test: compare with the source");
        uninterrupted.jar().run("export", "dossiers", "--out", "export/dossiers.csv", "--reason", "test: compare with the source");

        Database killed = loaded("killed");
        approved(killed);
        OcmwMergeJar slow = killed.jar().env("OCMW_APPLY_CHUNK", "10");
        long total = killAfter(slow, killed, APPLIED, 100);
        long afterFirstKill = killed.count(APPLIED);
        killAfter(slow, killed, APPLIED, afterFirstKill + 200);
        long afterSecondKill = killed.count(APPLIED);
        killAfter(slow, killed, REOPENED, 100);
        long reopenedAtThirdKill = killed.count(REOPENED);
        Run resumed = killed.jar().run("apply", "pajottegem", "--out", "out", "--by", "operator");
        Run again = killed.jar().run("apply", "pajottegem", "--out", "out", "--by", "operator");
        killed.jar().run("export", "access", "1002209443", "--out", "export", "--reason", "test: compare with the source");
        killed.jar().run("export", "dossiers", "--out", "export/dossiers.csv", "--reason", "test: compare with the source");

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
        approved(db);
        OcmwMergeJar slow = db.jar().env("OCMW_APPLY_CHUNK", "1");

        Started one = slow.start("apply", "pajottegem", "--out", "out1", "--by", "operator");
        Started two = slow.start("apply", "pajottegem", "--out", "out2", "--by", "operator");
        List<Run> runs = List.of(one.await(), two.await());

        assertThat(runs).extracting(Run::exitCode).containsExactlyInAnyOrder(ExitCode.DONE, ExitCode.FAILED);
        Run refused = runs.stream().filter(r -> r.exitCode() == ExitCode.FAILED).findFirst().orElseThrow();
        assertThat(refused.err()).contains("Another apply of merger pajottegem is under way").contains("changed nothing");
        assertThat(db.count("select count(*) from plan where mode = 'APPLY'")).isEqualTo(1);
    }

    @Test
    void withoutAnApprovalByItsApproverOrWithAnotherFingerprintApplyExits4AndChangesNothing() throws Exception {
        Database db = loaded("refused", 1);
        String before = db.digest();

        Run unplanned = db.jar().run("apply", "pajottegem", "--out", "out", "--by", "operator");
        Run plan = db.jar().run("plan", "pajottegem", "--out", "out");
        Run unapproved = db.jar().run("apply", "pajottegem", "--out", "out", "--by", "operator");
        String fingerprint = fingerprint(plan);
        Run approve = db.jar().run("approve", "pajottegem", "--fingerprint", fingerprint, "--by", "an.coordinator",
                "--comment", "gelezen");
        Run byApprover = db.jar().run("apply", "pajottegem", "--out", "out", "--by", "AN.coordinator");
        Run wrong = db.jar().run("apply", "pajottegem", "--out", "out", "--fingerprint", "sha256:0123", "--by", "operator");
        Run status = db.jar().run("status");

        assertThat(unplanned.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(unplanned.err()).contains("has no approved plan").contains("approve pajottegem --fingerprint F");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("READY").contains("fingerprint: sha256:");
        assertThat(unapproved.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(unapproved.err()).contains("has no approved plan").contains(fingerprint);
        assertThat(approve.exitCode()).as(approve.output()).isZero();
        assertThat(approve.out()).contains("Approved: plan " + fingerprint + " of pajottegem by an.coordinator");
        assertThat(byApprover.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(byApprover.err()).contains("Four eyes").contains("another person applies it");
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(wrong.err()).contains("sha256:0123 of pajottegem is not the approved plan").contains("approved by an.coordinator");
        assertThat(db.digest()).as("the organisations' data and its audit trail").isEqualTo(before);
        assertThat(db.count("select count(*) from plan where mode = 'APPLY'")).isZero();
        assertThat(status.out()).containsPattern("pajottegem\\s+APPROVED\\s+approved \\(to apply\\)")
                .contains("approved by an.coordinator");
        assertThat(db.strings("select command || ' ' || exit_code || ' ' || actor from run "
                + "where command in ('plan', 'approve', 'apply') order by id"))
                .containsExactly("apply 4 operator", "plan 0 " + System.getProperty("user.name"), "apply 4 operator",
                        "approve 0 an.coordinator", "apply 4 AN.coordinator", "apply 4 operator");
    }

    @Test
    void anApprovalIsRefusedForABlockedPlanAndForOneWhoseDataChangedAndAnApplyAfterNewDataShowsWhatDiffers() throws Exception {
        Database db = loaded("changed", 1);
        String fingerprint = approved(db);
        // the first of Galmaarden's people by username: the merged account takes its e-mail address from there
        db.execute("update account set email = 'nieuw@galmaarden.be' where kbo = '0212978247' and username = "
                + "(select min(username) from account where kbo = '0212978247' and insz is not null)");
        String before = db.digest();

        Run changed = db.jar().run("apply", "pajottegem", "--out", "out", "--by", "operator");
        Run late = db.jar().run("approve", "pajottegem", "--fingerprint", fingerprint, "--by", "coordinator");
        Run withdraw = db.jar().run("approve", "pajottegem", "--withdraw", "--by", "coordinator", "--comment", "data changed");
        db.execute("insert into finding (merger_id, origin, code, severity, detail) "
                + "values ('pajottegem', 'INTAKE', 'HTB_DISAGREEMENT', 'BLOCKING', 'two HTBs')");
        Run blocked = db.jar().run("plan", "pajottegem", "--out", "out");
        Run blockedApproval = db.jar().run("approve", "pajottegem", "--fingerprint", fingerprint(blocked), "--by", "coordinator");
        Run noFingerprint = db.jar().run("approve", "pajottegem", "--by", "coordinator");

        assertThat(changed.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(changed.err()).contains("no longer the approved one").contains("What changed since the approved plan");
        assertThat(late.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(late.err()).contains("changed since plan " + fingerprint);
        assertThat(withdraw.exitCode()).as(withdraw.output()).isZero();
        assertThat(withdraw.out()).contains("Withdrawn: the approval of plan " + fingerprint);
        assertThat(blocked.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(blockedApproval.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(blockedApproval.err()).contains("is BLOCKED and cannot be approved");
        assertThat(noFingerprint.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noFingerprint.err()).contains("approve needs --fingerprint F");
        assertThat(db.digest()).isEqualTo(before);
        assertThat(db.strings("select action || ' ' || coalesce(after ->> 'approved_by', '') || ' ' || coalesce(after ->> 'withdrawn_by', '') "
                + "|| ' ' || coalesce(after ->> 'comment', '') from audit where table_name = 'approval' order by id"))
                .containsExactly("INSERT coordinator  ", "UPDATE coordinator coordinator data changed");
        assertThat(db.jar().run("status").out()).containsPattern("pajottegem\\s+BLOCKED");
    }

    @Test
    void theWholeFlowTwiceKeepsTheFirstApplysReportsAndWritesTheSecondsBesideThem() throws Exception {
        Database db = loaded("history", 1);
        approved(db);
        Run first = db.jar().run("apply", "pajottegem", "--out", "out", "--by", "operator");
        Path firstReports = reports(db, first);
        String firstContent = be.ocmw.merge.support.ContentDigest.ofFolder(firstReports);

        approved(db);
        Run second = db.jar().run("apply", "pajottegem", "--out", "out", "--by", "operator");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(reports(db, second)).isNotEqualTo(firstReports);
        assertThat(be.ocmw.merge.support.ContentDigest.ofFolder(firstReports)).as("the first apply's reports").isEqualTo(firstContent);
        assertThat(Files.readString(firstReports.resolve("summary.json"))).doesNotContain("\"to_create\" : 0,");
        assertThat(Files.readString(reports(db, second).resolve("summary.json"))).contains("\"to_close\" : 0")
                .contains("\"applied_by\" : \"operator\"").contains("\"approved_by\" : \"coordinator\"");
        assertThat(Files.readString(db.dir().resolve("out/pajottegem/summary.json")))
                .isEqualTo(Files.readString(reports(db, second).resolve("summary.json")));
        try (var folders = Files.list(db.dir().resolve("out/pajottegem"))) {
            assertThat(folders.filter(Files::isDirectory).map(f -> f.getFileName().toString().replaceAll("^\\d+-", "")))
                    .containsExactlyInAnyOrder("apply", "apply");
        }
        assertThat(db.strings("select after ->> 'applied_by' from audit where table_name = 'plan' order by id"))
                .containsExactly("operator", "operator");
    }

    /** The folder of the reports a plan or apply printed ("reports: DIR/summary.json, ..."). */
    private static Path reports(Database db, Run run) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("reports: (\\S+)/summary.json").matcher(run.out());
        assertThat(m.find()).as(run.output()).isTrue();
        return db.dir().resolve(m.group(1));
    }

    /** The fingerprint a plan printed. */
    private static String fingerprint(Run plan) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("fingerprint: (sha256:[0-9a-f]+)").matcher(plan.out());
        assertThat(m.find()).as(plan.output()).isTrue();
        return m.group(1);
    }

    /** pajottegem planned as its data is now and that plan approved by the coordinator; its fingerprint. */
    private static String approved(Database db) {
        Run plan = db.jar().run("plan", "pajottegem", "--out", "plans");
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        Run approve = db.jar().run("approve", "pajottegem", "--fingerprint", fingerprint(plan), "--by", "coordinator");
        assertThat(approve.exitCode()).as(approve.output()).isZero();
        return fingerprint(plan);
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
        Started apply = jar.start("apply", "pajottegem", "--out", "out", "--by", "operator");
        await(() -> db.count(progress) >= applied);
        apply.process().destroyForcibly().waitFor();
        return db.count("select count(*) from plan_change c join plan p on coalesce(p.changes_of, p.id) = c.plan_id where p.mode = 'APPLY'");
    }

    /** A fresh database with the sample data (scaled up, so an apply has thousands of changes) loaded and taken in. */
    private Database loaded(String name) throws Exception {
        return loaded(name, 10);
    }

    /**
     * The same with the sample at {@code scale} (1: the sample of make run, for what needs no thousands of changes): a
     * copy of a database loaded once per scale through the jar, so each test starts from the same loaded data without
     * loading it again.
     */
    private Database loaded(String name, int scale) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(name));
        String url = SampleWorkflow.loadedCopy(dir, scale);
        return new Database(dir, url, OcmwMergeJar.in(dir).env("OCMW_DB_URL", url));
    }

    private static void await(Check check) throws Exception {
        Waiting.until("the apply", Duration.ofSeconds(120), Duration.ofMillis(20), check::ok);
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

        /** The organisations' data and the audit trail of it, as one digest of every row's content. */
        String digest() {
            return be.ocmw.merge.support.ContentDigest.of(org.springframework.jdbc.core.simple.JdbcClient.create(
                    new org.springframework.jdbc.datasource.DriverManagerDataSource(url)), be.ocmw.merge.support.ContentDigest.ORGANISATIONS);
        }

        void execute(String sql) throws Exception {
            try (Connection connection = DriverManager.getConnection(url)) {
                connection.createStatement().execute(sql);
            }
        }
    }
}
