package be.ocmw.merge.notify;

import be.ocmw.merge.domain.EmailAddress;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A mail of the outbox: what it is for, to whom, its words, and how sending it went so far. {@code purpose} makes it
 * once: the digest of one merger after one run, the failure of one night.
 */
public record Mail(long id, Kind kind, String purpose, String merger, List<EmailAddress> recipients, String subject,
                   String body, Status status, int attempts, String lastError, OffsetDateTime createdAt,
                   OffsetDateTime lastAttemptAt, OffsetDateTime sentAt) {

    public Mail {
        recipients = List.copyOf(recipients);
    }

    public enum Kind {
        /** New drift of a merger, to its notify list. */
        DRIFT_DIGEST,
        /** A nightly reconciliation that failed again after its retry, to the operators. */
        NIGHT_FAILED,
        /** An OCMW's pre-filled workbook, attached, to its contact (SPEC 4.6). */
        CAMPAIGN_WORKBOOK,
        /** A reminder before the deadline to an OCMW that sent nothing yet. */
        CAMPAIGN_REMINDER,
        /** The day after the deadline, to the merger's notify list: who is missing or late. */
        CAMPAIGN_ESCALATION,
        /** The outcome of a scheduled apply, to the merger's notify list and the operators. */
        SCHEDULED_APPLY
    }

    public enum Status {
        /** Not tried yet. */
        PENDING,
        /** Tried and refused or unreachable: tried again every {@code ocmw.notify.retry-every}. */
        FAILED,
        /** The SMTP server took it. */
        SENT
    }
}
