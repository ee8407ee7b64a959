package be.ocmw.merge.notify;

import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.scheduling.NightlyReconciliation;
import be.ocmw.merge.scheduling.NightlyReconciliation.Result;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.SampleDataTest;
import be.ocmw.merge.support.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The night as serve runs it, minus the Quartz firing (that is {@code MonitoringFunctionalTests}'): the sample mergers
 * pajottegem (Dutch) and hasselt (French) applied, drift made in their old OCMWs, and the nights run against a real
 * SMTP server in this JVM (GreenMail), whose received messages are read. The dashboard and the health are read through
 * MockMvc in the same context.
 */
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestPropertySource(properties = {"spring.main.web-application-type=servlet", "ocmw.notify.dashboard-url=https://ocmw-merge.example/",
        "ocmw.notify.operators=ops@rsz.example,oncall@rsz.example", "ocmw.notify.from=ocmw-merge@rsz.example"})
class NightlyMailTests extends SampleDataTest {

    static final int SMTP_PORT = TestSmtp.freePort();
    static final Path REGISTRY = registry();
    static final MergerRegistry MERGERS = RegistryLoader.load(REGISTRY).registry();
    static final String KORTESSEM = "0212224419";

    static GreenMail smtp = smtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("ocmw.registry.file", REGISTRY::toString);
    }

    @Autowired
    NightlyReconciliation nightly;

    @Autowired
    Outbox outbox;

    @Autowired
    be.ocmw.merge.merger.MergerRuns runs;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path folder;

    @BeforeEach
    void emptyMailbox() throws Exception {
        if (!smtp.isRunning()) {
            smtp = smtp();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void oneNightSendsEachMergerItsNewDriftInItsLanguageANightWithNothingNewSendsNothingAndARefusedMailIsTriedAgain()
            throws Exception {
        // given pajottegem and hasselt applied, a newcomer at Galmaarden and a dossier opened at Kortessem after E
        loadSampleData(folder);
        for (String id : List.of("pajottegem", "hasselt")) {
            Merger merger = MERGERS.find(id).orElseThrow();
            approve(merger, folder.resolve("approved-" + id));
            runs.apply(merger, folder.resolve("out"), null, OPERATOR, run());
        }
        addNewcomerAtGalmaarden(0);
        jdbc.sql("insert into dossier (kbo, reference, type, insz, start_date) values (:kbo, 'NA-DE-FUSIE', 'A036', "
                + "'85073010005', date '2025-03-01')").param("kbo", KORTESSEM).update();

        // when the night comes
        Result first = nightly.run(LocalDate.of(2030, 1, 1), 1);

        // then one digest per merger, in its language, to its notify list, with the counts of what the night found
        assertThat(first).isInstanceOf(Result.Completed.class);
        long run = ((Result.Completed) first).run();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("one message per recipient").hasSize(3);
        MimeMessage pajottegem = to(received, "coordinator@vlaanderen.example");
        assertThat(to(received, "htb@pajottegem.example").getSubject()).isEqualTo(pajottegem.getSubject());
        MimeMessage hasselt = to(received, "coordinatrice@vlaanderen.example");
        Map<String, Long> pajottegemCounts = counts(run, "pajottegem");
        long pajottegemTotal = pajottegemCounts.values().stream().mapToLong(Long::longValue).sum();
        assertThat(pajottegemCounts).containsEntry("ACCOUNT_MISSING_IN_TARGET", 1L);
        assertThat(pajottegem.getSubject()).isEqualTo("ocmw-merge: " + pajottegemTotal
                + " nieuw(e) verschil(len) bij de fusie Pajottegem (nacht van 01/01/2030)");
        assertThat(pajottegem.getFrom()[0].toString()).isEqualTo("ocmw-merge@rsz.example");
        String dutch = body(pajottegem);
        assertThat(dutch).contains("Goedemorgen,").contains("OCMW Pajottegem (KBO 1002.209.443)")
                .contains("Gebruiker ontbreekt in het gefusioneerde OCMW (ACCOUNT_MISSING_IN_TARGET): 1 nieuw")
                .contains("Wat te doen: Laat de reconciliatie het account aanmaken").contains("OCMW Galmaarden: nieuw0)")
                .contains("https://ocmw-merge.example/mergers/pajottegem");
        pajottegemCounts.forEach((code, count) -> assertThat(dutch).contains("(" + code + "): " + count + " nieuw"));
        Map<String, Long> hasseltCounts = counts(run, "hasselt");
        assertThat(hasseltCounts).containsKey("DOSSIER_OPENED_UNDER_OLD_KBO");
        String french = body(hasselt);
        assertThat(hasselt.getSubject()).startsWith("ocmw-merge : ").contains("pour la fusion Hasselt (nuit du 01/01/2030)");
        assertThat(french).contains("Bonjour,").contains("NA-DE-FUSIE").contains("Que faire :")
                .contains("https://ocmw-merge.example/mergers/hasselt").doesNotContain("Goedemorgen");
        hasseltCounts.forEach((code, count) -> assertThat(french).contains("(" + code + ") : " + count + " nouvelle(s)"));
        for (MimeMessage message : received) {
            assertThat(body(message)).as("no national number in full").doesNotContainPattern("\\d{11}")
                    .doesNotContainPattern("\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}");
        }

        // and the merger's page says who is told, and what was sent
        String mergerPage = page("/mergers/pajottegem");
        assertThat(mergerPage).contains("coordinator@vlaanderen.example, htb@pajottegem.example")
                .contains(pajottegem.getSubject()).contains("Verstuurd op");
        assertThat(page("/mergers/hasselt?lang=fr")).contains("(en français) : coordinatrice@vlaanderen.example");
        assertThat(page("/mergers/antwerpen")).contains("id=\"notify-nobody\"");

        // when the next night finds the same drift and nothing new
        Result second = nightly.run(LocalDate.of(2030, 1, 2), 1);

        // then nothing is sent
        assertThat(second).isInstanceOf(Result.Completed.class);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(jdbc.sql("select sum(new_drift) from drift_digest where run_id = :run")
                .param("run", ((Result.Completed) second).run()).query(Long.class).single()).isZero();

        // when somebody new appears at Galmaarden, and the SMTP server is down that night
        addNewcomerAtGalmaarden(1);
        smtp.stop();
        nightly.run(LocalDate.of(2030, 1, 3), 1);

        // then the digest waits in the outbox, marked as failed, and every page says so
        assertThat(outbox.unsent()).singleElement().satisfies(mail -> {
            assertThat(mail.status()).isEqualTo(Mail.Status.FAILED);
            assertThat(mail.attempts()).isEqualTo(1);
            assertThat(mail.lastError()).isNotBlank();
            assertThat(mail.merger()).isEqualTo("pajottegem");
        });
        String page = page("/");
        assertThat(page).contains("id=\"mail-alarm\"").contains("1 e-mail(s) raakten niet tot bij de mailserver");
        String health = mvc.perform(get("/actuator/health").with(httpBasic("operator", "operator")))
                .andReturn().getResponse().getContentAsString();
        assertThat(component(health, "mailOutbox")).isEqualTo("DEGRADED");
        assertThat(page("/mergers/pajottegem")).contains("Niet verstuurd: wordt opnieuw geprobeerd")
                .contains("Mail server connection failed");

        // when the SMTP server is back and the outbox is tried again (as the scheduler does every retry-every)
        smtp = smtp();
        int sent = outbox.sendDue();

        // then the digest arrives, with only what is new since the previous one
        assertThat(sent).isEqualTo(1);
        MimeMessage late = to(smtp.getReceivedMessages(), "coordinator@vlaanderen.example");
        assertThat(late.getSubject()).startsWith("ocmw-merge: 1 nieuw(e) verschil(len) bij de fusie Pajottegem (nacht van 03/01/2030)");
        assertThat(body(late)).contains("OCMW Galmaarden: nieuw1)").doesNotContain("nieuw0").contains("sinds het vorige overzicht van");
        assertThat(outbox.unsent()).isEmpty();
        assertThat(page("/")).doesNotContain("id=\"mail-alarm\"");
    }

    @Test
    void aNightThatFailsIsTriedOnceMoreThenTheOperatorsAreToldAndTheDashboardAndTheHealthSaySoUntilANightCompletes()
            throws Exception {
        clean(jdbc);
        jdbc.sql("alter table drift rename to drift_away").update();
        Result first;
        Result retry;
        try {
            // when a night fails, and its retry fails too
            first = nightly.run(LocalDate.of(2031, 1, 1), 1);
            String afterFirst = page("/");
            String healthAfterFirst = health();
            retry = nightly.run(LocalDate.of(2031, 1, 1), 2);

            // then the first failure is only retried: no banner, no mail, the health says a retry is to come
            assertThat(first).isInstanceOfSatisfying(Result.Failed.class, f -> assertThat(f.retry()).isTrue());
            assertThat(afterFirst).doesNotContain("id=\"night-alarm\"");
            assertThat(component(healthAfterFirst, "nightly")).isEqualTo("UP");
            assertThat(healthAfterFirst).contains("\"retry\":\"to come\"");
        } finally {
            jdbc.sql("alter table drift_away rename to drift").update();
        }
        // and the second is reported: to the operators, in both languages; on every page; in the health
        assertThat(retry).isInstanceOfSatisfying(Result.Failed.class, f -> assertThat(f.retry()).isFalse());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage notice = to(received, "ops@rsz.example");
        assertThat(notice.getSubject()).isEqualTo("ocmw-merge: de nachtelijke reconciliatie van 01/01/2031 is mislukt / "
                + "ocmw-merge : la réconciliation de la nuit du 01/01/2031 a échoué");
        assertThat(body(notice)).contains("ook bij de nieuwe poging (2 pogingen").contains("drift")
                .contains("aussi lors du nouvel essai (2 essais").contains("https://ocmw-merge.example/reconciliation");
        assertThat(page("/")).contains("id=\"night-alarm\"").contains("De nachtelijke reconciliatie van 01/01/2031 is mislukt");
        assertThat(page("/?lang=fr")).contains("La réconciliation de la nuit du 01/01/2031 a échoué");
        String health = health();
        assertThat(JSON.readTree(health).path("status").asString()).isEqualTo("DEGRADED");
        assertThat(component(health, "nightly")).isEqualTo("DEGRADED");
        assertThat(health).contains("\"night\":\"2031-01-01\"");
        String anonymous = mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(anonymous).path("status").asString()).as("the status, for anyone").isEqualTo("DEGRADED");
        assertThat(anonymous).as("no details for anyone").doesNotContain("components").doesNotContain("drift");

        // when the next night completes
        Result next = nightly.run(LocalDate.of(2031, 1, 2), 1);

        // then the alarm is gone
        assertThat(next).isInstanceOf(Result.Completed.class);
        assertThat(page("/")).doesNotContain("id=\"night-alarm\"");
        assertThat(component(health(), "nightly")).isEqualTo("UP");
        assertThat(smtp.getReceivedMessages()).as("nothing more to tell").hasSize(2);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user("coordinator").roles("COORDINATOR"))).andReturn().getResponse()
                .getContentAsString();
    }

    private String health() throws Exception {
        return mvc.perform(get("/actuator/health").with(httpBasic("operator", "operator"))).andReturn().getResponse()
                .getContentAsString();
    }

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** The status of one component of the health. */
    private static String component(String health, String name) {
        return JSON.readTree(health).path("components").path(name).path("status").asString();
    }

    private Map<String, Long> counts(long run, String merger) {
        return jdbc.sql("select code, count(*) as n from drift where run_id = :run and merger_id = :m group by code")
                .param("run", run).param("m", merger)
                .query((rs, n) -> Map.entry(rs.getString("code"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static MimeMessage to(MimeMessage[] messages, String address) {
        return Arrays.stream(messages).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no message to " + address));
    }

    private static String body(MimeMessage message) throws Exception {
        return String.valueOf(message.getContent());
    }

    /** The sample mergers with their notify lists, hasselt's coordinators reading French. */
    private static Path registry() {
        return Registries.shippedWith("    name: Pajottegem\n", "    name: Pajottegem\n"
                        + "    notify: [coordinator@vlaanderen.example, htb@pajottegem.example]\n",
                "    name: Hasselt\n", "    name: Hasselt\n    language: fr\n    notify: [coordinatrice@vlaanderen.example]\n");
    }

    private static GreenMail smtp() {
        return TestSmtp.on(SMTP_PORT);
    }
}
