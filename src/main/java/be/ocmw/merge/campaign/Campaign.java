package be.ocmw.merge.campaign;

import be.ocmw.merge.audit.Consultation;
import be.ocmw.merge.audit.Consultations;
import be.ocmw.merge.domain.EmailAddress;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.intake.Designations;
import be.ocmw.merge.intake.LoadedAccounts;
import be.ocmw.merge.intake.ReviewWorkbooks;
import be.ocmw.merge.notify.Mail;
import be.ocmw.merge.notify.Outbox;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The campaign of a merger (SPEC 4.6): where each participant stands (its contact, the workbook sent, the reminders,
 * its submission), sending the pre-filled workbooks, and the reminders and escalation of a day.
 */
@Component
public class Campaign {

    /** Where a participant's address comes from. */
    public enum Source { REGISTRY, HTB, NONE }

    /** The address a participant's mails go to; {@code address} null when there is none ({@code NONE}). */
    public record Contact(EmailAddress address, Source source) {
    }

    /** One mail of the campaign as sent (or queued): when, to whom, by whom, and how the outbox fared with it. */
    public record Sent(String kind, Integer days, OffsetDateTime at, String to, String by, Mail.Status status,
                       String problem) {
    }

    /**
     * A participant in the campaign: its contact, the workbook mails and the reminders sent to it (oldest first), its
     * current submission ({@code received} null: none), and whether that came after the deadline.
     */
    public record Participant(Ocmw ocmw, Contact contact, List<Sent> workbooks, List<Sent> reminders,
                              Designations.Received received, boolean late) {

        public Optional<Sent> lastWorkbook() {
            return workbooks.isEmpty() ? Optional.empty() : Optional.of(workbooks.get(workbooks.size() - 1));
        }

        public boolean answered() {
            return received != null;
        }
    }

    /**
     * What {@link #send} did for one participant: mailed (and whether the SMTP server took it: {@code problem} null), or
     * not mailed and why ({@code problem}, in words for every language).
     */
    public record Outcome(Ocmw ocmw, String to, boolean queued, be.ocmw.merge.domain.Reason problem, int accounts) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final ReviewWorkbooks workbooks;
    private final Designations designations;
    private final LoadedAccounts accounts;
    private final Consultations consultations;
    private final CampaignSettings settings;

    Campaign(JdbcClient jdbc, Outbox outbox, ReviewWorkbooks workbooks, Designations designations, LoadedAccounts accounts,
             Consultations consultations, CampaignSettings settings) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.workbooks = workbooks;
        this.designations = designations;
        this.accounts = accounts;
        this.consultations = consultations;
        this.settings = settings;
    }

    /** Where every participant of the merger stands in the campaign. */
    public List<Participant> status(Merger merger) {
        Map<String, Designations.Received> received = designations.received(merger);
        List<Participant> participants = new ArrayList<>();
        for (Ocmw ocmw : merger.participants()) {
            List<Sent> sent = sent(merger, ocmw.kbo());
            Designations.Received submission = received.get(ocmw.kbo().digits());
            participants.add(new Participant(ocmw, contact(ocmw), sent.stream().filter(s -> s.kind().equals("WORKBOOK")).toList(),
                    sent.stream().filter(s -> s.kind().equals("REMINDER")).toList(), submission,
                    submission != null && merger.late(submission.submittedOn())));
        }
        return participants;
    }

    /** Whether the campaign of the merger was started (a workbook mailed to any participant). */
    public boolean started(Merger merger) {
        return firstSent(merger).isPresent();
    }

    /** The registry's contact, else the current HTB's address as loaded, else none. */
    public Contact contact(Ocmw ocmw) {
        if (ocmw.contact() != null) {
            return new Contact(ocmw.contact(), Source.REGISTRY);
        }
        return accounts.htbEmail(ocmw.kbo().digits()).flatMap(Campaign::address)
                .map(address -> new Contact(address, Source.HTB)).orElse(new Contact(null, Source.NONE));
    }

    /**
     * Mails each participant ({@code only}: that one) its pre-filled workbook, in the merger's language, unless it was
     * mailed before ({@code resend}: again, recorded as such); sends what it queued before it returns. Each mail is a
     * consultation of personal data: who sent it, to whom, how many persons the workbook names.
     */
    public List<Outcome> send(Merger merger, boolean resend, be.ocmw.merge.domain.Actor by, long run, Kbo only) {
        ReportText text = ReportText.of(merger.language().locale());
        Path folder;
        try {
            folder = Files.createTempDirectory("ocmw-campaign");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the workbooks: " + e.getMessage(), e);
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<Long> queued = new ArrayList<>();
        try {
            for (Ocmw ocmw : merger.participants()) {
                if (only != null && !only.equals(ocmw.kbo())) {
                    continue;
                }
                Contact contact = contact(ocmw);
                int before = sent(merger, ocmw.kbo()).stream().filter(s -> s.kind().equals("WORKBOOK")).toList().size();
                if (before > 0 && !resend) {
                    outcomes.add(new Outcome(ocmw, null, false, be.ocmw.merge.domain.Reason.of("campaign.sent_before"), 0));
                    continue;
                }
                if (contact.address() == null) {
                    outcomes.add(new Outcome(ocmw, null, false, be.ocmw.merge.domain.Reason.of("campaign.no_address"), 0));
                    continue;
                }
                ReviewWorkbooks.Written workbook = workbooks.write(merger, folder, false, merger.language(), ocmw.kbo()).get(0);
                byte[] content = Files.readAllBytes(workbook.file());
                String name = text.get("campaign.attachment", merger.id(), ocmw.name()).replaceAll("[\\\\/:*?\"<>|]", "") + ".xlsx";
                long mail = outbox.queue(Mail.Kind.CAMPAIGN_WORKBOOK,
                        "campaign:workbook:" + merger.id() + ":" + ocmw.kbo().digits() + ":" + before, merger.id(),
                        merger.language(), List.of(contact.address()),
                        text.get("campaign.workbook.subject", merger.name(), ocmw.name(), ReportText.date(merger.deadline())),
                        text.get("campaign.workbook.body", merger.name(), ocmw.name(), ReportText.date(merger.deadline()),
                                replyTo(merger).map(EmailAddress::address).orElse(text.get("campaign.no_reply_to")),
                                workbook.accounts()),
                        replyTo(merger).orElse(null), new Outbox.Attachment(name, content));
                record(merger, ocmw.kbo(), "WORKBOOK", null, contact.address(), by.name(), run, mail, workbook.accounts());
                consultations.record(Consultation.of(by, Consultation.Channel.COMMAND_LINE, "campaign mail: pre-filled workbook",
                        merger.id(), name + " to " + contact.address().address(), workbook.accounts(),
                        "the campaign asks the OCMW for its workbook (SPEC 4.6)", run));
                queued.add(mail);
                outcomes.add(new Outcome(ocmw, contact.address().address(), true, null, workbook.accounts()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a workbook written for the campaign: " + e.getMessage(), e);
        } finally {
            FileSystemUtils.deleteRecursively(folder.toFile());
        }
        Map<Long, String> delivered = outbox.sendNow(queued);
        List<Outcome> result = new ArrayList<>();
        int q = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.queued()) {
                String problem = delivered.get(queued.get(q++));
                result.add(new Outcome(outcome.ocmw(), outcome.to(), true,
                        problem == null ? null : be.ocmw.merge.domain.Reason.words(problem), outcome.accounts()));
            } else {
                result.add(outcome);
            }
        }
        return result;
    }

    /**
     * The reminders and the escalation {@code today} asks for, queued once whatever the number of {@code serve} nodes
     * that ask (each mail has its purpose): a reminder {@code d} days before the deadline (from that day until the next
     * reminder's) to each participant whose workbook was mailed and that sent nothing since the campaign started; the
     * day after the deadline, one mail to the merger's notify list naming the OCMWs missing or late. Returns the mails
     * queued now.
     */
    public List<Long> remind(Merger merger, LocalDate today, String by) {
        Optional<OffsetDateTime> start = firstSent(merger);
        if (start.isEmpty()) {
            return List.of();
        }
        ReportText text = ReportText.of(merger.language().locale());
        List<Long> queued = new ArrayList<>();
        // the campaign as it stands, read once: a day falls in one reminder's days at most
        List<Participant> participants = status(merger);
        List<Integer> days = settings.remindDays();
        for (int i = 0; i < days.size(); i++) {
            int d = days.get(i);
            LocalDate from = merger.deadline().minusDays(d);
            LocalDate until = i + 1 < days.size() ? merger.deadline().minusDays(days.get(i + 1) + 1) : merger.deadline();
            if (today.isBefore(from) || today.isAfter(until)) {
                continue;
            }
            for (Participant participant : participants) {
                boolean answered = participant.received() != null && participant.received().receivedAt() != null
                        && !participant.received().receivedAt().isBefore(start.get());
                boolean reminded = participant.reminders().stream().anyMatch(r -> r.days() != null && r.days() == d);
                if (answered || reminded || participant.workbooks().isEmpty() || participant.contact().address() == null) {
                    continue;
                }
                EmailAddress to = participant.contact().address();
                long mail = outbox.queue(Mail.Kind.CAMPAIGN_REMINDER,
                        "campaign:reminder:" + merger.id() + ":" + participant.ocmw().kbo().digits() + ":" + d, merger.id(),
                        merger.language(), List.of(to),
                        text.get("campaign.reminder.subject", merger.name(), participant.ocmw().name(),
                                ReportText.date(merger.deadline())),
                        text.get("campaign.reminder.body", merger.name(), participant.ocmw().name(),
                                ReportText.date(merger.deadline()), d,
                                replyTo(merger).map(EmailAddress::address).orElse(text.get("campaign.no_reply_to"))),
                        replyTo(merger).orElse(null), null);
                if (record(merger, participant.ocmw().kbo(), "REMINDER", d, to, by, null, mail, 0)) {
                    queued.add(mail);
                }
            }
        }
        if (today.isAfter(merger.deadline()) && !merger.recipients().isEmpty()) {
            List<String> missing = new ArrayList<>();
            List<String> late = new ArrayList<>();
            for (Participant participant : participants) {
                // words between the KBO and the date: a number beside a date must not read as a national number
                if (participant.received() == null) {
                    missing.add(text.get("campaign.escalation.missing", participant.ocmw().name(),
                            participant.ocmw().kbo().formatted()));
                } else if (participant.late()) {
                    late.add(text.get("campaign.escalation.late", participant.ocmw().name(), participant.ocmw().kbo().formatted(),
                            ReportText.date(participant.received().submittedOn())));
                }
            }
            if (!missing.isEmpty() || !late.isEmpty()) {
                long mail = outbox.queue(Mail.Kind.CAMPAIGN_ESCALATION, "campaign:escalation:" + merger.id(), merger.id(),
                        merger.language(), merger.recipients(),
                        text.get("campaign.escalation.subject", merger.name(), missing.size(), late.size()),
                        text.get("campaign.escalation.body", merger.name(), ReportText.date(merger.deadline()),
                                missing.isEmpty() ? text.get("campaign.none") : String.join("\n  - ", missing),
                                late.isEmpty() ? text.get("campaign.none") : String.join("\n  - ", late)),
                        null, null);
                if (record(merger, null, "ESCALATION", null, merger.recipients().get(0), by, null, mail, 0)) {
                    queued.add(mail);
                }
            }
        }
        return queued;
    }

    /** The campaign's mails to one participant, oldest first, with how the outbox fared. */
    private List<Sent> sent(Merger merger, Kbo kbo) {
        record Row(String kind, Integer days, OffsetDateTime at, String to, String by, long mail) {
        }
        List<Row> rows = jdbc.sql("""
                        select kind, days, at, recipient, sent_by, mail_id from campaign_mail
                        where merger_id = :merger and kbo = :kbo order by id""")
                .param("merger", merger.id()).param("kbo", kbo.digits())
                .query((rs, n) -> new Row(rs.getString(1), (Integer) rs.getObject(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getString(5), rs.getLong(6)))
                .list();
        Map<Long, Mail> mails = outbox.byId(rows.stream().map(Row::mail).toList());
        return rows.stream().map(r -> {
            Mail mail = mails.get(r.mail());
            return new Sent(r.kind(), r.days(), r.at(), r.to(), r.by(), mail == null ? Mail.Status.PENDING : mail.status(),
                    mail == null ? null : mail.lastError());
        }).toList();
    }

    private Optional<OffsetDateTime> firstSent(Merger merger) {
        return jdbc.sql("select min(at) from campaign_mail where merger_id = :merger and kind = 'WORKBOOK'")
                .param("merger", merger.id()).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .filter(java.util.Objects::nonNull);
    }

    /** Records a mail of the campaign once (a second node that queued the same mail finds it recorded); whether now. */
    private boolean record(Merger merger, Kbo kbo, String kind, Integer days, EmailAddress to, String by, Long run, long mail,
                           int persons) {
        return jdbc.sql("""
                        insert into campaign_mail (merger_id, kbo, kind, days, recipient, sent_by, run_id, mail_id, persons)
                        values (:merger, :kbo, :kind, :days, :to, :by, :run, :mail, :persons)
                        on conflict (mail_id) do nothing""")
                .param("merger", merger.id()).param("kbo", kbo == null ? null : kbo.digits()).param("kind", kind)
                .param("days", days, java.sql.Types.INTEGER).param("to", to.address()).param("by", by)
                .param("run", run, java.sql.Types.BIGINT).param("mail", mail).param("persons", persons).update() > 0;
    }

    /** Replies go to the merger's first notify address: the coordinator who asks. */
    private static Optional<EmailAddress> replyTo(Merger merger) {
        return merger.recipients().stream().findFirst();
    }

    private static Optional<EmailAddress> address(String text) {
        try {
            return Optional.of(EmailAddress.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
