package be.ocmw.merge.merger.report;

import be.ocmw.merge.merger.model.PlanCounts;

import java.time.OffsetDateTime;

/**
 * What an apply's reports say beside its plan: the proof that the sources were not touched (their fingerprint before
 * and after), what its audit trail says was done, by group, beside what the plan predicted, and whose approval it
 * executed for whom (null for an apply from before approvals were recorded), and what the plan itself predicted (its
 * own figures, as it was approved; null when not known).
 */
public record ApplyResult(String sourceBefore, String sourceAfter, PlanCounts done, Approved approved, PlanCounts predicted) {

    public ApplyResult(String sourceBefore, String sourceAfter, PlanCounts done) {
        this(sourceBefore, sourceAfter, done, null, null);
    }

    /**
     * What the apply did, count by count, as every page and report shows it: the audit trail's count where it counts
     * one; else the figure of the plan it executed ({@code predicted}: the sources' accounts, those not copied, the
     * grants …, which an apply does not count again), or of its changes when that is not known.
     */
    public PlanCounts did(PlanCounts changes) {
        return (predicted == null ? changes : predicted).plus(done);
    }

    public boolean sourcesUntouched() {
        return sourceBefore.equals(sourceAfter);
    }

    /**
     * Who approved the plan and when, who applied it, whether that was the same person (a test environment), and whether
     * it was a rehearsal before the effective date (on a copy of the data, SPEC 5.8).
     */
    public record Approved(be.ocmw.merge.domain.Actor approver, OffsetDateTime approvedAt, String comment,
                           be.ocmw.merge.domain.Actor applier, boolean fourEyesWaived, boolean rehearsal) {

        public String approvedBy() {
            return approver.name();
        }

        public String appliedBy() {
            return applier == null ? null : applier.name();
        }
    }
}
