/**
 * The trail of what happened: every command that touched the database is a run (command, arguments,
 * start, end, outcome), and every change to organisations, accounts, grants, dossiers and requests is
 * an audit row naming its run, with the row before and after. The audit rows and the consultation log (who saw
 * personal data in full, when, what, about how many persons, why: {@link be.ocmw.merge.audit.Consultations}) carry a
 * hash chain that {@link be.ocmw.merge.audit.AuditChain} verifies; {@link be.ocmw.merge.audit.PersonalData} is what
 * every feature implements so that a retention purge reaches each copy of a person's data. The audit trail has one
 * writer: {@link be.ocmw.merge.audit.AuditWriter} for single acts, and the view {@code audit_entry} that other modules'
 * set-based statements insert into (docs/architecture.md); no SQL outside this module names the {@code audit} table.
 * Owns {@code run}, {@code audit}, {@code audit_entry}, {@code chain_head}, {@code chain_seal}, {@code chain_check},
 * {@code consultation}.
 */
package be.ocmw.merge.audit;
