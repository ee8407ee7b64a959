package be.ocmw.merge.notify.internal;

import be.ocmw.merge.notify.Mail;
import be.ocmw.merge.notify.Outbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code mailOutbox} in serve's health: UP when every mail was sent or waits for its first try; DEGRADED when the SMTP
 * server refused one or could not be reached (it is tried again), with the latest error. Not Spring Boot's own mail
 * check, which would connect to the SMTP server at every look at the health.
 */
@Component
@ConditionalOnWebApplication
class MailOutboxHealthIndicator implements HealthIndicator {

    private final Outbox outbox;

    MailOutboxHealthIndicator(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        List<Mail> unsent = outbox.unsent();
        List<Mail> failed = unsent.stream().filter(m -> m.status() == Mail.Status.FAILED).toList();
        Health.Builder health = failed.isEmpty() ? Health.up() : Health.status(new Status("DEGRADED"));
        health.withDetail("unsent", unsent.size()).withDetail("failed", failed.size());
        failed.stream().reduce((a, b) -> b).ifPresent(last -> health.withDetail("lastError", last.lastError())
                .withDetail("attempts", last.attempts()));
        return health.build();
    }
}
