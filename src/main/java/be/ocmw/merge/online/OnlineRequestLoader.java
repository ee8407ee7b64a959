package be.ocmw.merge.online;

import be.ocmw.merge.batch.FileDigest;
import be.ocmw.merge.batch.LoadJobs;
import be.ocmw.merge.batch.LoadReport;
import be.ocmw.merge.input.UnreadableFileException;
import org.springframework.batch.core.job.Job;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code load online-requests FILE}. */
@Component
public class OnlineRequestLoader {

    private final LoadJobs loads;
    private final Job loadOnlineRequestsJob;

    OnlineRequestLoader(LoadJobs loads, Job loadOnlineRequestsJob) {
        this.loads = loads;
        this.loadOnlineRequestsJob = loadOnlineRequestsJob;
    }

    public LoadReport load(Path file, long run) {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableFileException(file, "the file does not exist");
        }
        return loads.load(loadOnlineRequestsJob, LoadOnlineRequestsJobConfiguration.KIND, file, FileDigest.of(file), run,
                "the OCMW Online request load of " + file.getFileName());
    }
}
