package be.ocmw.merge.notify;

import be.ocmw.merge.domain.Language;
import be.ocmw.merge.notify.Mail.Kind;
import be.ocmw.merge.notify.internal.DigestText;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the operators are told by mail (in Dutch and in French): a nightly reconciliation that failed after its retry. */
@Component
public class OperatorNotices {

    private final Outbox outbox;
    private final DigestText text;
    private final NotifySettings settings;

    OperatorNotices(Outbox outbox, DigestText text, NotifySettings settings) {
        this.outbox = outbox;
        this.text = text;
        this.settings = settings;
    }

    /** Queues the notice of this night's failure once, however often it is reported; the mail's id. */
    public long nightFailed(LocalDate night, int attempts, OffsetDateTime last, String error) {
        DigestText.Words words = text.nightFailed(night, attempts, last, error);
        return outbox.queue(Kind.NIGHT_FAILED, "night failed " + night, null, Language.DUTCH, settings.operators(),
                words.subject(), words.body());
    }
}
