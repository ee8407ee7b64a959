package be.ocmw.merge.online;

import be.ocmw.merge.batch.FileLoader;
import be.ocmw.merge.batch.LoadJobs;
import org.springframework.batch.core.job.Job;
import org.springframework.stereotype.Component;

/** {@code load online-requests FILE}. */
@Component
public class OnlineRequestLoader extends FileLoader {

    OnlineRequestLoader(LoadJobs loads, Job loadOnlineRequestsJob) {
        super(loads, loadOnlineRequestsJob, LoadOnlineRequestsJobConfiguration.KIND, "the OCMW Online request load");
    }
}
