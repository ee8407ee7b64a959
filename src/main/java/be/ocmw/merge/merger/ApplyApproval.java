package be.ocmw.merge.merger;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.registry.Merger;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which approval an apply executes, and the four-eyes rule: the approval in force, which the fingerprint asked for
 * (when given) must name, and which the person applying did not give, unless a test environment allows it.
 */
@Component
class ApplyApproval {

    private final Approvals approvals;
    private final PlanStore store;
    private final ApplySettings settings;

    ApplyApproval(Approvals approvals, PlanStore store, ApplySettings settings) {
        this.approvals = approvals;
        this.store = store;
        this.settings = settings;
    }

    /** The approval an apply for {@code by} executes; refused (with the reason) when there is none it may execute. */
    Approval approvedFor(Merger merger, String asked, String by) {
        Optional<Approval> inForce = approvals.inForce(merger);
        if (inForce.isEmpty()) {
            Optional<PlanStore.Latest> latest = store.latestPlan(merger);
            throw new PlanRefusedException(latest.isEmpty() ? Reason.of("apply.no_approval.unplanned", merger.id())
                    : Reason.of("apply.no_approval.planned", merger.id(), latest.get().fingerprint(), latest.get().status()));
        }
        Approval approval = inForce.get();
        if (asked != null && !asked.equals(approval.fingerprint())) {
            throw new PlanRefusedException(Reason.of("apply.other_plan", asked, merger.id(), approval.fingerprint(),
                    approval.approvedBy(), approval.approvedAt().toLocalDate()));
        }
        if (approval.approvedBy(by) && !settings.allowSelfApproval()) {
            throw new PlanRefusedException(Reason.of("apply.four_eyes", by, approval.fingerprint(), merger.id()));
        }
        return approval;
    }
}
