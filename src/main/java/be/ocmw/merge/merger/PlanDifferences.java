package be.ocmw.merge.merger;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.finding.Severity;
import be.ocmw.merge.merger.model.ChangeKey;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.planning.Planner;
import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.registry.Merger;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What differs: the apply's counts from the plan's prediction, the plan computed now from the one approved. */
@Component
class PlanDifferences {

    private final PlanStore store;
    private final Planner planner;

    PlanDifferences(PlanStore store, Planner planner) {
        this.store = store;
        this.planner = planner;
    }

    /** A finding for every count where the audit trail does not show what the plan predicted. */
    static List<Finding> ofCounts(PlanCounts planned, PlanCounts done) {
        List<Finding> findings = new ArrayList<>();
        done.values().forEach((count, value) -> {
            int predicted = planned.get(count);
            if (predicted != value) {
                findings.add(Finding.of("APPLY_DIFFERS", Severity.WARNING, null, count.qualifiedKey(), "APPLY_DIFFERS",
                        count.qualifiedKey(), predicted, value));
            }
        });
        return findings;
    }

    /** What differs between the plan that was approved (if it is stored) and the current one. */
    Reason between(Merger merger, String approved, MergerPlan current) {
        Optional<Long> approvedPlan = store.latestWithFingerprint(merger, approved, false);
        if (approvedPlan.isEmpty()) {
            return Reason.of("apply.changes.unknown", merger.id());
        }
        long rows = store.changesOf(approvedPlan.get());
        Set<ChangeKey> before = new TreeSet<>();
        planner.parts().forEach(part -> before.addAll(part.storedChanges(rows)));
        Set<ChangeKey> now = new TreeSet<>();
        current.changes().forEach(c -> now.add(ChangeKey.of(c)));
        List<String> lines = new ArrayList<>();
        now.stream().filter(c -> !before.contains(c)).forEach(c -> lines.add("  + " + c.line()));
        before.stream().filter(c -> !now.contains(c)).forEach(c -> lines.add("  - " + c.line()));
        if (lines.isEmpty()) {
            return Reason.of("apply.changes.same");
        }
        // the changes are codes and names, the same in every language; only the frame is words
        return Reason.of(lines.size() > 25 ? "apply.changes.more" : "apply.changes",
                String.join("\n", lines.subList(0, Math.min(25, lines.size()))), lines.size() - 25);
    }
}
