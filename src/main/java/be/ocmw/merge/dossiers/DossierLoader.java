package be.ocmw.merge.dossiers;

import be.ocmw.merge.batch.FileLoader;
import be.ocmw.merge.batch.LoadJobs;
import org.springframework.batch.core.job.Job;
import org.springframework.stereotype.Component;

/** {@code load dossiers FILE}. */
@Component
public class DossierLoader extends FileLoader {

    DossierLoader(LoadJobs loads, Job loadDossiersJob) {
        super(loads, loadDossiersJob, LoadDossiersJobConfiguration.KIND, "the dossier load");
    }
}
