package be.ocmw.merge.batch;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;

/** What a tasklet of a load or intake needs to know about its job: the instance, the run, the parameters. */
public record RunningJob(long jobInstance, long run, JobParameters parameters) {

    public static RunningJob of(ChunkContext context) {
        var job = context.getStepContext().getStepExecution().getJobExecution();
        return new RunningJob(job.getJobInstance().getInstanceId(), job.getJobParameters().getLong("run"),
                job.getJobParameters());
    }
}
