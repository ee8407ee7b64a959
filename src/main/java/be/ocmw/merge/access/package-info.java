/**
 * Access management (Toegangsbeheer) as the portal exports it: per organisation and domain, the users with their
 * type, status and secured applications, and per organisation its main access managers. Loading a domain again
 * replaces its snapshot (the old one is kept), so reloading is idempotent; the current state is exported in the same
 * format. And access's part of a merger ({@link be.ocmw.merge.access.AccessMergerPart}, SPEC 5.1 to 5.3): the merged
 * OCMW itself and one account per person with the union of their applications, the administrators the submissions
 * designate ({@code AccessPlanner}: the rules, reading and writing nothing), stored in {@code plan_change}, applied
 * by {@code applyOrganisationStep} and {@code applyAccountsStep}, checked, and for the reconciliation the people whose
 * access drifted. Owns the organisations, snapshots, accounts, the application catalogue and {@code plan_change}.
 */
package be.ocmw.merge.access;
