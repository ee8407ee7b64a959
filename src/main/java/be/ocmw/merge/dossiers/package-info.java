/**
 * Running dossiers registered under an OCMW's KBO (KSZ integrations, social-investigation dossiers, A036
 * attestations): loading the social software's export (SPEC 4.2) idempotently, and exporting the current
 * state with each reopened dossier's predecessor. Closing the running ones on the day before a merger and
 * reopening them under the merged OCMW is planned and applied by {@code plan} ({@code DossierPlanner},
 * {@code DossierWriter}), on the tables this feature loads.
 */
package be.ocmw.merge.dossiers;
