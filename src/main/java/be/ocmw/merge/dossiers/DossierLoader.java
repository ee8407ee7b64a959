package be.ocmw.merge.dossiers;

import be.ocmw.merge.batch.FileDigest;
import be.ocmw.merge.batch.LoadJobs;
import be.ocmw.merge.batch.LoadReport;
import be.ocmw.merge.input.UnreadableFileException;
import org.springframework.batch.core.job.Job;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
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
        if (!Files.isRegularFile(file)) {
            throw new UnreadableFileException(file, "the file does not exist");
        }
        return loads.load(loadDossiersJob, LoadDossiersJobConfiguration.KIND, file, FileDigest.of(file), run,
                "the dossier load of " + file.getFileName());
    }
}
