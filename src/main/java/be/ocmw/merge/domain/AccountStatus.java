package be.ocmw.merge.domain;

/** Whether an account of access management can be used: as the portal and the database spell it. */
public enum AccountStatus {
    ACTIEF, GEBLOKKEERD;

    public boolean active() {
        return this == ACTIEF;
    }
}
