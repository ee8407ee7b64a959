/**
 * The trail of what happened: every command that touched the database is a run (command, arguments,
 * start, end, outcome), and every change to organisations, accounts, grants, dossiers and requests is
 * an audit row naming its run, with the row before and after. {@link be.ocmw.merge.audit.ExitCode} is how a run
 * ends (SPEC 7): a failure that ends it otherwise than "failed" carries its own code, so that the command line, the
 * dashboard's actions and the run log agree without knowing each feature's exceptions.
 */
package be.ocmw.merge.audit;
