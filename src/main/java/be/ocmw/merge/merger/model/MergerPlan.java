package be.ocmw.merge.merger.model;

import be.ocmw.merge.domain.Role;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.AccountStatus;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.registry.Merger;

import java.util.List;

/**
 * A computed plan: the changes, findings and tasks, the counts the summary reports, its fingerprint, the
 * fingerprint of the source organisations' access as it was when the plan was computed, and the digest of the
 * inputs it was computed from (null when not known).
 */
public record MergerPlan(Merger merger, PlanStatus status, List<PlanChange> changes, List<Finding> findings,
                         List<PlanTask> tasks, PlanCounts counts,
                         List<TargetAccount> accounts, String fingerprint, String sourceFingerprint, String inputDigest) {

    public MergerPlan(Merger merger, PlanStatus status, List<PlanChange> changes, List<Finding> findings,
                      List<PlanTask> tasks, PlanCounts counts,
                      List<TargetAccount> accounts, String fingerprint, String sourceFingerprint) {
        this(merger, status, changes, findings, tasks, counts, accounts, fingerprint, sourceFingerprint, null);
    }

    public boolean blocked() {
        return status == PlanStatus.BLOCKED;
    }

    /**
     * A target account as the plan sees it, with the accounts it was merged from as the reports name them
     * ({@link PlanChange.SourceAccount#label()}); {@code insz} null for an account without one.
     */
    public record TargetAccount(String domain, String username, String lastName, String firstName, Insz insz,
                                Role role, AccountStatus status, String email, List<String> applications, Action action,
                                List<String> mergedFrom) {

        public TargetAccount {
            applications = List.copyOf(applications);
            mergedFrom = List.copyOf(mergedFrom);
        }

        /** What the plan does to the account; the reports' words are {@code action.<name>}. */
        public enum Action {
            CREATE, UPDATE, UNCHANGED
        }

        public boolean administrator() {
            return role != Role.USER;
        }
    }
}
