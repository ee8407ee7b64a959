package be.ocmw.merge.scheduling;

import be.ocmw.merge.audit.AuditChain;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.notify.DriftDigest;
import be.ocmw.merge.notify.DriftDigests;
import be.ocmw.merge.notify.OperatorNotices;
import be.ocmw.merge.notify.Outbox;
import be.ocmw.merge.registry.Registry;
import be.ocmw.merge.scheduling.NightlyAttempts.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a night does, whoever fires it: the reconciliation of that night (once: the night identifies the job), then the
 * digests of what is new to each merger's notify list, then the audit trail's verification; a failed reconciliation is
 * tried once more ({@link #ATTEMPTS} in all) and then reported to the operators. Every mail waiting in the outbox is
 * sent (again) at the end.
 */
@Component
public class NightlyReconciliation {

    /** How often a night is tried before the operators are told: the firing and one retry. */
    public static final int ATTEMPTS = 2;

    private static final Logger log = LoggerFactory.getLogger(NightlyReconciliation.class);

    private final JobOperator jobOperator;
    private final Job reconcileJob;
    private final Registry registry;
    private final AuditChain auditChain;
    private final NightlyAttempts attempts;
    private final DriftDigests digests;
    private final OperatorNotices notices;
    private final Outbox outbox;

    NightlyReconciliation(JobOperator jobOperator, @Qualifier("reconcileJob") Job reconcileJob, Registry registry,
                          AuditChain auditChain, NightlyAttempts attempts, DriftDigests digests, OperatorNotices notices,
                          Outbox outbox) {
        this.jobOperator = jobOperator;
        this.reconcileJob = reconcileJob;
        this.registry = registry;
        this.auditChain = auditChain;
        this.attempts = attempts;
        this.digests = digests;
        this.notices = notices;
        this.outbox = outbox;
    }

    /** How a night's attempt ended. */
    public sealed interface Result {

        /** Reconciled under run {@code run}; the digests it made. */
        record Completed(long run, List<DriftDigest> digests) implements Result {
        }

        /** This night was reconciled before (by another serve, or an earlier firing): nothing done again. */
        record AlreadyDone() implements Result {
        }

        /** Another serve is reconciling this night right now. */
        record RunningElsewhere() implements Result {
        }

        /** Failed; {@code retry}: it is tried once more, otherwise the operators were told. */
        record Failed(int attempt, String error, boolean retry) implements Result {
        }
    }

    /** Attempt {@code attempt} (1 for the firing, 2 for the retry) at the night of {@code night}. */
    public Result run(LocalDate night, int attempt) {
        Result result = reconcile(night, attempt);
        try {
            verifyAuditTrail(night);
        } finally {
            int sent = outbox.sendDue();
            if (sent > 0) {
                log.info("After the night of {}: {} mail(s) sent", night, sent);
            }
        }
        return result;
    }

    private Result reconcile(LocalDate night, int attempt) {
        var parameters = new JobParametersBuilder()
                .addString("night", night.toString(), true)
                .addString("registry", registry.file().toString(), false)
                .addString("merger", "", false)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(reconcileJob, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            log.info("The night of {} was reconciled already", night);
            return new Result.AlreadyDone();
        } catch (JobExecutionAlreadyRunningException e) {
            log.info("The reconciliation of the night of {} is running elsewhere", night);
            return new Result.RunningElsewhere();
        } catch (Exception e) {
            return failed(night, attempt, "the reconciliation could not start: " + e.getMessage());
        }
        if (execution.getStatus() != BatchStatus.COMPLETED || !execution.getExecutionContext().containsKey("run")) {
            String error = execution.getAllFailureExceptions().stream().findFirst().map(Throwable::getMessage)
                    .orElse("the reconciliation ended " + execution.getStatus());
            return failed(night, attempt, error);
        }
        long run = execution.getExecutionContext().getLong("run");
        attempts.record(night, attempt, Outcome.COMPLETED, run, null);
        log.info("Reconciled the night of {} (attempt {}) under run {}", night, attempt, run);
        List<DriftDigest> made = digests.afterRun(run, night);
        made.stream().filter(d -> !d.fresh().isEmpty()).forEach(d -> log.info("Night of {}: {} new drift(s) in merger {}{}",
                night, d.fresh().size(), d.merger().id(), d.mail() == null ? ", nobody on its notify list" : ", digest queued"));
        return new Result.Completed(run, made);
    }

    private Result failed(LocalDate night, int attempt, String why) {
        String error = Insz.maskedIn(why == null ? "(no message)" : why);
        error = error.length() > 1000 ? error.substring(0, 1000) + "…" : error;
        attempts.record(night, attempt, Outcome.FAILED, null, error);
        boolean retry = attempt < ATTEMPTS;
        if (retry) {
            log.warn("The reconciliation of the night of {} failed (attempt {}), tried again: {}", night, attempt, error);
        } else {
            log.error("The reconciliation of the night of {} failed again (attempt {}); the operators are told: {}", night,
                    attempt, error);
            notices.nightFailed(night, attempt, OffsetDateTime.now(), error);
        }
        return new Result.Failed(attempt, error, retry);
    }

    private void verifyAuditTrail(LocalDate night) {
        try {
            var verification = auditChain.verifyAndRecord(null);
            if (verification.intact()) {
                log.info("After the night of {}: the audit trail matches its hash chains ({} rows)", night,
                        verification.auditRows());
            } else {
                log.error("After the night of {}: the audit trail does NOT match its hash chains: {}", night,
                        verification.first().reason().english());
            }
        } catch (RuntimeException e) {
            log.error("After the night of {}: the audit trail could not be verified: {}", night, e.getMessage(), e);
        }
    }
}
