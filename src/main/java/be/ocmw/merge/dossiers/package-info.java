/**
 * Running dossiers registered under an OCMW's KBO (KSZ integrations, social-investigation dossiers, A036
 * attestations): loading the social software's export (SPEC 4.2) idempotently, exporting the current
 * state with each reopened dossier's predecessor, and, in the merger, closing the running ones on the day
 * before the merger and reopening them under the merged OCMW.
 */
package be.ocmw.merge.dossiers;
