/**
 * Answers to "why": why a person has (or lacks) their access in a merged OCMW, and where a dossier went
 * ({@code explain MERGER --insz | --username | --dossier}, and the search box of the dashboard's merger page). It
 * composes what the features stored — access's accounts and plan changes ({@link be.ocmw.merge.access.AccessStory}),
 * the dossiers ({@link be.ocmw.merge.dossiers.DossierStory}), the merger's plan, approval and apply
 * ({@link be.ocmw.merge.merger.StoredPlans#cited}), the plan's findings, the audit trail and the reconciliation's drift —
 * into one {@link be.ocmw.merge.explain.Explanation} in the reader's language, which the console, a file and the page
 * show alike. It never plans again: every rule it names is read from the stored plan and the accounts it was made from.
 * INSZ are shown masked; owns no tables.
 */
package be.ocmw.merge.explain;
