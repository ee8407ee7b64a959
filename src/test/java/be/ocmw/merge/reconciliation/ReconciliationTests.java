package be.ocmw.merge.reconciliation;

import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.merger.MergerRuns;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.support.SampleDataTest;
import be.ocmw.merge.support.Registries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drift introduced after an apply of the sample merger pajottegem: found by code, corrected when safe, within the threshold. */
class ReconciliationTests extends SampleDataTest {

    static final MergerRegistry REGISTRY = RegistryLoader.load(Registries.shipped()).registry();
    static final String GALMAARDEN = "0212978247";
    static final String TARGET = "1002209443";

    @Autowired
    ReconcileRuns reconcile;

    @Autowired
    MergerRuns runs;

    @TempDir
    Path folder;

    @BeforeEach
    void applied() {
        loadSampleData(folder);
        approve(REGISTRY.find("pajottegem").orElseThrow(), folder.resolve("approved"));
        runs.apply(REGISTRY.find("pajottegem").orElseThrow(), folder.resolve("out"), null, OPERATOR, run());
    }

    @Test
    void rightAfterAnApplyNothingHasDriftedNotEvenTheDossiersAfterEThePlanListedAndLeftAlone() {
        // the sample has dossiers under old KBOs that start after E: the plan listed them (DOSSIER_AFTER_CUTOVER)
        assertThat(jdbc.sql("select count(*) from dossier where kbo = :kbo and start_date >= date '2025-01-01'")
                .param("kbo", GALMAARDEN).query(Long.class).single()).isPositive();

        ReconcileRuns.Result result = reconcile.reconcile("pajottegem", false, folder.resolve("rec"), run(), ReportText.of(ReportText.DUTCH));

        assertThat(result.mergers()).singleElement().satisfies(m -> assertThat(m.counts()).isEmpty());
    }

    @Test
    void everyKindOfDriftIsReportedWithItsCodeAndTheSafeOnesAreCorrectedSoASecondRunIsClean() throws Exception {
        String newcomer = addUserAtSource(1).get(0);
        String granted = addGrantAtSource();
        String blocked = blockAtSource();
        jdbc.sql("""
                insert into dossier (kbo, reference, type, insz, start_date) values
                    (:kbo, 'LATE-RUNNING', 'INTEGRATIE', '85073010005', date '2024-06-01'),
                    (:kbo, 'AFTER-E', 'A036', '85073010005', date '2025-03-01')""").param("kbo", GALMAARDEN).update();
        jdbc.sql("insert into online_request (reference, submitted_on, kbo, read) values ('LATE-REQ', date '2025-02-01', :kbo, false)")
                .param("kbo", GALMAARDEN).update();

        ReconcileRuns.Result found = reconcile.reconcile(null, false, folder.resolve("rec1"), run(), ReportText.of(ReportText.DUTCH));
        Map<String, Long> counts = found.mergers().get(0).counts();
        List<Drift> drift = found.mergers().get(0).drift();

        assertThat(counts).containsEntry("ACCOUNT_MISSING_IN_TARGET", 1L).containsEntry("GRANT_MISSING_IN_TARGET", 1L)
                .containsEntry("BLOCKED_AT_SOURCE_ACTIVE_IN_TARGET", 1L).containsEntry("DOSSIER_RUNNING_UNDER_OLD_KBO", 1L)
                .containsEntry("ONLINE_REQUEST_UNDER_OLD_KBO", 1L).containsKey("DOSSIER_OPENED_UNDER_OLD_KBO");
        assertThat(drift).anySatisfy(d -> assertThat(d.subject()).isEqualTo("Maatschappelijk Welzijn/" + newcomer));
        assertThat(drift).anySatisfy(d -> assertThat(d.detail()).contains("Handiweb").contains(granted));
        assertThat(drift).anySatisfy(d -> assertThat(d.subject()).endsWith("/" + blocked));
        assertThat(drift).anySatisfy(d -> assertThat(d.subject()).isEqualTo("0212.978.247/AFTER-E"));
        assertThat(drift).anySatisfy(d -> assertThat(d.subject()).isEqualTo("0212.978.247/LATE-RUNNING"));
        assertThat(drift).anySatisfy(d -> assertThat(d.subject()).isEqualTo("0212.978.247/LATE-REQ"));
        assertThat(drift).noneMatch(d -> d.detail().matches(".*\\d{11}.*"));
        assertThat(found.summary()).exists();
        assertThat(Files.readString(found.summary())).contains("\"ACCOUNT_MISSING_IN_TARGET\" : 1");

        ReconcileRuns.Result corrected = reconcile.reconcile("pajottegem", true, folder.resolve("rec2"), run(), ReportText.of(ReportText.DUTCH));
        ReconcileRuns.Result again = reconcile.reconcile("pajottegem", false, folder.resolve("rec3"), run(), ReportText.of(ReportText.DUTCH));

        assertThat(corrected.mergers().get(0).corrected()).isEqualTo(4);
        assertThat(corrected.mergers().get(0).refused()).isNull();
        assertThat(again.mergers().get(0).counts().keySet())
                .containsExactlyInAnyOrder("BLOCKED_AT_SOURCE_ACTIVE_IN_TARGET", "DOSSIER_OPENED_UNDER_OLD_KBO");
        assertThat(jdbc.sql("select status from live_account where kbo = :k and username = :u")
                .param("k", TARGET).param("u", blocked).query(String.class).single()).isEqualTo("ACTIEF");
        assertThat(jdbc.sql("select count(*) from dossier where kbo = :k and reference = 'LATE-RUNNING'").param("k", TARGET)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit a join plan p on p.created_by_run = a.run_id where p.mode = 'RECONCILE'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void moreCorrectionsThanTheThresholdAllowsStopTheRunBeforeAnyChange() {
        addUserAtSource(12);
        long accounts = jdbc.sql("select count(*) from account").query(Long.class).single();
        long audit = jdbc.sql("select count(*) from audit").query(Long.class).single();

        ReconcileRuns.Result result = reconcile.reconcile("pajottegem", true, folder.resolve("rec"), run(), ReportText.of(ReportText.DUTCH));

        assertThat(result.refused()).isTrue();
        assertThat(result.mergers().get(0).refused().english()).contains("12 corrections are more than the threshold allows");
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(accounts);
        assertThat(jdbc.sql("select count(*) from audit").query(Long.class).single()).isEqualTo(audit);
        assertThat(jdbc.sql("select count(*) from plan where mode = 'RECONCILE'").query(Long.class).single()).isZero();
    }

    /** New people added to Galmaarden's current export after the apply; returns their usernames. */
    private List<String> addUserAtSource(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(this::addNewcomerAtGalmaarden).sorted().toList();
    }

    /** Handiweb granted at Galmaarden to somebody whose merged account lacks it; returns the merged account's username. */
    private String addGrantAtSource() {
        String insz = jdbc.sql("""
                select s.insz from live_account s join live_account t on t.insz = s.insz and t.domain = s.domain and t.kbo = :t
                where s.kbo = :kbo and s.domain = 'Maatschappelijk Welzijn' and not ('Handiweb' = any(t.applications))
                order by s.username limit 1""").param("t", TARGET).param("kbo", GALMAARDEN).query(String.class).single();
        jdbc.sql("""
                update account set applications = array(select distinct x from unnest(applications || '{Handiweb}') x order by x)
                where kbo = :kbo and insz = :insz and domain = 'Maatschappelijk Welzijn'
                  and snapshot_id in (select id from access_snapshot where status = 'CURRENT')""")
                .param("kbo", GALMAARDEN).param("insz", insz).update();
        return jdbc.sql("select username from live_account where kbo = :t and insz = :insz and domain = 'Maatschappelijk Welzijn'")
                .param("t", TARGET).param("insz", insz).query(String.class).single();
    }

    /** Somebody who is only at Galmaarden, active, gets blocked there; returns the merged account's username. */
    private String blockAtSource() {
        String insz = jdbc.sql("""
                select s.insz from live_account s
                where s.kbo = :kbo and s.domain = 'Maatschappelijk Welzijn' and s.status = 'ACTIEF' and s.insz is not null
                  and not exists (select 1 from live_account o where o.insz = s.insz and o.domain = s.domain
                                  and o.kbo in ('0212600838', '0212281728'))
                  and s.username not like 'nieuw%'
                  and 'Handiweb' = any(s.applications)
                order by s.username limit 1""").param("kbo", GALMAARDEN).query(String.class).single();
        jdbc.sql("update account set status = 'GEBLOKKEERD' where kbo = :kbo and insz = :insz").param("kbo", GALMAARDEN)
                .param("insz", insz).update();
        return jdbc.sql("select username from live_account where kbo = :t and insz = :insz and domain = 'Maatschappelijk Welzijn'")
                .param("t", TARGET).param("insz", insz).query(String.class).single();
    }
}
