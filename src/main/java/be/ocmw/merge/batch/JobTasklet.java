package be.ocmw.merge.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A tasklet of a load or intake, done in one call: it works from its {@link RunningJob} (instance, run, parameters)
 * rather than from Spring Batch's chunk context, and counts what it wrote in {@code contribution} for the progress.
 */
public interface JobTasklet extends Tasklet {

    void execute(RunningJob job, StepContribution contribution);

    @Override
    default RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        execute(RunningJob.of(context), contribution);
        return RepeatStatus.FINISHED;
    }
}
