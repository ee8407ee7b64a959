package be.ocmw.merge.merger.model;

import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.registry.Merger;

import java.util.List;
import java.util.Map;

/**
 * A computed plan: the changes, findings and tasks, the counts the summary reports, its fingerprint, the
 * fingerprint of the source organisations' access as it was when the plan was computed, and the digest of the
 * inputs it was computed from (null when not known).
 */
public record MergerPlan(Merger merger, PlanStatus status, List<PlanChange> changes, List<Finding> findings,
                         List<PlanTask> tasks, Map<String, Map<String, Integer>> counts,
                         List<TargetAccount> accounts, String fingerprint, String sourceFingerprint, String inputDigest) {

    public MergerPlan(Merger merger, PlanStatus status, List<PlanChange> changes, List<Finding> findings,
                      List<PlanTask> tasks, Map<String, Map<String, Integer>> counts,
                      List<TargetAccount> accounts, String fingerprint, String sourceFingerprint) {
        this(merger, status, changes, findings, tasks, counts, accounts, fingerprint, sourceFingerprint, null);
    }

    public boolean blocked() {
        return status == PlanStatus.BLOCKED;
    }

    /** A target account as the plan sees it, with the accounts it was merged from (for the reports). */
    public record TargetAccount(String domain, String username, String lastName, String firstName, String insz,
                                String role, String status, String email, List<String> applications, String action,
                                List<String> mergedFrom) {
    }
}
