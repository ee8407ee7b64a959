package be.ocmw.merge.merger;

import be.ocmw.merge.domain.Actor;
import be.ocmw.merge.domain.FreeText;

import java.time.OffsetDateTime;

/**
 * A coordinator's approval of plan {@code planId} of a merger, by its fingerprint; {@code withdrawnAt} null while it is
 * in force. {@code appliedBy}/{@code appliedAt}: the apply that executed it, once there is one.
 */
public record Approval(long id, String mergerId, long planId, String fingerprint, Actor approver, OffsetDateTime approvedAt,
                       String comment, Actor withdrawer, OffsetDateTime withdrawnAt, String withdrawComment,
                       Actor applier, OffsetDateTime appliedAt) {

    /** What is shown of what people typed: national numbers masked, control characters made visible (rows of any age). */
    public Approval {
        comment = FreeText.shown(comment);
        withdrawComment = FreeText.shown(withdrawComment);
    }

    /** The name it was approved by (on behalf of whom, else the approver's account). */
    public String approvedBy() {
        return approver.name();
    }

    public String withdrawnBy() {
        return withdrawer == null ? null : withdrawer.name();
    }

    public String appliedBy() {
        return applier == null ? null : applier.name();
    }

    public boolean inForce() {
        return withdrawnAt == null;
    }

    public boolean applied() {
        return appliedAt != null;
    }

    /** Whether {@code person} is, as four eyes tells people apart, the one who approved. */
    public boolean approvedBy(Actor person, Actor.FourEyes fourEyes) {
        return fourEyes.samePerson(approver, person);
    }
}
