package be.ocmw.merge.web;

import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.merger.StoredPlans.Standing.Status;
import be.ocmw.merge.reconciliation.ReconcileRuns;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.support.Registries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * One standing per merger, the same everywhere (SPEC 5): a merger walked through every state, each time read by the
 * status command's source, the overview's row and the merger's page, for a coordinator and an operator.
 */
class StandingTests extends DashboardTest {

    static final Merger PAJOTTEGEM = RegistryLoader.load(Registries.shipped()).registry().find("pajottegem").orElseThrow();

    @Autowired
    StoredPlans plans;

    @Autowired
    ReconcileRuns reconciliations;

    @Test
    void aMergerWalkedThroughEveryStateShowsTheSameStandingInStatusTheOverviewAndItsPage() throws Exception {
        loadSampleData(folder);
        assertStanding(Status.NO_PLAN);

        runs.plan(PAJOTTEGEM, folder.resolve("out"), run());
        assertStanding(Status.READY);

        changeAnEmailAddress("een@galmaarden.be");
        assertStanding(Status.OUT_OF_DATE);

        String second = approve(PAJOTTEGEM, folder.resolve("out"));
        assertStanding(Status.APPROVED);
        assertThat(page("/mergers/pajottegem", coordinator())).contains("id=\"approved-by\"").contains(second);

        changeAnEmailAddress("twee@galmaarden.be");
        assertStanding(Status.APPROVAL_OUT_OF_DATE);
        assertThat(page("/mergers/pajottegem/apply", operator())).contains("id=\"out-of-date\"");

        approve(PAJOTTEGEM, folder.resolve("out"));
        assertStanding(Status.APPROVED);
        runs.apply(PAJOTTEGEM, folder.resolve("out"), null, OPERATOR, run());
        assertStanding(Status.APPLIED);

        // a dossier opened under an old KBO after the merger: drift the reconciliation reports and does not correct
        jdbc.sql("insert into dossier (kbo, reference, type, insz, start_date) values ('0212978247', 'LATE-1', 'A036', "
                + "'85073003328', '2025-02-01')").update();
        long reconcile = runLog.start("reconcile", "pajottegem --out reconcile");
        reconciliations.reconcile("pajottegem", false, folder.resolve("reconcile"), reconcile, ReportText.of(ReportText.DUTCH));
        runLog.finish(reconcile, 0, "done");
        assertStanding(Status.DRIFT);

        jdbc.sql("insert into finding (merger_id, origin, code, severity, detail) "
                + "values ('pajottegem', 'INTAKE', 'HTB_DISAGREEMENT', 'BLOCKING', 'two HTBs')").update();
        runs.plan(PAJOTTEGEM, folder.resolve("out"), run());
        assertStanding(Status.BLOCKED);

        // an apply that stored its plan and stopped before its job finished
        jdbc.sql("""
                insert into plan (merger_id, mode, status, fingerprint, summary)
                values ('pajottegem', 'APPLY', 'READY', 'sha256:interrupted', '{}')""").update();
        assertStanding(Status.APPLYING);
    }

    private void assertStanding(Status expected) throws Exception {
        assertThat(plans.standing(PAJOTTEGEM).status()).as("the standing status prints").isEqualTo(expected);
        for (var who : java.util.List.of(coordinator(), operator())) {
            assertThat(page("/", who)).as("the overview").contains("data-merger=\"pajottegem\" data-status=\"" + expected + "\"");
            assertThat(page("/mergers/pajottegem", who)).as("the merger's page").contains("data-status=\"" + expected + "\"");
        }
    }

    private void changeAnEmailAddress(String email) {
        jdbc.sql("update account set email = :email where id = (select min(id) from live_account where kbo = '0212978247' "
                + "and insz is not null)").param("email", email).update();
    }
}
