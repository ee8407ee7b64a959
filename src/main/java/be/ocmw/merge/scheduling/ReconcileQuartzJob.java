package be.ocmw.merge.scheduling;

import be.ocmw.merge.registry.Registry;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.time.LocalDate;

/**
 * Starts the reconciliation of the night this firing was scheduled for (a night already done is not done again), then
 * verifies the audit trail's hash chains and records the result for the dashboard.
 */
@DisallowConcurrentExecution
public class ReconcileQuartzJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ReconcileQuartzJob.class);

    private final JobOperator jobOperator;
    private final Job reconcileJob;
    private final SchedulerSettings settings;
    private final Registry registry;
    private final be.ocmw.merge.audit.AuditChain auditChain;

    /** Made by the scheduler's job factory for each firing, with the application's beans. */
    ReconcileQuartzJob(JobOperator jobOperator, @Qualifier("reconcileJob") Job reconcileJob, SchedulerSettings settings,
                       Registry registry, be.ocmw.merge.audit.AuditChain auditChain) {
        this.auditChain = auditChain;
        this.jobOperator = jobOperator;
        this.reconcileJob = reconcileJob;
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        LocalDate night = context.getScheduledFireTime().toInstant().atZone(settings.zone()).toLocalDate();
        String firing = "Fired for " + context.getScheduledFireTime().toInstant() + " by " + instance(context) + ": ";
        var parameters = new JobParametersBuilder()
                .addString("night", night.toString(), true)
                .addString("registry", registry.file().toString(), false)
                .addString("merger", "", false)
                .toJobParameters();
        try {
            var execution = jobOperator.start(reconcileJob, parameters);
            log.info("{}reconciliation of the night of {}: {}", firing, night, execution.getStatus());
        } catch (JobInstanceAlreadyCompleteException e) {
            log.info("{}the night of {} was reconciled already", firing, night);
        } catch (JobExecutionAlreadyRunningException e) {
            log.info("{}the reconciliation of the night of {} is running elsewhere", firing, night);
        } catch (Exception e) {
            log.error("{}the reconciliation of the night of {} could not start: {}", firing, night, e.getMessage(), e);
        }
        try {
            var verification = auditChain.verifyAndRecord(null);
            if (verification.intact()) {
                log.info("After the reconciliation of the night of {}: the audit trail matches its hash chains ({} rows)",
                        night, verification.auditRows());
            } else {
                log.error("After the reconciliation of the night of {}: the audit trail does NOT match its hash chains: {}",
                        night, verification.first().reason().english());
            }
        } catch (RuntimeException e) {
            log.error("After the reconciliation of the night of {}: the audit trail could not be verified: {}", night,
                    e.getMessage(), e);
        }
    }

    private static String instance(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (org.quartz.SchedulerException e) {
            return "?";
        }
    }
}
