/**
 * What every job of ocmw-merge shares: starting a job or resuming the run of it that did not finish (one
 * process at a time per job and parameters), rejected input rows as values that a skip listener records
 * exactly once, the files a load or intake reads, each with what became of it, rows read and checked ahead of
 * the COPY that writes them, and the progress a long job prints.
 */
package be.ocmw.merge.batch;
