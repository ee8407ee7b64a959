package be.ocmw.merge.merger;

import be.ocmw.merge.domain.Actor;
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

    /** The approval an apply by {@code by} executes; refused (with the reason) when there is none it may execute. */
    Approval approvedFor(Merger merger, String asked, Actor by) {
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
        if (selfApproved(approval, by) && !settings.allowSelfApproval()) {
            throw new PlanRefusedException(fourEyes(approval, by, merger));
        }
        return approval;
    }

    /** Whether {@code by} is, as four eyes tells people apart ({@code OCMW_FOUR_EYES}), the approval's approver. */
    boolean selfApproved(Approval approval, Actor by) {
        return approval.approvedBy(by, settings.fourEyes());
    }

    /**
     * Why {@code by} may not apply what they approved: by the names, or by the accounts, saying which, and what to do.
     */
    private Reason fourEyes(Approval approval, Actor by, Merger merger) {
        Actor approver = approval.approver();
        boolean byAccounts = settings.fourEyes() == Actor.FourEyes.ACCOUNTS && approver.account() != null
                && by.account() != null && approver.account().samePersonAs(by.account());
        return byAccounts
                ? Reason.of("apply.four_eyes.account", approver.name(), approval.fingerprint(), merger.id(),
                        approver.account().id(), by.name(), by.account().id())
                : Reason.of("apply.four_eyes", by.name(), approval.fingerprint(), merger.id());
    }
}
