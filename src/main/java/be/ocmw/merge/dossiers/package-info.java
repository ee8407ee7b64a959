/**
 * Running dossiers registered under an OCMW's KBO (KSZ integrations, social-investigation dossiers, A036
 * attestations): loading the social software's export (SPEC 4.2) idempotently, exporting the current state with each
 * reopened dossier's predecessor, and the dossiers' part of a merger ({@link be.ocmw.merge.dossiers.DossierMergerPart},
 * SPEC 5.4): which running dossiers are closed on C and reopened under the merged OCMW on E ({@code DossierPlanner}),
 * stored under a plan in {@code plan_dossier}, applied a source OCMW at a time ({@code DossierWriter} in
 * {@code applyDossiersStep}), checked, and for the reconciliation which dossiers drifted. Owns {@code dossier} and
 * {@code plan_dossier}.
 */
package be.ocmw.merge.dossiers;
