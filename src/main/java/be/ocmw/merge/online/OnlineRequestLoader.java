package be.ocmw.merge.online;

import be.ocmw.merge.batch.LoadJobs;
import be.ocmw.merge.batch.LoadReport;
import org.springframework.batch.core.job.Job;
import org.springframework.stereotype.Component;

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
        return loads.loadFile(loadOnlineRequestsJob, LoadOnlineRequestsJobConfiguration.KIND, file, run,
                "the OCMW Online request load of " + file.getFileName());
    }
}
