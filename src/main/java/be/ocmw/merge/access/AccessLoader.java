package be.ocmw.merge.access;

import be.ocmw.merge.access.internal.AccessExportFolder;
import be.ocmw.merge.access.internal.AccessFilesTasklet;
import be.ocmw.merge.access.internal.AccessMerge;
import be.ocmw.merge.batch.FileDigest;
import be.ocmw.merge.batch.LoadJobs;
import be.ocmw.merge.registry.Registry;
import be.ocmw.merge.batch.LoadReport;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code load access DIR}: identified by the folder and a digest over its files' names and contents. */
@Component
public class AccessLoader {

    private final LoadJobs loads;
    private final Job loadAccessJob;
    private final Registry registry;

    AccessLoader(LoadJobs loads, Job loadAccessJob, Registry registry) {
        this.loads = loads;
        this.loadAccessJob = loadAccessJob;
        this.registry = registry;
    }

    public LoadReport load(Path dir, long run) {
        return load(dir, false, run);
    }

    /**
     * Loads the folder; {@code allowShrink}: the operator confirms that a domain whose new export lacks most of its
     * accounts really lost them (see {@link AccessLoadSettings}).
     */
    public LoadReport load(Path dir, boolean allowShrink, long run) {
        List<String> content = AccessExportFolder.scan(dir).stream()
                .map(f -> f.name() + ":" + (Files.isRegularFile(f.path()) ? FileDigest.of(f.path()) : "-"))
                .toList();
        JobParametersBuilder options = new JobParametersBuilder();
        if (allowShrink) {
            options.addString(AccessMerge.ALLOW_SHRINK, "true", true);
        }
        return loads.load(loadAccessJob, AccessFilesTasklet.KIND, dir, FileDigest.ofAll(content), registry.exists() ? registry.file() : null, run,
                "the access load of " + dir, options.toJobParameters());
    }
}
