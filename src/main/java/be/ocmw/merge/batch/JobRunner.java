package be.ocmw.merge.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a job the way an operator expects: the same command with the same input starts the job once,
 * resumes it where it stopped if it failed or was killed, and does nothing when it already completed.
 * One process at a time may run a job for given parameters (a PostgreSQL advisory lock), so a run left
 * STARTED in the repository by a killed process can be recognised and repaired.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final DataSource dataSource;
    private final JobHistory progress;

    JobRunner(JobOperator jobOperator, JobRepository jobRepository, DataSource dataSource, JobHistory progress) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.progress = progress;
    }

    /** What a run did: its execution, and whether the work had already been done by an earlier run. */
    public record Outcome(JobExecution execution, boolean alreadyDone, boolean resumed) {

        public boolean completed() {
            return execution.getStatus() == BatchStatus.COMPLETED;
        }
    }

    public Outcome run(Job job, JobParameters parameters, String description) {
        String key = job.getName() + "|" + parameters.getIdentifyingParameters();
        try (Connection connection = dataSource.getConnection()) {
            AdvisoryLock lock = AdvisoryLock.tryTake(connection, key).orElseThrow(() -> new JobAlreadyRunningException(
                    "Another run of " + description + " is under way; wait for it to finish, then run the command again if needed."));
            try (lock) {
                return runLocked(job, parameters);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the run lock for " + description + ": " + e.getMessage(), e);
        }
    }

    private Outcome runLocked(Job job, JobParameters parameters) {
        try {
            JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
            if (last == null || last.getStatus() == BatchStatus.ABANDONED) {
                return new Outcome(jobOperator.start(job, parameters), false, false);
            }
            if (last.getStatus() == BatchStatus.COMPLETED) {
                return new Outcome(last, true, false);
            }
            if (last.getStatus().isRunning()) {
                // we hold the lock, so nobody runs it: a killed process left it STARTED
                log.info("Recovering job execution {} left {} by an interrupted run", last.getId(), last.getStatus());
                last = jobOperator.recover(last);
            }
            log.info("Resuming job execution {} ({})", last.getId(), last.getStatus());
            // the restart keeps the parameters the job first had: which run resumed it is recorded beside them
            Long run = parameters.getLong("run");
            if (run != null) {
                progress.resumed(run, last.getJobInstance().getInstanceId(), last.getId());
            }
            return new Outcome(jobOperator.restart(last), false, true);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
