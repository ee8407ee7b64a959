package be.ocmw.merge.access.internal;

import be.ocmw.merge.batch.FileDigest;
import be.ocmw.merge.batch.LoadFiles;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Registers every file of the export folder; those that cannot be an organisation's domain are refused at once. */
public class AccessFilesTasklet implements Tasklet {

    public static final String KIND = "ACCESS";

    private final LoadFiles files;

    public AccessFilesTasklet(LoadFiles files) {
        this.files = files;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        var job = context.getStepContext().getStepExecution().getJobExecution();
        long jobInstance = job.getJobInstance().getInstanceId();
        long run = job.getJobParameters().getLong("run");
        for (AccessExportFolder.ExportFile file : AccessExportFolder.scan(Path.of(job.getJobParameters().getString("file")))) {
            String sha = Files.isRegularFile(file.path()) ? FileDigest.of(file.path()) : "";
            long id = files.register(jobInstance, run, KIND, file.path(), file.name(), file.kbo(), file.domain(), sha);
            if (file.problem() != null) {
                files.reject(id, file.problem());
            }
        }
        return RepeatStatus.FINISHED;
    }
}
