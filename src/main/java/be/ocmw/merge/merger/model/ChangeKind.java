package be.ocmw.merge.merger.model;

/**
 * The kinds of change a plan makes, in the order the apply makes them: organisation first, then accounts, then the
 * corrections (what the plan takes away, SPEC 5.7), so that the merged OCMW is never without its new administrators
 * while the old ones leave.
 */
public enum ChangeKind {
    CREATE_ORGANISATION, SET_NIS, CREATE_ACCOUNT, UPDATE_ACCOUNT, WITHDRAW_ROLE, BLOCK_ACCOUNT, WITHDRAW_APPLICATIONS;

    /** Organisation changes come before account changes in a stored plan and in the apply. */
    public boolean organisation() {
        return this == CREATE_ORGANISATION || this == SET_NIS;
    }

    /** A change that takes something away from the merged OCMW (SPEC 5.7): listed apart, applied last. */
    public boolean correction() {
        return this == WITHDRAW_ROLE || this == BLOCK_ACCOUNT || this == WITHDRAW_APPLICATIONS;
    }
}
