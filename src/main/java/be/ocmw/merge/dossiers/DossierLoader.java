package be.ocmw.merge.dossiers;

import be.ocmw.merge.batch.LoadJobs;
import be.ocmw.merge.batch.LoadReport;
import org.springframework.batch.core.job.Job;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/** {@code load dossiers FILE}. */
@Component
public class DossierLoader {

    private final LoadJobs loads;
    private final Job loadDossiersJob;

    DossierLoader(LoadJobs loads, Job loadDossiersJob) {
        this.loads = loads;
        this.loadDossiersJob = loadDossiersJob;
    }

    public LoadReport load(Path file, long run) {
        return loads.loadFile(loadDossiersJob, LoadDossiersJobConfiguration.KIND, file, run, "the dossier load of " + file.getFileName());
    }
}
