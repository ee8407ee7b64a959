package be.ocmw.merge.merger.report;

import be.ocmw.merge.merger.model.PlanCounts;

/**
 * What an apply's reports say beside its plan: the proof that the sources were not touched (their fingerprint before
 * and after) and what its audit trail says was done, by group, beside what the plan predicted.
 */
public record ApplyResult(String sourceBefore, String sourceAfter, PlanCounts done) {

    public boolean sourcesUntouched() {
        return sourceBefore.equals(sourceAfter);
    }
}
