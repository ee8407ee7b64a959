package be.ocmw.merge.merger.model;

/** The kinds of change a plan makes, in the order the apply makes them (organisation first, then accounts). */
public enum ChangeKind {
    CREATE_ORGANISATION, SET_NIS, CREATE_ACCOUNT, UPDATE_ACCOUNT;

    /** Organisation changes come before account changes in a stored plan and in the apply. */
    public boolean organisation() {
        return this == CREATE_ORGANISATION || this == SET_NIS;
    }
}
