/**
 * Telling people: after a nightly reconciliation, a digest per merger of the drift that is new since the last
 * digest, in the merger's language, to the addresses of its {@code notify:} list in the registry; when a night fails
 * twice, a notice to the operators. Every mail goes through an outbox table ({@link be.ocmw.merge.notify.Outbox}) that
 * keeps it until the SMTP server took it, so that a refused or unreachable server means a retry and a line on the
 * dashboard, never a mail lost without anyone knowing.
 */
package be.ocmw.merge.notify;
