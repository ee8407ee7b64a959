package be.ocmw.merge.scheduling;

import be.ocmw.merge.scheduling.NightlyReconciliation.Result;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * A firing of the nightly trigger (or of a night's retry): the night it was scheduled for, and which attempt this is,
 * handed to {@link NightlyReconciliation}. When the first attempt failed, a retry of the same night is put in the job
 * store, {@code ocmw.scheduler.retry-after} later, so that it survives a restart and fires on one node only.
 */
@DisallowConcurrentExecution
public class ReconcileQuartzJob extends org.springframework.scheduling.quartz.QuartzJobBean {

    static final String NIGHT = "night";
    static final String ATTEMPT = "attempt";

    private static final Logger log = LoggerFactory.getLogger(ReconcileQuartzJob.class);

    private final NightlyReconciliation nightly;
    private final SchedulerSettings settings;

    /** Made by the scheduler's job factory for each firing, with the application's beans. */
    ReconcileQuartzJob(NightlyReconciliation nightly, SchedulerSettings settings) {
        this.nightly = nightly;
        this.settings = settings;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        LocalDate night = data.containsKey(NIGHT) ? LocalDate.parse(data.getString(NIGHT))
                : context.getScheduledFireTime().toInstant().atZone(settings.zone()).toLocalDate();
        int attempt = data.containsKey(ATTEMPT) ? data.getIntValue(ATTEMPT) : 1;
        log.info("Fired for {} by {}: the night of {}, attempt {}", context.getScheduledFireTime().toInstant(),
                instance(context), night, attempt);
        Result result;
        try {
            result = nightly.run(night, attempt);
        } catch (RuntimeException e) {
            log.error("The night of {} could not be handled: {}", night, e.getMessage(), e);
            return;
        }
        if (result instanceof Result.Failed failed && failed.retry()) {
            retry(context, night, attempt + 1);
        }
    }

    private void retry(JobExecutionContext context, LocalDate night, int attempt) {
        Instant at = Instant.now().plus(settings.retryAfter());
        Trigger retry = TriggerBuilder.newTrigger()
                .withIdentity("nightlyRetry-" + night + "-" + attempt, "retries")
                .forJob(context.getJobDetail().getKey())
                .usingJobData(NIGHT, night.toString())
                .usingJobData(ATTEMPT, attempt)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            context.getScheduler().scheduleJob(retry);
            log.info("The night of {} is tried again at {} (attempt {})", night, at, attempt);
        } catch (SchedulerException e) {
            log.error("The retry of the night of {} could not be scheduled: {}", night, e.getMessage(), e);
        }
    }

    private static String instance(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "?";
        }
    }
}
