package be.ocmw.merge.reconciliation;

import be.ocmw.merge.merger.model.PlanCounts;
import java.util.List;
import java.util.Map;

/**
 * The drift of one merger, how many corrections it needs, and what happened to them: {@code corrected} how
 * many were applied, {@code refused} why none were (the threshold), null otherwise.
 */
public record MergerDrift(String merger, List<Drift> drift, int corrections, int corrected, be.ocmw.merge.domain.Reason refused,
                          PlanCounts done) {

    public Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        drift.forEach(d -> counts.merge(d.code().name(), 1L, Long::sum));
        return counts;
    }
}
