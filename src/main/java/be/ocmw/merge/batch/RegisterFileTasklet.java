package be.ocmw.merge.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;

/** First step of a single-file load: registers the job's file (parameters {@code file}, {@code sha256}). */
public class RegisterFileTasklet implements Tasklet {

    private final LoadFiles files;
    private final String kind;

    public RegisterFileTasklet(LoadFiles files, String kind) {
        this.files = files;
        this.kind = kind;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        RunningJob scope = RunningJob.of(context);
        Path file = Path.of(scope.parameters().getString("file"));
        files.register(scope.jobInstance(), scope.run(), kind, file, file.getFileName().toString(), null, null,
                scope.parameters().getString("sha256"));
        return RepeatStatus.FINISHED;
    }
}
