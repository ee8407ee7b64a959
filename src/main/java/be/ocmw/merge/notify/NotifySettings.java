package be.ocmw.merge.notify;

import be.ocmw.merge.domain.EmailAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code ocmw.notify.*}: the sender's address, the dashboard's address as the readers reach it (the links in a mail),
 * the operators told of a failed night, how often an unsent mail is tried again, and how many drifts of one kind a
 * digest lists before it says "and N more". The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 */
@ConfigurationProperties("ocmw.notify")
public record NotifySettings(EmailAddress from, String dashboardUrl, List<EmailAddress> operators, Duration retryEvery,
                             int listed) {

    public NotifySettings {
        operators = operators == null ? List.of() : List.copyOf(operators);
        dashboardUrl = dashboardUrl == null ? "" : dashboardUrl.replaceAll("/+$", "");
        if (retryEvery == null || retryEvery.toMillis() < 1000) {
            throw new IllegalArgumentException("ocmw.notify.retry-every (OCMW_MAIL_RETRY_EVERY) must be at least 1s, not " + retryEvery);
        }
    }
}
