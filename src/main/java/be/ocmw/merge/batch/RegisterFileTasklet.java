package be.ocmw.merge.batch;

import org.springframework.batch.core.step.StepContribution;

import java.nio.file.Path;

/** First step of a single-file load: registers the job's file (parameters {@code file}, {@code sha256}). */
public class RegisterFileTasklet implements JobTasklet {

    private final LoadFiles files;
    private final String kind;

    public RegisterFileTasklet(LoadFiles files, String kind) {
        this.files = files;
        this.kind = kind;
    }

    @Override
    public void execute(RunningJob job, StepContribution contribution) {
        Path file = Path.of(job.parameters().getString("file"));
        files.register(job.jobInstance(), job.run(), kind, file, file.getFileName().toString(), null, null,
                job.parameters().getString("sha256"));
    }
}
