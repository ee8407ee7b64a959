package be.ocmw.merge.reporting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The clock the engine decides by (the effective date of a merger, the campaign's days): the real one, or the moment
 * {@code ocmw.now} ({@code OCMW_NOW}: an ISO date or date-time, Belgian time) for rehearsals and tests, which turn the
 * clock instead of waiting.
 */
@Configuration(proxyBeanMethods = false)
class EngineClock {

    @Bean
    Clock clock(@Value("${ocmw.now:}") String now) {
        if (now == null || now.isBlank()) {
            return Clock.system(Times.BELGIUM);
        }
        String text = now.strip();
        LocalDateTime at = text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
        return Clock.fixed(at.atZone(Times.BELGIUM).toInstant(), Times.BELGIUM);
    }

    /** Today in Belgium by this clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Brussels")));
    }
}
