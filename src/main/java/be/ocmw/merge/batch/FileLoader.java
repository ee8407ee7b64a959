package be.ocmw.merge.batch;

import be.ocmw.merge.input.UnreadableFileException;
import org.springframework.batch.core.job.Job;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The load of one file of one kind ({@code load dossiers FILE}, {@code load online-requests FILE}): identified by the
 * file's path and content, so the same file again is a completed job (nothing to do) and a changed one a new load.
 */
public abstract class FileLoader {

    private final LoadJobs loads;
    private final Job job;
    private final String kind;
    private final String what;

    /** @param what the load in the run log's words ("the dossier load"), followed by "of" and the file's name */
    protected FileLoader(LoadJobs loads, Job job, String kind, String what) {
        this.loads = loads;
        this.job = job;
        this.kind = kind;
        this.what = what;
    }

    /** Loads {@code file}; a missing file is refused before any job starts. */
    public LoadReport load(Path file, long run) {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableFileException(file, "the file does not exist");
        }
        return loads.load(job, kind, file, FileDigest.of(file), run, what + " of " + file.getFileName());
    }
}
