package be.ocmw.merge.merger;

import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.merger.planning.Planner;

import be.ocmw.merge.access.AccessLoader;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.intake.Intake;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.sampledata.SampleData;
import be.ocmw.merge.support.DatabaseTest;
import be.ocmw.merge.support.Registries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plan and apply of the three sample mergers, one per scenario, on the real loads and intake. */
class MergerRunsTests extends DatabaseTest {

    static final MergerRegistry REGISTRY = RegistryLoader.load(Registries.shipped()).registry();

    @Autowired
    MergerRuns runs;

    @Autowired
    AccessLoader access;

    @Autowired
    Intake intake;

    @Autowired
    RunLog runLog;

    @Autowired
    Planner planner;

    @Autowired
    Approvals approvals;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    @BeforeEach
    void sampleData() {
        sampleData(folder.resolve("sample"));
    }

    private void sampleData(Path sample) {
        clean(jdbc);
        jdbc.sql("delete from plan").update();
        new SampleData(2025, 1).write(sample);
        access.load(sample.resolve("access"), run());
        intake.intake(sample.resolve("submissions"), run());
    }

    @Test
    void planChangesNothingAndTheSameStateGivesTheSameFingerprint() {
        String before = contentDigest();

        MergerRuns.Outcome first = runs.plan(merger("pajottegem"), folder.resolve("out"), run());
        MergerRuns.Outcome second = runs.plan(merger("pajottegem"), folder.resolve("out"), run());

        assertThat(contentDigest()).isEqualTo(before);
        assertThat(first.status()).isEqualTo(PlanStatus.READY);
        assertThat(second.plan().fingerprint()).isEqualTo(first.plan().fingerprint()).startsWith("sha256:");
        assertThat(folder.resolve("out/pajottegem/summary.json")).exists();
        assertThat(folder.resolve("out/pajottegem/plan.xlsx")).exists();
    }

    @Test
    void scenario1CreatesTheMergedOcmwWithOneAccountPerPersonAndOnlyTheDesignatedAdministrators() {
        approve(merger("pajottegem"), folder.resolve("approved"));
        MergerRuns.Outcome applied = runs.apply(merger("pajottegem"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(applied.sourceBefore()).isEqualTo(applied.sourceAfter());
        assertThat(jdbc.sql("select name || ' ' || n.nis || ' ' || n.valid_from from organisation o join organisation_nis n using (kbo) "
                + "where kbo = '1002209443'").query(String.class).single()).isEqualTo("OCMW Pajottegem 23106 2025-01-01");
        String domain = "Maatschappelijk Welzijn";
        long people = jdbc.sql("select count(distinct insz) from live_account where kbo in ('0212978247','0212600838','0212281728') "
                + "and domain = :d and insz is not null").param("d", domain).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from live_account where kbo = '1002209443' and domain = :d and insz is not null")
                .param("d", domain).query(Long.class).single()).isEqualTo(people);
        assertThat(jdbc.sql("select count(*) from (select insz from live_account where kbo = '1002209443' and insz is not null "
                + "group by domain, insz having count(*) > 1) d").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select role from live_account where kbo = '1002209443' and domain = 'Hoofdtoegangsbeheerders' order by role")
                .query(String.class).list()).containsExactly("CO_HTB", "HTB");
        assertThat(jdbc.sql("select count(*) from live_account where kbo = '1002209443' and role in ('TB') ")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit where table_name = 'account' and action = 'INSERT' and row_key like '1002209443/%'")
                .query(Long.class).single()).isEqualTo((long) applied.plan().counts().get(Count.ACCOUNTS_TO_CREATE));
    }

    @Test
    void aPersonInSeveralOcmwsGetsTheUnionOfApplicationsAndIsActiveIfActiveAnywhere() {
        approve(merger("pajottegem"), folder.resolve("approved"));
        runs.apply(merger("pajottegem"), folder.resolve("out"), null, OPERATOR, run());

        List<String> mismatches = jdbc.sql("""
                        select t.username from live_account t
                        where t.kbo = '1002209443' and t.domain = 'Maatschappelijk Welzijn' and t.insz is not null
                          and (t.applications <> array(select distinct x from live_account s, unnest(s.applications) x
                                                       where s.insz = t.insz and s.domain = t.domain
                                                         and s.kbo in ('0212978247','0212600838','0212281728') order by x)
                               or t.status <> (select case when bool_or(s.status = 'ACTIEF') then 'ACTIEF' else 'GEBLOKKEERD' end
                                               from live_account s where s.insz = t.insz and s.domain = t.domain
                                                 and s.kbo in ('0212978247','0212600838','0212281728')))""")
                .query(String.class).list();

        assertThat(mismatches).isEmpty();
    }

    @Test
    void aSecondApplyDoesNothingAndReportsZerosBesideTheFirstOnesReports() throws Exception {
        approve(merger("pajottegem"), folder.resolve("approved"));
        MergerRuns.Outcome first = runs.apply(merger("pajottegem"), folder.resolve("out"), null, OPERATOR, run());
        String before = contentDigest();
        String firstReports = be.ocmw.merge.support.ContentDigest.ofFolder(first.reports());

        MergerRuns.Outcome again = runs.apply(merger("pajottegem"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(contentDigest()).isEqualTo(before);
        assertThat(again.reports()).isNotEqualTo(first.reports());
        assertThat(be.ocmw.merge.support.ContentDigest.ofFolder(first.reports())).as("the first apply's reports").isEqualTo(firstReports);
        assertThat(summary(first.reports().resolve("summary.json")).get("accounts")).isNotEqualTo(
                summary(again.reports().resolve("summary.json")).get("accounts"));
        assertThat(summary(folder.resolve("out/pajottegem/summary.json"))).as("the latest view is the second apply's")
                .isEqualTo(summary(again.reports().resolve("summary.json")));
        assertThat(again.plan().counts().of(Count.Group.ACCOUNTS).values().values()).containsOnly(0);
        assertThat(again.plan().counts().get(Count.GRANTS_TO_CREATE)).isZero();
    }

    @Test
    void newDataAfterAnApplyIsWhatTheNextPlanAndApplyDo() throws Exception {
        approve(merger("pajottegem"), folder.resolve("approved"));
        runs.apply(merger("pajottegem"), folder.resolve("out"), null, OPERATOR, run());
        Path later = folder.resolve("later/0212978247");
        java.nio.file.Files.createDirectories(later);
        String existing = jdbc.sql("select username || ';' || insz from live_account where kbo = '0212978247' "
                + "and domain = 'Maatschappelijk Welzijn' and insz is not null and not ('Handiweb' = any(applications)) "
                + "and status = 'ACTIEF' order by username limit 1").query(String.class).single();
        String username = existing.split(";")[0];
        StringBuilder export = new StringBuilder("Naam;Voornaam;Gebruikersnaam;Type;INSZ;Status;Beveiligde toepassingen\n");
        jdbc.sql("select last_name, first_name, username, insz, status, array_to_string(applications, '|') from live_account "
                + "where kbo = '0212978247' and domain = 'Maatschappelijk Welzijn' order by username").query(rs -> {
            String apps = rs.getString(6) + (rs.getString(3).equals(username) ? "|Handiweb" : "");
            export.append(String.join(";", rs.getString(1), rs.getString(2), rs.getString(3), "USER",
                    rs.getString(4) == null ? "" : rs.getString(4), rs.getString(5).equals("ACTIEF") ? "Actief" : "Geblokkeerd",
                    apps)).append("\n");
        });
        export.append("Nieuw;Iemand;nieuw1;USER;").append(insz("760101123")).append(";Actief;PrimaWeb\n");
        java.nio.file.Files.writeString(later.resolve("Maatschappelijk Welzijn.csv"), export.toString());
        access.load(folder.resolve("later"), run());

        MergerRuns.Outcome plan = runs.plan(merger("pajottegem"), folder.resolve("out"), run());
        approveLatest(merger("pajottegem"), plan.plan().fingerprint());
        MergerRuns.Outcome applied = runs.apply(merger("pajottegem"), folder.resolve("out"), plan.plan().fingerprint(), OPERATOR, run());

        assertThat(plan.plan().changes()).extracting(c -> c.kind() + " " + c.detail().get("username"))
                .contains("CREATE_ACCOUNT nieuw1").anySatisfy(c -> assertThat(c).startsWith("UPDATE_ACCOUNT"));
        assertThat(applied.plan().counts().get(Count.ACCOUNTS_TO_CREATE)).isEqualTo(1);
        assertThat(applied.sourceBefore()).isEqualTo(applied.sourceAfter());
        assertThat(jdbc.sql("select count(*) from live_account where kbo = '1002209443' and username = 'nieuw1'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from live_account where kbo = '1002209443' and insz = :insz and 'Handiweb' = any(applications)")
                .param("insz", existing.split(";")[1]).query(Long.class).single()).isEqualTo(1);
    }

    private static String insz(String firstNine) {
        return firstNine + String.format("%02d", 97 - Long.parseLong(firstNine) % 97);
    }

    @Test
    void scenario2GivesTheRetainedOcmwItsNewNisFromTheEffectiveDateAndKeepsTheOld() {
        long retainedBefore = jdbc.sql("select count(*) from live_account where kbo = '0212145433'").query(Long.class).single();
        approve(merger("hasselt"), folder.resolve("approved"));
        runs.apply(merger("hasselt"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(jdbc.sql("select nis || ' ' || valid_from || ' ' || coalesce(cast(valid_until as text), '-') from organisation_nis "
                + "where kbo = '0212145433' order by valid_from").query(String.class).list())
                .containsExactly("71022 -infinity 2025-01-01", "71072 2025-01-01 -");
        // the retained OCMW keeps its accounts and gets Kortessem's people who had none there
        assertThat(jdbc.sql("select count(*) from live_account where kbo = '0212145433'").query(Long.class).single())
                .isGreaterThan(retainedBefore);
    }

    @Test
    void scenario3ChangesNoNumberAndSuggestsCleanUps() {
        MergerRuns.Outcome plan = runs.plan(merger("antwerpen"), folder.resolve("out"), run());
        approveLatest(merger("antwerpen"), plan.plan().fingerprint());
        runs.apply(merger("antwerpen"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(plan.plan().changes()).noneMatch(c -> c.kind().name().equals("SET_NIS") || c.kind().name().equals("CREATE_ORGANISATION"));
        assertThat(plan.plan().findings()).extracting(Finding::code).contains("CLEANUP_BLOCKED_ACCOUNTS");
        assertThat(jdbc.sql("select count(*) from organisation_nis").query(Long.class).single()).isZero();
    }

    @Test
    void aBlockedPlanOrAnotherFingerprintIsRefusedAndChangesNothing() {
        jdbc.sql("""
                insert into finding (merger_id, origin, code, severity, detail)
                values ('hasselt', 'INTAKE', 'HTB_DISAGREEMENT', 'BLOCKING', 'two HTBs')""").update();
        MergerRuns.Outcome blocked = runs.plan(merger("hasselt"), folder.resolve("out"), run());
        String before = contentDigest();

        assertThat(approvals.approve(merger("hasselt"), blocked.plan().fingerprint(), COORDINATOR, null, run()))
                .isInstanceOfSatisfying(Approvals.Result.Refused.class, r -> assertThat(r.reason().english()).contains("BLOCKED"));
        assertThatThrownBy(() -> runs.apply(merger("hasselt"), folder.resolve("out"), null, OPERATOR, run()))
                .isInstanceOf(PlanRefusedException.class).hasMessageContaining("no approved plan");
        assertThatThrownBy(() -> runs.apply(merger("hasselt"), folder.resolve("out"), blocked.plan().fingerprint(), OPERATOR, run()))
                .isInstanceOf(PlanRefusedException.class).hasMessageContaining("no approved plan");
        assertThat(contentDigest()).isEqualTo(before);
        MergerRuns.Outcome approved = runs.plan(merger("antwerpen"), folder.resolve("out"), run());
        approveLatest(merger("antwerpen"), approved.plan().fingerprint());
        jdbc.sql("update account set applications = '{}' where kbo = '0212680616' and username = (select min(username) from "
                + "live_account where kbo = '0212680616' and cardinality(applications) > 0)").update();
        before = contentDigest();
        assertThatThrownBy(() -> runs.apply(merger("antwerpen"), folder.resolve("out"), approved.plan().fingerprint(), OPERATOR, run()))
                .isInstanceOf(PlanRefusedException.class).hasMessageContaining("no longer the approved one")
                .hasMessageContaining("What changed since the approved plan");
        assertThat(jdbc.sql("select count(*) from plan where mode = 'APPLY'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from organisation_nis").query(Long.class).single()).isZero();
        assertThat(contentDigest()).isEqualTo(before);
    }

    @Test
    void anInterruptedApplyIsFinishedFromItsStoredPlanAndNotReplacedByAnotherOne() {
        MergerRuns.Outcome plan = runs.plan(merger("pajottegem"), folder.resolve("out"), run());
        long planId = jdbc.sql("select id from plan where fingerprint = :f").param("f", plan.plan().fingerprint())
                .query(Long.class).single();
        // an apply that stored its plan and then died before its job ran
        jdbc.sql("""
                insert into plan (merger_id, mode, status, fingerprint, summary, created_by_run)
                select merger_id, 'APPLY', 'READY', fingerprint,
                       jsonb_build_object('fingerprint', fingerprint, 'source_fingerprint_before', :before), created_by_run
                from plan where id = :id""")
                .param("before", plan.sourceBefore()).param("id", planId).update();
        jdbc.sql("""
                insert into plan_change (plan_id, seq, kind, target_kbo, domain, subject, detail)
                select (select max(id) from plan), seq, kind, target_kbo, domain, subject, detail
                from plan_change where plan_id = :id""").param("id", planId).update();

        assertThatThrownBy(() -> runs.apply(merger("pajottegem"), folder.resolve("out"), "sha256:other", OPERATOR, run()))
                .isInstanceOf(PlanRefusedException.class).hasMessageContaining("must be finished first");
        MergerRuns.Outcome resumed = runs.apply(merger("pajottegem"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.plan().fingerprint()).isEqualTo(plan.plan().fingerprint());
        assertThat(jdbc.sql("select count(*) from live_account where kbo = '1002209443'").query(Long.class).single())
                .isEqualTo((long) plan.plan().counts().get(Count.ACCOUNTS_TO_CREATE));
        assertThat(jdbc.sql("select count(*) from plan where mode = 'APPLY' and status = 'APPLIED'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aPlannedChangeThatDidNotLandFailsTheApplyAndTheNextApplyFinishesIt() {
        Merger merger = merger("pajottegem");
        MergerRuns.Outcome plan = runs.plan(merger, folder.resolve("out"), run());
        approveLatest(merger, plan.plan().fingerprint());
        PlanChange created = plan.plan().changes().stream().filter(c -> c.kind().name().equals("CREATE_ACCOUNT")).findFirst()
                .orElseThrow();
        String username = (String) created.detail().get("username");
        // something beside the apply silently swallows one of its inserts: the check at the end of the job must see it
        jdbc.sql("create function swallow_insert() returns trigger language plpgsql as $$ begin return null; end $$").update();
        jdbc.sql("create trigger swallow_insert before insert on account for each row when (new.username = '" + username
                + "' and new.domain = '" + created.domain() + "') execute function swallow_insert()").update();
        try {
            assertThatThrownBy(() -> runs.apply(merger, folder.resolve("out"), plan.plan().fingerprint(), OPERATOR, run()))
                    .isInstanceOf(be.ocmw.merge.batch.JobFailedException.class)
                    .hasMessageContaining("1 planned change(s) are not in place after the apply");
            assertThat(jdbc.sql("select status from plan where mode = 'APPLY'").query(String.class).single()).isEqualTo("READY");
        } finally {
            jdbc.sql("drop trigger swallow_insert on account").update();
            jdbc.sql("drop function swallow_insert()").update();
        }

        MergerRuns.Outcome finished = runs.apply(merger, folder.resolve("out"), null, OPERATOR, run());

        assertThat(finished.resumed()).isTrue();
        assertThat(jdbc.sql("select count(*) from live_account where kbo = :kbo and domain = :domain and username = :username")
                .param("kbo", merger.target().kbo().digits()).param("domain", created.domain()).param("username", username)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select status from plan where mode = 'APPLY'").query(String.class).single()).isEqualTo("APPLIED");
    }

    @Test
    void anApprovedPlanWhoseDataDidNotChangeIsExecutedAsStoredWithTheResultOfComputingItAgain() throws Exception {
        // Hasselt (scenario 2): accounts created and accounts of the retained OCMW updated
        approve(merger("hasselt"), folder.resolve("approved"));
        // a plan whose inputs are not known (they changed while it was computed) is computed again by its apply
        jdbc.sql("update plan set input_digest = null where mode = 'PLAN'").update();
        MergerRuns.Outcome computed = runs.apply(merger("hasselt"), folder.resolve("computed"), null, OPERATOR, run());
        List<String> computedAccounts = targetAccounts("hasselt");
        Map<String, List<String>> computedReport = sheets(folder.resolve("computed/hasselt/apply.xlsx"));
        sampleData(folder.resolve("sample-again"));

        MergerRuns.Outcome plan = runs.plan(merger("hasselt"), folder.resolve("stored"), run());
        approveLatest(merger("hasselt"), plan.plan().fingerprint());
        MergerRuns.Outcome stored = runs.apply(merger("hasselt"), folder.resolve("stored"), plan.plan().fingerprint(), OPERATOR, run());

        assertThat(computed.asStored()).isFalse();
        assertThat(stored.asStored()).isTrue();
        // the apply executed the approved plan's own rows: it did not copy them, and started from its sources' proof
        Map<String, Object> approved = jdbc.sql("select id, source_fingerprint from plan where mode = 'PLAN' order by id desc limit 1")
                .query().singleRow();
        Map<String, Object> apply = jdbc.sql("select id, changes_of from plan where mode = 'APPLY' order by id desc limit 1")
                .query().singleRow();
        assertThat(apply.get("changes_of")).isEqualTo(approved.get("id"));
        assertThat(jdbc.sql("select count(*) from plan_change where plan_id = :id").param("id", apply.get("id"))
                .query(Long.class).single()).isZero();
        assertThat(stored.sourceBefore()).isEqualTo(approved.get("source_fingerprint"));
        assertThat(stored.plan().fingerprint()).isEqualTo(computed.plan().fingerprint());
        assertThat(targetAccounts("hasselt")).isEqualTo(computedAccounts).isNotEmpty();
        assertThat(stored.plan().counts()).isEqualTo(computed.plan().counts());
        assertThat(stored.plan().counts().get(Count.ACCOUNTS_TO_UPDATE)).isPositive();
        assertThat(stored.sourceAfter()).isEqualTo(stored.sourceBefore());
        Map<String, List<String>> storedReport = sheets(folder.resolve("stored/hasselt/apply.xlsx"));
        assertThat(storedReport.keySet()).isEqualTo(computedReport.keySet());
        for (String sheet : List.of("Beheerders", "Gebruikers", "Bevindingen", "Dossiers", "OCMW Online", "Taken", "Overgangsfase")) {
            assertThat(storedReport.get(sheet)).as(sheet).isEqualTo(computedReport.get(sheet));
        }
        assertThat(runs.apply(merger("hasselt"), folder.resolve("stored"), null, OPERATOR, run()).plan().counts().get(Count.ACCOUNTS_TO_CREATE)).as("a second apply").isZero();
    }

    @Test
    void anApplyStoppedAfterItsJobAndBeforeItsReportsIsReportedByTheNextApplyOfTheApprovedFingerprint() throws Exception {
        // given: the reports of an apply of the approved plan that nothing interrupted
        Merger hasselt = merger("hasselt");
        String approved = runs.plan(hasselt, folder.resolve("whole"), run()).plan().fingerprint();
        approveLatest(hasselt, approved);
        runs.apply(hasselt, folder.resolve("whole"), approved, OPERATOR, run());
        Map<String, List<String>> wholeReport = sheets(folder.resolve("whole/hasselt/apply.xlsx"));
        Map<String, Object> wholeSummary = summary(folder.resolve("whole/hasselt/summary.json"));
        // and, on the same data loaded again, an apply whose job completed and whose process stopped before its
        // reports (here: they cannot be written), leaving the plan's summary and a part of its workbook
        sampleData(folder.resolve("sample-again"));
        Path out = folder.resolve("out");
        assertThat(runs.plan(hasselt, out, run()).plan().fingerprint()).isEqualTo(approved);
        approveLatest(hasselt, approved);
        Path unwritable = java.nio.file.Files.writeString(folder.resolve("a-file-not-a-folder"), "");
        assertThatThrownBy(() -> runs.apply(hasselt, unwritable, approved, OPERATOR, run())).isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("select status from plan where mode = 'APPLY'").query(String.class).single()).isEqualTo("APPLIED");
        long applyPlan = jdbc.sql("select id from plan where mode = 'APPLY'").query(Long.class).single();
        Path part = out.resolve("hasselt").resolve(String.format("%06d-apply", applyPlan)).resolve("apply.xlsx.part");
        java.nio.file.Files.createDirectories(part.getParent());
        java.nio.file.Files.writeString(part, "half a workbook");
        String done = contentDigest();

        // when the operator runs the same apply again
        MergerRuns.Outcome again = runs.apply(hasselt, out, approved, OPERATOR, run());

        // then nothing is applied again, and the reports are those of the apply that was done
        assertThat(contentDigest()).isEqualTo(done);
        assertThat(again.reportedLate()).isTrue();
        assertThat(again.plan().fingerprint()).isEqualTo(approved);
        assertThat(again.sourceAfter()).isEqualTo(again.sourceBefore());
        assertThat(part).doesNotExist();
        assertThat(out.resolve("hasselt/apply.html")).exists();
        Map<String, List<String>> report = sheets(out.resolve("hasselt/apply.xlsx"));
        assertThat(report.keySet()).isEqualTo(wholeReport.keySet());
        for (String sheet : List.of("Beheerders", "Gebruikers", "Bevindingen", "Dossiers", "OCMW Online", "Taken", "Overgangsfase")) {
            assertThat(report.get(sheet)).as(sheet).isEqualTo(wholeReport.get(sheet));
        }
        Map<String, Object> summary = summary(out.resolve("hasselt/summary.json"));
        for (String key : List.of("mode", "status", "fingerprint", "accounts", "grants", "dossiers", "online_requests",
                "done", "sources_untouched")) {
            assertThat(summary.get(key)).as(key).isEqualTo(wholeSummary.get(key));
        }
        assertThat(summary.get("status")).isEqualTo("APPLIED");
        @SuppressWarnings("unchecked")
        Map<String, Object> accounts = (Map<String, Object>) summary.get("accounts");
        assertThat((Integer) accounts.get("to_create")).isPositive();
        // and once reported, the next apply is an ordinary second apply: zeros, nothing done
        MergerRuns.Outcome third = runs.apply(hasselt, folder.resolve("third"), null, OPERATOR, run());
        assertThat(third.reportedLate()).isFalse();
        assertThat(third.plan().counts().get(Count.ACCOUNTS_TO_CREATE)).isZero();
        assertThat(contentDigest()).isEqualTo(done);
    }

    @Test
    void aPlanWhoseDataChangedSinceIsComputedAgainAndAnApprovedOneRefused() {
        MergerRuns.Outcome plan = runs.plan(merger("pajottegem"), folder.resolve("out"), run());
        assertThat(jdbc.sql("select input_digest from plan where mode = 'PLAN'").query(String.class).single()).startsWith("sha256:");
        approveLatest(merger("pajottegem"), plan.plan().fingerprint());
        jdbc.sql("update account set email = 'nieuw@galmaarden.be' where kbo = '0212978247' and username = "
                + "(select min(username) from live_account where kbo = '0212978247' and insz is not null)").update();

        assertThatThrownBy(() -> runs.apply(merger("pajottegem"), folder.resolve("out"), plan.plan().fingerprint(), OPERATOR, run()))
                .isInstanceOf(PlanRefusedException.class).hasMessageContaining("no longer the approved one");
        assertThatThrownBy(() -> runs.apply(merger("pajottegem"), folder.resolve("out"), null, OPERATOR, run()))
                .as("without --fingerprint it is the approved plan too").isInstanceOf(PlanRefusedException.class)
                .hasMessageContaining("no longer the approved one");
        String again = approve(merger("pajottegem"), folder.resolve("approved"));
        MergerRuns.Outcome applied = runs.apply(merger("pajottegem"), folder.resolve("out"), null, OPERATOR, run());

        assertThat(again).isNotEqualTo(plan.plan().fingerprint());
        assertThat(applied.plan().fingerprint()).isEqualTo(again);
    }

    @Test
    void theInputDigestChangesWithEveryKindOfRowThePlanReads() {
        Merger merger = merger("pajottegem");
        List<String> changes = List.of(
                "update account set email = 'x@y.be' where kbo = '0212978247' and username = (select min(username) from live_account where kbo = '0212978247')",
                "update submission_administrator set phone = null, email = 'z@y.be' where source_row = (select min(source_row) from submission_administrator)",
                "insert into finding (merger_id, origin, code, severity, detail) values ('pajottegem', 'INTAKE', 'X', 'INFO', 'x')",
                "insert into known_application (domain, name) values ('Maatschappelijk Welzijn', 'Nieuwe toepassing')",
                "update access_snapshot set status = 'REPLACED' where status = 'CURRENT' and kbo = '0212600838'",
                "insert into organisation (kbo, name) values ('1002209443', 'OCMW Pajottegem')",
                "insert into organisation_nis (kbo, nis) values ('1002209443', '23106')",
                "insert into dossier (kbo, reference, type, insz, start_date) values ('0212978247', 'R-1', 'A036', '85073003328', '2024-01-01')",
                "insert into dossier (kbo, reference, type, insz, start_date, predecessor_id) select '1002209443', 'R-1', 'A036', insz, '2025-01-01', id from dossier where reference = 'R-1'",
                "insert into online_request (reference, submitted_on, kbo, read) values ('O-1', '2024-12-01', '0212978247', false)",
                "insert into online_request_link (request_id, kbo, valid_from) select id, '1002209443', '2025-01-01' from online_request where reference = 'O-1'");
        java.util.Set<String> seen = new java.util.HashSet<>();
        seen.add(planner.inputDigest(merger));
        assertThat(planner.inputDigest(merger)).as("the same data, the same digest").isIn(seen);
        for (String change : changes) {
            jdbc.sql(change).update();
            assertThat(seen.add(planner.inputDigest(merger))).as(change).isTrue();
        }
        assertThat(planner.inputDigest(merger("antwerpen"))).isNotIn(seen);
    }

    /** The merged OCMW's accounts as export access shows them, in a stable order. */
    private List<String> targetAccounts(String id) {
        return jdbc.sql("""
                        select concat_ws('|', domain, username, last_name, first_name, role, insz, status, email, language,
                                         array_to_string(applications, ','))
                        from live_account where kbo = :kbo order by domain, username""")
                .param("kbo", merger(id).target().kbo().digits()).query(String.class).list();
    }

    /** Every sheet but the summary as text rows (the summary carries the run's own time). */
    private static Map<String, List<String>> sheets(Path file) throws Exception {
        Map<String, List<String>> sheets = new java.util.LinkedHashMap<>();
        DataFormatter format = new DataFormatter();
        try (var in = java.nio.file.Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                List<String> rows = new java.util.ArrayList<>();
                for (Row row : sheet) {
                    StringBuilder line = new StringBuilder();
                    row.forEach(cell -> line.append(format.formatCellValue(cell)).append('|'));
                    rows.add(line.toString());
                }
                sheets.put(sheet.getSheetName(), rows);
            }
        }
        return sheets;
    }

    /** The organisations' data and the audit trail, as one digest of every row's content. */
    private String contentDigest() {
        return be.ocmw.merge.support.ContentDigest.of(jdbc, be.ocmw.merge.support.ContentDigest.ORGANISATIONS);
    }

    private static Map<String, Object> summary(Path file) throws Exception {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(file.toFile(),
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }

    private static Merger merger(String id) {
        return REGISTRY.find(id).orElseThrow();
    }

    private long run() {
        return runLog.start("test", "");
    }

}
