package be.ocmw.merge.scheduling;

import be.ocmw.merge.merger.ApplySchedules;
import be.ocmw.merge.merger.ApplySchedules.State;
import be.ocmw.merge.merger.PlanRefusedException;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.merger.StoredPlans.Standing.Status;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.reporting.Times;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.SampleDataTest;
import be.ocmw.merge.support.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SPEC 5.8, the scheduler's half, on a clock the test turns (never a wait): a schedule of the approved plan waits
 * (standing SCHEDULED) until its time, then runs once even when two nodes look at the same moment, and mails the outcome;
 * an approval withdrawn before the time makes the firing refuse and say why; a missed time runs late and says so; a
 * cancelled schedule never runs.
 */
@TestPropertySource(properties = {"ocmw.notify.from=ocmw-merge@rsz.example", "ocmw.notify.operators=ops@rsz.example",
        "ocmw.mail.needed=true"})
class ScheduledAppliesTests extends SampleDataTest {

    static final int SMTP_PORT = TestSmtp.freePort();
    static final Path REGISTRY = registry();
    static final MergerRegistry MERGERS = RegistryLoader.load(REGISTRY).registry();
    static final TurnedClock CLOCK = new TurnedClock();
    static GreenMail smtp = TestSmtp.on(SMTP_PORT);

    /** The engine's clock, turned by the test. */
    static final class TurnedClock extends Clock {
        volatile Instant now = Instant.parse("2030-12-31T19:00:00Z");

        @Override
        public ZoneId getZone() {
            return Times.BELGIUM;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }

        void at(String belgianTime) {
            now = LocalDateTime.parse(belgianTime).atZone(Times.BELGIUM).toInstant();
        }
    }

    @TestConfiguration
    static class Turned {
        @Bean
        @Primary
        Clock turnedClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("ocmw.registry.file", REGISTRY::toString);
    }

    @Autowired
    ApplySchedules schedules;

    @Autowired
    ScheduledApplies applies;

    @Autowired
    StoredPlans plans;

    @Autowired
    be.ocmw.merge.merger.Approvals approvals;

    @TempDir
    Path folder;

    @BeforeEach
    void loaded() throws Exception {
        if (!smtp.isRunning()) {
            smtp = TestSmtp.on(SMTP_PORT);
        }
        smtp.purgeEmailFromAllMailboxes();
        loadSampleData(folder);
    }

    @AfterEach
    void empty() {
        jdbc.sql("truncate table apply_schedule cascade").update();
        clean(jdbc);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aScheduleWaitsForItsTimeRunsOnceThenAndMailsWhatWasDone() throws Exception {
        Merger merger = MERGERS.find("pajottegem").orElseThrow();
        String fingerprint = approve(merger, folder.resolve("approved"));
        CLOCK.at("2030-12-31T20:00");

        // the coordinator who approved may not schedule it (four eyes); an operator does
        assertThatThrownBy(() -> schedules.schedule(merger, fingerprint, moment("2031-01-01T06:00"), COORDINATOR, run()))
                .isInstanceOf(PlanRefusedException.class).hasMessageContaining(COORDINATOR.name());
        schedules.schedule(merger, fingerprint, moment("2031-01-01T06:00"), OPERATOR, run());
        assertThat(plans.standing(merger).status()).isEqualTo(Status.SCHEDULED);
        assertThatThrownBy(() -> schedules.schedule(merger, fingerprint, moment("2031-01-02T06:00"), OPERATOR, run()))
                .isInstanceOf(PlanRefusedException.class).hasMessageContaining("already scheduled");

        // not yet its time: nothing runs
        CLOCK.at("2031-01-01T05:59");
        assertThat(applies.runDue()).isEmpty();

        // its time, two nodes looking at once: it runs once
        CLOCK.at("2031-01-01T06:00");
        List<ApplySchedules.Schedule> ran = CompletableFuture.supplyAsync(applies::runDue)
                .thenCombine(CompletableFuture.supplyAsync(applies::runDue), (a, b) -> {
                    List<ApplySchedules.Schedule> all = new java.util.ArrayList<>(a);
                    all.addAll(b);
                    return all;
                }).get();
        assertThat(ran).hasSize(1);
        assertThat(schedules.latest(merger)).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(State.DONE);
            assertThat(s.late()).isFalse();
        });
        assertThat(plans.standing(merger).status()).isEqualTo(Status.APPLIED);
        assertThat(jdbc.sql("select count(*) from plan where merger_id = 'pajottegem' and mode = 'APPLY'").query(Integer.class)
                .single()).isEqualTo(1);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).as("one mail, delivered to each recipient").hasSize(2);
        assertThat(mails[0].getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("coordinator@vlaanderen.example", "ops@rsz.example");
        assertThat(mails[0].getSubject()).contains("uitgevoerd zoals gepland");
        assertThat((String) mails[0].getContent()).contains("accounts: ").contains("door operator");
    }

    @Test
    void anApprovalWithdrawnBeforeTheTimeMakesTheFiringRefuseAndSayWhyAndAMissedTimeRunsLate() throws Exception {
        Merger merger = MERGERS.find("pajottegem").orElseThrow();
        String fingerprint = approve(merger, folder.resolve("approved"));
        CLOCK.at("2030-12-31T20:00");
        schedules.schedule(merger, fingerprint, moment("2031-01-01T06:00"), OPERATOR, run());
        approvals.withdraw(merger, COORDINATOR, "not yet", run());

        // no serve at 06:00; the first look is at 09:00
        CLOCK.at("2031-01-01T09:00");
        assertThat(applies.runDue()).hasSize(1);

        assertThat(schedules.latest(merger)).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(State.REFUSED);
            assertThat(s.late()).isTrue();
            assertThat(s.outcome()).contains("approv");
        });
        assertThat(jdbc.sql("select count(*) from plan where merger_id = 'pajottegem' and mode = 'APPLY'").query(Integer.class)
                .single()).as("nothing applied").isZero();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).contains("GEWEIGERD");
        assertThat((String) mail.getContent()).contains("Waarom:").contains("te laat");

        // a cancelled schedule never runs
        approve(merger, folder.resolve("again"));
        String again = plans.standing(merger).fingerprint();
        schedules.schedule(merger, again, moment("2031-01-02T06:00"), OPERATOR, run());
        schedules.cancel(merger, OPERATOR, run());
        assertThat(plans.standing(merger).status()).isEqualTo(Status.APPROVED);
        CLOCK.at("2031-01-03T06:00");
        assertThat(applies.runDue()).isEmpty();
    }

    private static OffsetDateTime moment(String belgianTime) {
        return LocalDateTime.parse(belgianTime).atZone(Times.BELGIUM).toOffsetDateTime();
    }

    private static Path registry() {
        return Registries.shippedWith("    name: Pajottegem\n", "    name: Pajottegem\n    notify: [coordinator@vlaanderen.example]\n");
    }
}
