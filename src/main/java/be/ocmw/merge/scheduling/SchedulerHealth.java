package be.ocmw.merge.scheduling;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.Date;

/**
 * {@code scheduler}: UP while this process's Quartz scheduler runs (started, not paused, not shut down), with the
 * nightly trigger's last and next firing as the job store has them (of the whole cluster) and the next scheduled apply;
 * DOWN otherwise.
 */
class SchedulerHealth implements HealthIndicator {

    private final Scheduler scheduler;
    private final TriggerKey nightly;
    private final be.ocmw.merge.merger.ApplySchedules schedules;

    SchedulerHealth(Scheduler scheduler, TriggerKey nightly, be.ocmw.merge.merger.ApplySchedules schedules) {
        this.scheduler = scheduler;
        this.nightly = nightly;
        this.schedules = schedules;
    }

    @Override
    public Health health() {
        try {
            boolean running = scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
            Health.Builder health = running ? Health.up() : Health.down();
            health.withDetail("instance", scheduler.getSchedulerInstanceId())
                    .withDetail("running", running);
            Trigger trigger = scheduler.getTrigger(nightly);
            if (trigger == null) {
                return health.down().withDetail("nightlyTrigger", "missing from the job store").build();
            }
            health.withDetail("nightlyTrigger", scheduler.getTriggerState(nightly).name());
            detail(health, "lastFiring", trigger.getPreviousFireTime());
            detail(health, "nextFiring", trigger.getNextFireTime());
            // the next apply scheduled (SPEC 5.8): which merger, when, for whom
            health.withDetail("nextScheduledApply", schedules.next()
                    .<Object>map(s -> java.util.Map.of("merger", s.merger(), "at", s.at().toString(), "by", s.by()))
                    .orElse("none"));
            return health.build();
        } catch (SchedulerException e) {
            return Health.down(e).build();
        }
    }

    private static void detail(Health.Builder health, String name, Date at) {
        health.withDetail(name, at == null ? "none yet" : at.toInstant().toString());
    }
}
