package be.ocmw.merge.merger.planning;

import be.ocmw.merge.merger.model.PlanTask;

import be.ocmw.merge.domain.Scenario;
import be.ocmw.merge.registry.Merger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The checklist of what people do by hand (SPEC 5.6), with due dates computed from the registry: the
 * submission deadline, the effective date E, the end of February of year E for last year's Uniek verslag.
 */
final class Tasks {

    private Tasks() {
    }

    static List<PlanTask> of(Merger merger) {
        LocalDate e = merger.effectiveDate();
        List<PlanTask> tasks = new ArrayList<>();
        tasks.add(new PlanTask("HTB_SUBMISSION", merger.deadline(),
                "Every merging OCMW sends its HTB submission to Vlaanderen."));
        if (merger.scenario() == Scenario.NEW_KBO_NEW_NIS) {
            tasks.add(new PlanTask("CHAMAN_FTP_ACCOUNT", e, "Create the FTP account in ChaMan for the new KBO."));
            tasks.add(new PlanTask("CHAMAN_REST_ACCOUNT", e, "Create the REST account 'OCMW Online' in ChaMan with all "
                    + "OCMW Online permissions; the certificate is managed by the software supplier."));
            tasks.add(new PlanTask("CHAMAN_PASSWORD_TO_SUPPLIER", e, "Pass the new password to the software supplier."));
            tasks.add(new PlanTask("OCMW_CONFIGURATION", e, "Set up the OCMW configuration for the new KBO: mutations, "
                    + "technical service providers, contact data, OCMW Online."));
        }
        tasks.add(new PlanTask("EBOX_ACCESS", e, "Give access to the merged OCMW's e-Box through access management."));
        tasks.add(new PlanTask("EBOX_WATCH_OLD", e, "Keep watching the e-Boxes of the old OCMWs."));
        tasks.add(new PlanTask("UNIEK_VERSLAG_OLD", YearMonth.of(e.getYear(), 2).atEndOfMonth(),
                "Uniek verslag for " + (e.getYear() - 1) + " under the disappearing KBOs."));
        tasks.add(new PlanTask("UNIEK_VERSLAG_NEW", YearMonth.of(e.getYear() + 1, 2).atEndOfMonth(),
                "Uniek verslag under the merged OCMW, from year " + (e.getYear() + 1) + " on."));
        tasks.add(new PlanTask("LOGIN_CHOICE", e, "People with access to both an old and the merged OCMW choose the "
                + "organisation at login in the transition phase."));
        return tasks;
    }
}
