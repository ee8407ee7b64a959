package be.ocmw.merge.campaign;

import be.ocmw.merge.audit.Consultations;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.notify.Mail;
import be.ocmw.merge.notify.Outbox;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.SampleDataTest;
import be.ocmw.merge.support.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC 4.6 against a real SMTP server in this JVM (GreenMail): the workbooks mailed once each (to the registry's contact
 * or the OCMW's current HTB), a resend, a refused mail tried again, the reminders on the days before the deadline to
 * those that sent nothing since, asked for twice (two nodes) and sent once, the escalation the day after, and each
 * workbook mail in the consultation log.
 */
@TestPropertySource(properties = {"ocmw.notify.from=ocmw-merge@vlaanderen.example", "ocmw.mail.needed=true"})
class CampaignTests extends SampleDataTest {

    static final int SMTP_PORT = TestSmtp.freePort();
    static final Path REGISTRY = registry();
    static final MergerRegistry MERGERS = RegistryLoader.load(REGISTRY).registry();

    static GreenMail smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("ocmw.registry.file", REGISTRY::toString);
    }

    @Autowired
    Campaign campaign;

    @Autowired
    Outbox outbox;

    @Autowired
    Consultations consultations;

    @TempDir
    Path folder;

    @BeforeEach
    void emptyMailbox() throws Exception {
        if (!smtp.isRunning()) {
            smtp = TestSmtp.on(SMTP_PORT);
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    /** The tests after this one in the same database start from nothing, as they expect. */
    @org.junit.jupiter.api.AfterEach
    void empty() {
        clean(jdbc);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void eachOcmwGetsItsOwnWorkbookOnceIsRemindedUntilItAnswersAndTheCoordinatorsHearWhoIsMissing() throws Exception {
        // given the sample loaded; Galmaarden has a contact in the registry, Gooik and Herne are mailed at their HTB
        loadSampleData(folder);
        Merger merger = MERGERS.find("pajottegem").orElseThrow();
        assertThat(campaign.status(merger)).extracting(p -> p.contact().source().name())
                .containsExactly("REGISTRY", "HTB", "HTB");
        long consulted = consultations.between(null, null).size();

        // when the campaign is sent
        List<Campaign.Outcome> sent = campaign.send(merger, false, COORDINATOR, run(), null);

        // then one mail per participant, with its own workbook, Reply-To the coordinator
        assertThat(sent).allSatisfy(o -> assertThat(o.queued()).isTrue()).allSatisfy(o -> assertThat(o.problem()).isNull());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        MimeMessage galmaarden = to(received, "toegangsbeheer@galmaarden.example");
        assertThat(galmaarden.getReplyTo()[0].toString()).isEqualTo("coordinator@vlaanderen.example");
        assertThat(galmaarden.getSubject()).contains("Pajottegem").contains("OCMW Galmaarden").contains("15/11/2024");
        for (Campaign.Participant participant : campaign.status(merger)) {
            MimeMessage message = to(received, participant.contact().address().address());
            try (XSSFWorkbook workbook = attachment(message)) {
                assertThat(workbook.getSheet("OCMW").getRow(1).getCell(1).getStringCellValue())
                        .isEqualTo(participant.ocmw().kbo().formatted());
                assertThat(workbook.getSheet("Gebruikers").getLastRowNum()).isPositive();
            }
            assertThat(text(message)).doesNotContainPattern("\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}|\\d{11}");
            assertThat(participant.lastWorkbook()).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(Mail.Status.SENT));
        }
        assertThat(consultations.between(null, null)).hasSize((int) consulted + 3)
                .filteredOn(c -> c.what().equals("campaign mail: pre-filled workbook")).hasSize(3);

        // when it is sent again: nothing; a resend to Gooik: Gooik's again
        assertThat(campaign.send(merger, false, COORDINATOR, run(), null)).noneMatch(Campaign.Outcome::queued);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(campaign.send(merger, true, COORDINATOR, run(), new Kbo("0212600838")))
                .singleElement().satisfies(o -> assertThat(o.queued()).isTrue());
        assertThat(smtp.getReceivedMessages()).hasSize(4);

        // when the mail server refuses, the resend to Herne waits in the outbox, and goes when it is back
        smtp.stop();
        Campaign.Outcome refused = campaign.send(merger, true, COORDINATOR, run(), new Kbo("0212281728")).get(0);
        assertThat(refused.problem()).isNotNull();
        assertThat(outbox.unsent()).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(Mail.Status.FAILED));
        smtp = TestSmtp.on(SMTP_PORT);
        assertThat(outbox.sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        // when 7 days before the deadline comes (asked twice, as two serve nodes would): each OCMW reminded once
        smtp.purgeEmailFromAllMailboxes();
        assertThat(campaign.remind(merger, LocalDate.of(2024, 11, 8), "scheduler")).hasSize(3);
        assertThat(campaign.remind(merger, LocalDate.of(2024, 11, 8), "scheduler")).isEmpty();
        outbox.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(3);

        // when Gooik answers, 2 days before only the others are reminded
        intake.intake(resubmitted(folder.resolve("sample/submissions/pajottegem-gooik-v2.xlsx")), run());
        smtp.purgeEmailFromAllMailboxes();
        assertThat(campaign.remind(merger, LocalDate.of(2024, 11, 10), "scheduler")).as("between two reminders").isEmpty();
        assertThat(campaign.remind(merger, LocalDate.of(2024, 11, 13), "scheduler")).hasSize(2);
        outbox.sendDue();
        assertThat(smtp.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .doesNotContain(campaign.status(merger).get(1).contact().address().address());

        // when the deadline has passed: one mail to the notify list, naming the OCMW that answered late
        smtp.purgeEmailFromAllMailboxes();
        assertThat(campaign.remind(merger, LocalDate.of(2024, 11, 16), "scheduler")).hasSize(1);
        assertThat(campaign.remind(merger, LocalDate.of(2024, 11, 17), "scheduler")).isEmpty();
        outbox.sendDue();
        MimeMessage[] escalation = smtp.getReceivedMessages();
        assertThat(escalation).hasSize(2);
        assertThat(text(escalation[0])).contains("OCMW Herne (KBO 0212.281.728), ingediend op 20/11/2024");
        assertThat(campaign.status(merger)).extracting(p -> p.reminders().size()).containsExactly(2, 1, 2);
    }

    /** A copy of a submission with a later date: the OCMW answers again, after the campaign started. */
    private Path resubmitted(Path workbook) throws IOException {
        Path dir = Files.createDirectories(folder.resolve("answer"));
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            book.getSheet("OCMW").getRow(3).getCell(1).setCellValue("14/11/2024");
            try (var out = Files.newOutputStream(dir.resolve("gooik-answer.xlsx"))) {
                book.write(out);
            }
        }
        return dir;
    }

    private static MimeMessage to(MimeMessage[] messages, String address) throws Exception {
        for (MimeMessage message : messages) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                return message;
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    private static XSSFWorkbook attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".xlsx")) {
                try (InputStream in = part.getInputStream()) {
                    return new XSSFWorkbook(in);
                }
            }
        }
        throw new AssertionError("no workbook attached");
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text;
        }
        Multipart parts = (Multipart) content;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContent() instanceof String text) {
                texts.add(text);
            } else if (part.getContent() instanceof Multipart inner) {
                for (int j = 0; j < inner.getCount(); j++) {
                    if (inner.getBodyPart(j).getContent() instanceof String text) {
                        texts.add(text);
                    }
                }
            }
        }
        return String.join("\n", texts);
    }

    private static Path registry() {
        return Registries.shippedWith("    name: Pajottegem\n", "    name: Pajottegem\n"
                        + "    notify: [coordinator@vlaanderen.example, htb@pajottegem.example]\n",
                "{ name: OCMW Galmaarden, kbo: \"0212.978.247\", nis: \"23023\" }",
                "{ name: OCMW Galmaarden, kbo: \"0212.978.247\", nis: \"23023\", contact: toegangsbeheer@galmaarden.example }");
    }
}
