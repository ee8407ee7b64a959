package be.ocmw.merge.notify;

import be.ocmw.merge.domain.EmailAddress;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.Language;
import be.ocmw.merge.notify.Mail.Kind;
import be.ocmw.merge.notify.Mail.Status;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The mails ocmw-merge means to send, in the database before any is sent: queued once per purpose, sent by
 * {@link #sendDue()} (after a night, and every {@code ocmw.notify.retry-every} by the scheduler), each marked SENT
 * when the SMTP server took it or FAILED with the server's answer, to be tried again. Of several {@code serve}
 * processes, one sends a given mail: it holds the row while it sends.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotifySettings settings;
    private final Environment environment;

    Outbox(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mailSender,
           NotifySettings settings, Environment environment) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mailSender = mailSender;
        this.settings = settings;
        this.environment = environment;
    }

    /** Queues a mail unless one for this purpose was queued before; its id either way. */
    public long queue(Kind kind, String purpose, String merger, Language language, List<EmailAddress> recipients,
                      String subject, String body) {
        return queue(kind, purpose, merger, language, recipients, subject, body, null, null);
    }

    /** An attached file of a mail: its name as the reader sees it, and its bytes. */
    public record Attachment(String name, byte[] content) {
    }

    /**
     * The same with a Reply-To ({@code replyTo}, null: none) and a file attached ({@code attachment}, null: none): what
     * the campaign mails each OCMW.
     */
    public long queue(Kind kind, String purpose, String merger, Language language, List<EmailAddress> recipients,
                      String subject, String body, EmailAddress replyTo, Attachment attachment) {
        jdbc.sql("""
                        insert into mail_outbox (kind, purpose, merger_id, language, recipients, subject, body, reply_to,
                                                 attachment_name, attachment)
                        values (:kind, :purpose, :merger, :language, :recipients, :subject, :body, :replyTo, :name, :content)
                        on conflict (purpose) do nothing""")
                .param("replyTo", replyTo == null ? null : replyTo.address())
                .param("name", attachment == null ? null : attachment.name())
                .param("content", attachment == null ? null : attachment.content())
                .param("kind", kind.name()).param("purpose", purpose).param("merger", merger)
                .param("language", language.code())
                .param("recipients", recipients.stream().map(EmailAddress::address).toArray(String[]::new))
                // whatever a message quotes, no national number leaves the back office in full
                .param("subject", Insz.maskedIn(subject)).param("body", Insz.maskedIn(body))
                .update();
        return jdbc.sql("select id from mail_outbox where purpose = :purpose").param("purpose", purpose)
                .query(Long.class).single();
    }

    /** Sends these mails now (those not sent yet); per mail, null when the SMTP server took it, else why not. */
    public java.util.Map<Long, String> sendNow(List<Long> ids) {
        java.util.Map<Long, String> outcome = new java.util.LinkedHashMap<>();
        for (long id : ids) {
            transactions.execute(status -> send(id));
            outcome.put(id, jdbc.sql("select case when status = 'SENT' then null else coalesce(last_error, 'not sent yet') end "
                    + "from mail_outbox where id = :id").param("id", id).query(String.class).optional().orElse(null));
        }
        return outcome;
    }

    /** How these mails fared so far, by id: their status and the server's last answer (null when none). */
    public java.util.Map<Long, Mail> byId(List<Long> ids) {
        java.util.Map<Long, Mail> mails = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from mail_outbox where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                    .query(Outbox::mail).list().forEach(m -> mails.put(m.id(), m));
        }
        return mails;
    }

    /** Sends every mail not sent yet; how many the SMTP server took. */
    public int sendDue() {
        List<Long> due = jdbc.sql("select id from mail_outbox where status <> 'SENT' order by id").query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            Boolean took = transactions.execute(status -> send(id));
            sent += Boolean.TRUE.equals(took) ? 1 : 0;
        }
        return sent;
    }

    private boolean send(long id) {
        Mail mail = jdbc.sql("select * from mail_outbox where id = :id and status <> 'SENT' for update skip locked")
                .param("id", id).query(Outbox::mail).optional().orElse(null);
        if (mail == null) {
            return false; // sent meanwhile, or being sent by another serve
        }
        String refused = deliver(mail);
        if (refused == null) {
            jdbc.sql("""
                            update mail_outbox set status = 'SENT', attempts = attempts + 1, last_error = null,
                                   last_attempt_at = clock_timestamp(), sent_at = clock_timestamp() where id = :id""")
                    .param("id", id).update();
            log.info("Mail {} ({}) sent to {} recipient(s)", id, mail.purpose(), mail.recipients().size());
            return true;
        }
        jdbc.sql("""
                        update mail_outbox set status = 'FAILED', attempts = attempts + 1, last_error = :error,
                               last_attempt_at = clock_timestamp() where id = :id""")
                .param("id", id).param("error", refused).update();
        log.warn("Mail {} ({}) not sent, attempt {}: {}; tried again in {}", id, mail.purpose(), mail.attempts() + 1,
                refused, settings.retryEvery());
        return false;
    }

    /** Null when the SMTP server took the mail; otherwise why not, in the words an operator can act on. */
    private String deliver(Mail mail) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null || environment.getProperty("spring.mail.host", "").isBlank()) {
            return "no SMTP server is configured (OCMW_MAIL_HOST, OCMW_MAIL_PORT)";
        }
        if (mail.recipients().isEmpty()) {
            return mail.kind() == Kind.NIGHT_FAILED ? "no operators' address is configured (OCMW_MAIL_OPERATORS)"
                    : "the mail has no recipients";
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            // the reply address and the attachment are read here only: lists of mails never carry the files
            record Extra(String replyTo, String name, byte[] content) {
            }
            Extra extra = jdbc.sql("select reply_to, attachment_name, attachment from mail_outbox where id = :id")
                    .param("id", mail.id())
                    .query((rs, n) -> new Extra(rs.getString(1), rs.getString(2), rs.getBytes(3))).single();
            MimeMessageHelper helper = new MimeMessageHelper(message, extra.content() != null, "UTF-8");
            helper.setFrom(settings.from().address());
            helper.setTo(mail.recipients().stream().map(EmailAddress::address).toArray(String[]::new));
            if (extra.replyTo() != null) {
                helper.setReplyTo(extra.replyTo());
            }
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            if (extra.content() != null) {
                helper.addAttachment(extra.name(), new org.springframework.core.io.ByteArrayResource(extra.content()),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            message.setHeader("Auto-Submitted", "auto-generated");
            sender.send(message);
            return null;
        } catch (MailException | MessagingException e) {
            return describe(e);
        }
    }

    private static String describe(Exception e) {
        StringBuilder why = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && why.length() < 500; cause = cause.getCause()) {
            if (cause.getMessage() != null && !why.toString().contains(cause.getMessage())) {
                why.append(": ").append(cause.getMessage());
            }
        }
        return why.length() > 500 ? why.substring(0, 500) + "…" : why.toString();
    }

    /** Mails the SMTP server refused or could not be reached for: how many, the latest answer, when it was tried. */
    public record Failing(int mails, String lastError, OffsetDateTime lastAttempt, java.time.Duration retryEvery) {

        /** The retry interval in whole minutes, at least one, for the reader. */
        public long retryMinutes() {
            return Math.max(1, (retryEvery.toSeconds() + 59) / 60);
        }
    }

    /** What the dashboard says while mails are not getting through. */
    public java.util.Optional<Failing> failing() {
        // every page asks: one row of figures, not the mails themselves
        return jdbc.sql("""
                        select count(*) as mails, max(last_attempt_at) as last,
                               (array_agg(last_error order by last_attempt_at desc))[1] as error
                        from mail_outbox where status = 'FAILED' having count(*) > 0""")
                .query((rs, n) -> new Failing(rs.getInt("mails"), rs.getString("error"),
                        rs.getObject("last", OffsetDateTime.class), settings.retryEvery()))
                .optional();
    }

    /** How many mails the SMTP server has not taken yet. */
    public int unsentCount() {
        return jdbc.sql("select count(*) from mail_outbox where status <> 'SENT'").query(Integer.class).single();
    }

    /** The mails the SMTP server has not taken yet, oldest first. */
    public List<Mail> unsent() {
        return jdbc.sql("select * from mail_outbox where status <> 'SENT' order by id").query(Outbox::mail).list();
    }

    /** The mails of a merger, newest first, at most {@code limit}. */
    public List<Mail> ofMerger(String merger, int limit) {
        return jdbc.sql("select * from mail_outbox where merger_id = :m order by id desc limit :limit")
                .param("m", merger).param("limit", limit).query(Outbox::mail).list();
    }

    private static Mail mail(ResultSet rs, int row) throws SQLException {
        String[] recipients = (String[]) rs.getArray("recipients").getArray();
        return new Mail(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("purpose"),
                rs.getString("merger_id"), Arrays.stream(recipients).map(EmailAddress::new).toList(),
                rs.getString("subject"), rs.getString("body"), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_attempt_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
    }
}
