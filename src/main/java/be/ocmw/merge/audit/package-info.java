/**
 * The trail of what happened: every command that touched the database is a run (command, arguments,
 * start, end, outcome), and every change to organisations, accounts, grants, dossiers and requests is
 * an audit row naming its run, with the row before and after.
 */
package be.ocmw.merge.audit;
