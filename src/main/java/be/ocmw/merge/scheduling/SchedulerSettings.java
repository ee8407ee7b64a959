package be.ocmw.merge.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code ocmw.scheduler.*}: whether this process runs the scheduler (only {@code serve}), the nightly cron and
 * its time zone, the cluster's check-in interval and misfire threshold, how often an idle scheduler looks for
 * due triggers in the database ({@code idleWait}), and how long after a failed night its one retry comes ({@code retryAfter}).
 */
@ConfigurationProperties("ocmw.scheduler")
public record SchedulerSettings(boolean enabled, String cron, ZoneId zone, Duration checkin, Duration idleWait,
                                Duration misfireThreshold, Duration retryAfter) {

    public SchedulerSettings {
        retryAfter = retryAfter == null ? Duration.ofMinutes(15) : retryAfter;
        if (idleWait != null && idleWait.toMillis() < 1000) {
            // Quartz refuses less than a second, in words that do not name the setting
            throw new IllegalArgumentException("ocmw.scheduler.idle-wait (OCMW_SCHEDULER_IDLE_WAIT) must be at least 1s, not "
                    + idleWait);
        }
    }
}
