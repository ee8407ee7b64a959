/**
 * The command line, a contract that scripts and schedulers call ({@code java -jar ocmw-merge.jar
 * <command>}). Commands that need no database (help, the merger registry) answer without starting Spring;
 * the others start the application on the chosen database, record themselves as a run, and end with the
 * exit codes of SPEC section 7: 0 done, 2 usage error, 3 an input could not be read, 4 blocked or not
 * the approved plan, 5 the run failed (run the same command again to resume).
 */
package be.ocmw.merge.cli;
