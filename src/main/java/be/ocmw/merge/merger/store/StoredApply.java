package be.ocmw.merge.merger.store;

import be.ocmw.merge.merger.model.MergerPart;
import be.ocmw.merge.merger.model.MergerPart.Contribution;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.registry.Merger;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan an apply executed, as its reports show it, when the apply did not compute it itself (it executed the
 * approved plan as stored, or finished an interrupted one): read back from the database, each part reading its own
 * rows. And what an apply does, counted from the plan's changes, either way.
 */
@Component
public class StoredApply {

    private final PlanStore store;
    private final List<MergerPart> parts;

    StoredApply(PlanStore store, List<MergerPart> parts) {
        this.store = store;
        this.parts = MergerPart.inOrder(parts);
    }

    /** Stored plan {@code planId} rebuilt for the reports of its apply. */
    public MergerPlan read(Merger merger, long planId) {
        StoredSummary summary = store.summary(planId);
        long rows = store.changesOf(planId);
        PlanCounts summarised = summary.counts();
        List<PlanChange> changes = new ArrayList<>();
        List<MergerPlan.TargetAccount> accounts = new ArrayList<>();
        PlanCounts counts = PlanCounts.none();
        for (MergerPart part : parts) {
            Contribution stored = part.stored(merger, rows, summarised);
            changes.addAll(stored.changes());
            accounts.addAll(stored.accounts());
            counts = counts.plus(stored.counts());
        }
        return new MergerPlan(merger, PlanStatus.APPLIED, changes, store.findings(planId), store.tasks(planId), counts,
                accounts, summary.fingerprint().orElse(null), summary.sourceFingerprintBefore().orElse(null));
    }

    /** What an apply of this plan does, by group: a second apply, which has no changes, reports zeros. */
    public PlanCounts counts(MergerPlan plan) {
        PlanCounts counts = PlanCounts.none();
        for (MergerPart part : parts) {
            counts = counts.plus(part.toApply(plan));
        }
        return counts;
    }
}
