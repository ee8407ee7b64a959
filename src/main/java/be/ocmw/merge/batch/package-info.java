/**
 * What every job of ocmw-merge shares: starting a job or resuming the run of it that did not finish (one
 * process at a time per job and parameters), rejected input rows as values that a skip listener records
 * exactly once, and the files a load or intake reads, each with what became of it.
 */
package be.ocmw.merge.batch;
