/**
 * The scheduler of {@code serve}: Quartz on a JDBC job store in the same PostgreSQL (tables by Flyway),
 * clustered, so that of several {@code serve} processes one fires the nightly reconciliation. The Quartz job
 * is thin: it turns the night it was scheduled for into the reconciliation job's identifying parameter and
 * starts it, so a night is never reconciled twice; after downtime the missed nights fire once.
 */
package be.ocmw.merge.scheduling;
