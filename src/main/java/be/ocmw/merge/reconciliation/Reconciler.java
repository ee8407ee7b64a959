package be.ocmw.merge.reconciliation;

import be.ocmw.merge.access.AccessState;
import be.ocmw.merge.dossiers.DossierMergerPart;
import be.ocmw.merge.dossiers.DossierRef;
import be.ocmw.merge.merger.MergerRuns;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.merger.model.PlanChange.CreateAccount;
import be.ocmw.merge.merger.model.PlanChange.SourceAccount;
import be.ocmw.merge.merger.model.PlanChange.UpdateAccount;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.online.OnlineMergerPart;
import be.ocmw.merge.online.RequestRef;
import be.ocmw.merge.registry.Merger;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds an applied merger's drift. What the merger job would still do today is exactly what drifted in an
 * additive way: an account to create is an account missing in the target, applications to add are missing
 * grants, a dossier still running on C under an old KBO was missed, a request not linked was missed. What
 * cannot be corrected safely is only reported: a person blocked at every source but active in the target, a
 * dossier opened under an old KBO after the effective date since the apply (those the applied plan listed as starting
 * after E are its announced manual work, not drift).
 */
@Component
public class Reconciler {

    private final MergerRuns mergers;
    private final StoredPlans plans;
    private final AccessState access;
    private final DossierMergerPart dossiers;
    private final OnlineMergerPart online;

    Reconciler(MergerRuns mergers, StoredPlans plans, AccessState access, DossierMergerPart dossiers,
               OnlineMergerPart online) {
        this.mergers = mergers;
        this.plans = plans;
        this.access = access;
        this.dossiers = dossiers;
        this.online = online;
    }

    /** Applied (an apply of it finished) and its old OCMWs still there (access or dossiers loaded). */
    public boolean applies(Merger merger) {
        List<String> sources = merger.disappearing().stream().map(o -> o.kbo().digits()).toList();
        return plans.applied(merger) && (access.loaded(sources) || dossiers.anyOf(sources));
    }

    public List<Drift> detect(Merger merger) {
        MergerPlan plan = mergers.current(merger);
        List<Drift> drift = new ArrayList<>();
        for (PlanChange change : plan.changes()) {
            if (change instanceof CreateAccount create) {
                drift.add(Drift.of(merger.id(), Drift.Code.ACCOUNT_MISSING_IN_TARGET, firstSource(create.sources()), create.subject(),
                        person(create), labels(create.sources()), create.domain()));
            } else if (change instanceof UpdateAccount update && !update.addApplications().isEmpty()) {
                drift.add(Drift.of(merger.id(), Drift.Code.GRANT_MISSING_IN_TARGET, firstSource(update.sources()), update.subject(),
                        update.username(), String.join(", ", update.addApplications()), labels(update.sources())));
            }
        }
        for (DossierRef dossier : dossiers.running(merger)) {
            drift.add(Drift.of(merger.id(), Drift.Code.DOSSIER_RUNNING_UNDER_OLD_KBO, dossier.kbo(), dossier.label(),
                    dossier.label(), merger.closeDate()));
        }
        // the dossiers the applied plan listed as starting after E are its announced manual work, not drift
        long applyRun = plans.lastApplyRun(merger).orElse(Long.MAX_VALUE);
        for (DossierRef dossier : dossiers.openedAfterCutover(merger, applyRun)) {
            drift.add(Drift.of(merger.id(), Drift.Code.DOSSIER_OPENED_UNDER_OLD_KBO, dossier.kbo(), dossier.label(),
                    dossier.label(), merger.effectiveDate()));
        }
        for (RequestRef request : online.unlinked(merger)) {
            drift.add(Drift.of(merger.id(), Drift.Code.ONLINE_REQUEST_UNDER_OLD_KBO, request.kbo(), request.label(),
                    request.label()));
        }
        for (AccessState.BlockedAtSources blocked : access.blockedAtSources(merger)) {
            drift.add(Drift.of(merger.id(), Drift.Code.BLOCKED_AT_SOURCE_ACTIVE_IN_TARGET, blocked.sourceKbo(),
                    blocked.domain() + "/" + blocked.username(),
                    blocked.firstName() + " " + blocked.lastName() + " (" + blocked.insz().masked() + ")"));
        }
        return drift;
    }

    /** The safe corrections as a plan: accounts to create, applications to add (no role or status change), dossiers, requests. */
    public MergerPlan corrections(Merger merger) {
        MergerPlan plan = mergers.current(merger);
        List<PlanChange> safe = new ArrayList<>();
        for (PlanChange change : plan.changes()) {
            if (change instanceof CreateAccount) {
                safe.add(change);
            } else if (change instanceof UpdateAccount update && !update.addApplications().isEmpty()) {
                safe.add(update.grantsOnly());
            }
        }
        return new MergerPlan(merger, PlanStatus.READY, safe, List.of(), List.of(), plan.counts(), plan.accounts(),
                "reconcile:" + plan.fingerprint(), plan.sourceFingerprint());
    }

    /** How many accounts the merged OCMW has: the threshold's 10 % is of this. */
    public long targetAccounts(Merger merger) {
        return access.targetAccounts(merger);
    }

    /** The old OCMW of the first account a change stands for (null: it stands for none). */
    private static String firstSource(List<SourceAccount> sources) {
        return sources.isEmpty() ? null : sources.get(0).kbo().digits();
    }

    private static String labels(List<SourceAccount> sources) {
        return sources.stream().map(SourceAccount::label).collect(Collectors.joining("; "));
    }

    private static String person(CreateAccount account) {
        return account.firstName() + " " + account.lastName()
                + (account.insz() == null ? "" : " (" + account.insz().masked() + ")");
    }
}
