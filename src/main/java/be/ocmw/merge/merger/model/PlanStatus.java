package be.ocmw.merge.merger.model;

/** Where a stored plan stands: computed and applicable, stopped by a BLOCKING finding, or executed in full. */
public enum PlanStatus {
    READY, BLOCKED, APPLIED
}
