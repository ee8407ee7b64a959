package be.ocmw.merge.notify.internal;

import be.ocmw.merge.notify.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** {@code ocmw_mail_unsent}: the mails the SMTP server has not taken yet, read from the outbox at each scrape. */
@Component
@ConditionalOnWebApplication
class MailOutboxMetrics implements MeterBinder {

    private final Outbox outbox;

    MailOutboxMetrics(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ocmw.mail.unsent", outbox, Outbox::unsentCount)
                .description("Mails the SMTP server has not taken yet (refused ones are tried again)").register(registry);
    }
}
