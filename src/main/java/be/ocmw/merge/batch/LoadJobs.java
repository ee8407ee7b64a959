package be.ocmw.merge.batch;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/**
 * Runs a load job for a file or folder and reports what it did. A load is identified by the path and a
 * digest of the content: the same content again is the same, completed load.
 */
@Component
public class LoadJobs {

    /** How many refused rows a report lists; the rest are counted. */
    public static final int LISTED_REJECTIONS = 50;

    private final JobRunner jobs;
    private final LoadFiles files;

    LoadJobs(JobRunner jobs, LoadFiles files) {
        this.jobs = jobs;
        this.files = files;
    }

    public LoadReport load(Job job, String kind, Path path, String sha256, long run, String description) {
        return load(job, kind, path, sha256, null, run, description);
    }

    /** The same, for a job that reads the merger registry too ({@code registry} may be null). */
    public LoadReport load(Job job, String kind, Path path, String sha256, Path registry, long run, String description) {
        return load(job, kind, path, sha256, registry, run, description, new JobParameters());
    }

    /**
     * The same, with {@code options} of the load that make it another load of the same content (they are
     * identifying: the same folder loaded again with an option the first load lacked is not "already loaded").
     */
    public LoadReport load(Job job, String kind, Path path, String sha256, Path registry, long run, String description,
                           JobParameters options) {
        JobParametersBuilder builder = new JobParametersBuilder(options)
                .addString("file", path.toAbsolutePath().normalize().toString(), true)
                .addString("sha256", sha256, true)
                .addLong("run", run, false);
        if (registry != null) {
            builder.addString("registry", registry.toAbsolutePath().toString(), false);
        }
        JobParameters parameters = builder.toJobParameters();
        JobRunner.Outcome outcome = jobs.run(job, parameters, description);
        if (!outcome.completed()) {
            throw new JobFailedException(description, outcome.execution());
        }
        return files.report(description, outcome.execution().getJobInstance().getInstanceId(), kind,
                outcome.alreadyDone(), LISTED_REJECTIONS);
    }
}
