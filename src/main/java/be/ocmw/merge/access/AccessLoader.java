package be.ocmw.merge.access;

import be.ocmw.merge.access.internal.AccessExportFolder;
import be.ocmw.merge.access.internal.AccessFilesTasklet;
import be.ocmw.merge.batch.FileDigest;
import be.ocmw.merge.batch.JobFailedException;
import be.ocmw.merge.batch.JobRunner;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.batch.LoadReport;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static be.ocmw.merge.batch.FileLoads.LISTED_REJECTIONS;

/** {@code load access DIR}: identified by the folder and a digest over its files' names and contents. */
@Component
public class AccessLoader {

    private final JobRunner jobs;
    private final LoadFiles files;
    private final Job loadAccessJob;

    AccessLoader(JobRunner jobs, LoadFiles files, Job loadAccessJob) {
        this.jobs = jobs;
        this.files = files;
        this.loadAccessJob = loadAccessJob;
    }

    public LoadReport load(Path dir, Path registry, long run) {
        List<String> content = AccessExportFolder.scan(dir).stream()
                .map(f -> f.name() + ":" + (Files.isRegularFile(f.path()) ? FileDigest.of(f.path()) : "-"))
                .toList();
        JobParameters parameters = new JobParametersBuilder()
                .addString("file", dir.toAbsolutePath().normalize().toString(), true)
                .addString("sha256", FileDigest.ofAll(content), true)
                .addLong("run", run, false)
                .addString("registry", registry == null ? "" : registry.toAbsolutePath().toString(), false)
                .toJobParameters();
        String description = "the access load of " + dir;
        JobRunner.Outcome outcome = jobs.run(loadAccessJob, parameters, description);
        if (!outcome.completed()) {
            throw new JobFailedException(description, outcome.execution());
        }
        return files.report(description, outcome.execution().getJobInstance().getInstanceId(), AccessFilesTasklet.KIND,
                outcome.alreadyDone(), LISTED_REJECTIONS);
    }
}
