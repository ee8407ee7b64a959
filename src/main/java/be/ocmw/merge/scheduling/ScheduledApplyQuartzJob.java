package be.ocmw.merge.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Every {@code ocmw.apply.schedule-check}: the scheduled applies whose time has come, run (SPEC 5.8). */
@DisallowConcurrentExecution
public class ScheduledApplyQuartzJob extends QuartzJobBean {

    private final ScheduledApplies applies;

    ScheduledApplyQuartzJob(ScheduledApplies applies) {
        this.applies = applies;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        applies.runDue();
    }
}
