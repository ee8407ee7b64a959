package be.ocmw.merge.web.internal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins counted per name and per address, on a clock the test turns. */
class LoginThrottleTests {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void fiveWrongPasswordsLockTheNameFromEveryAddressUntilTheLockHasPassed() {
        for (int i = 0; i < LoginThrottle.PER_USER; i++) {
            assertThat(throttle.locked("An", "10.0.0." + i)).isFalse();
            throttle.failed("An", "10.0.0." + i);
        }

        assertThat(throttle.locked("an", "10.9.9.9")).as("any case, any address").isTrue();
        assertThat(throttle.locked("bart", "10.9.9.9")).isFalse();
        now = now.plus(LoginThrottle.LOCK).minusSeconds(1);
        assertThat(throttle.locked("an", "10.9.9.9")).isTrue();
        now = now.plusSeconds(1);
        assertThat(throttle.locked("an", "10.9.9.9")).isFalse();
    }

    @Test
    void twentyFailuresFromOneAddressLockItWhateverTheNamesAndASuccessDoesNotClearIt() {
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            throttle.failed("guess" + i, "10.1.1.1");
        }
        throttle.succeeded("guess0");

        assertThat(throttle.locked("somebody", "10.1.1.1")).isTrue();
        assertThat(throttle.locked("somebody", "10.1.1.2")).isFalse();
    }

    @Test
    void failuresFurtherApartThanTheWindowDoNotAddUp() {
        for (int i = 0; i < 2 * LoginThrottle.PER_USER; i++) {
            throttle.failed("an", "10.0.0.1");
            now = now.plus(LoginThrottle.WINDOW.dividedBy(LoginThrottle.PER_USER - 1)).plus(Duration.ofSeconds(1));
        }

        assertThat(throttle.locked("an", "10.0.0.2")).isFalse();
    }
}
