/**
 * The scheduler of {@code serve} and what a night does: Quartz on a JDBC job store in the same PostgreSQL (tables by
 * Flyway), clustered, so that of several {@code serve} processes one fires the nightly reconciliation. The Quartz jobs
 * are thin: one turns the night it was scheduled for into {@link be.ocmw.merge.scheduling.NightlyReconciliation}'s
 * night (identifying the reconciliation job, so a night is never reconciled twice; after downtime the missed nights
 * fire once), which then has the digests mailed, verifies the audit trail, and records the attempt in its table
 * {@code nightly_attempt}; a failed first attempt is retried once by a one-shot trigger, a failed retry is told to
 * the operators. The other sends the mails left in the outbox. The nights' health and metrics are read from that
 * table, whichever node ran them.
 */
package be.ocmw.merge.scheduling;
