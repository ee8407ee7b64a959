package be.ocmw.merge.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code ocmw.scheduler.*}: whether this process runs the scheduler (only {@code serve}), the nightly cron and
 * its time zone, the registry the reconciliation reads, and the cluster's check-in interval and misfire threshold.
 */
@ConfigurationProperties("ocmw.scheduler")
public record SchedulerSettings(boolean enabled, String cron, ZoneId zone, String registry, Duration checkin,
                                Duration misfireThreshold) {
}
