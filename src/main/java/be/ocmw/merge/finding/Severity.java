package be.ocmw.merge.finding;

/** How much a finding weighs: a BLOCKING one stops a plan from being applied; the others are for people to read. */
public enum Severity {
    BLOCKING, WARNING, INFO
}
