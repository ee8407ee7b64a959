package be.ocmw.merge.merger;

import be.ocmw.merge.domain.FreeText;

import java.time.OffsetDateTime;

/**
 * A coordinator's approval of plan {@code planId} of a merger, by its fingerprint; {@code withdrawnAt} null while it is
 * in force. {@code appliedBy}/{@code appliedAt}: the apply that executed it, once there is one.
 */
public record Approval(long id, String mergerId, long planId, String fingerprint, String approvedBy, OffsetDateTime approvedAt,
                       String comment, String withdrawnBy, OffsetDateTime withdrawnAt, String withdrawComment,
                       String appliedBy, OffsetDateTime appliedAt) {

    /** What is shown of what people typed: national numbers masked, control characters made visible (rows of any age). */
    public Approval {
        comment = FreeText.shown(comment);
        withdrawComment = FreeText.shown(withdrawComment);
        approvedBy = FreeText.shown(approvedBy);
        withdrawnBy = FreeText.shown(withdrawnBy);
        appliedBy = FreeText.shown(appliedBy);
    }

    public boolean inForce() {
        return withdrawnAt == null;
    }

    public boolean applied() {
        return appliedAt != null;
    }

    /** Whether {@code person} is the one who approved (names compared without regard to case or surrounding spaces). */
    public boolean approvedBy(String person) {
        return person != null && approvedBy.strip().equalsIgnoreCase(person.strip());
    }
}
