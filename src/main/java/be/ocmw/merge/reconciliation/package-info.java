/**
 * The nightly reconciliation (SPEC 6): after an apply the old OCMWs stay reachable for months and people
 * keep adding users, grants, dossiers and requests there. For every applied merger whose sources still
 * exist it reports that drift by code and, when asked, applies the additive corrections (never removing or
 * blocking anything) the way an apply does, unless they are more than a threshold allows.
 */
package be.ocmw.merge.reconciliation;
