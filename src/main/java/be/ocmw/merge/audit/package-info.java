/**
 * The trail of what happened: every command that touched the database is a run (command, arguments,
 * start, end, outcome), and every change to organisations, accounts, grants, dossiers and requests is
 * an audit row naming its run, with the row before and after. The audit rows and the consultation log (who saw
 * personal data in full, when, what, about how many persons, why: {@link be.ocmw.merge.audit.Consultations}) carry a
 * hash chain that {@link be.ocmw.merge.audit.AuditChain} verifies; {@link be.ocmw.merge.audit.PersonalData} is what
 * every feature implements so that a retention purge reaches each copy of a person's data. {@link
 * be.ocmw.merge.audit.ExitCode} is how a run ends (SPEC 7): a failure that ends it otherwise than "failed" carries its
 * own code, so that the command line, the dashboard's actions and the run log agree without knowing each feature's
 * exceptions.
 */
package be.ocmw.merge.audit;
