package be.ocmw.merge.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The last step of a one-file load, the same for every kind (dossiers, OCMW Online requests): forget a file refused
 * whole, refuse later duplicates of a key, count what the file brought, then the kind's own set-based statements
 * ({@link #update} the known rows whose content changed, with their audit rows; {@link #insert} the new ones), and
 * write the file's counts and audit row. Loading the same file twice therefore changes nothing.
 */
public abstract class StagedMerge implements Tasklet {

    /** How a kind refuses a key that an earlier row already has (see {@link StagedRows#refuseDuplicates}). */
    public record Duplicates(String key, String column, String reason, String kboColumn, String sheet, String reasonKey) {
    }

    protected final JdbcClient jdbc;
    private final StagedRows staged;
    private final String staging;
    private final Duplicates duplicates;

    protected StagedMerge(JdbcClient jdbc, StagedRows staged, String staging, Duplicates duplicates) {
        this.jdbc = jdbc;
        this.staged = staged;
        this.staging = staging;
        this.duplicates = duplicates;
    }

    /** Updates the live rows whose content the pending file changes, each with its audit row; returns how many. */
    protected abstract int update(long jobInstance, long run);

    /** Inserts the rows of the pending file that are not there yet; returns how many. */
    protected abstract int insert(long jobInstance, long run);

    /** What to do once the rows are in (fresh statistics after a large load, say). */
    protected void afterwards() {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunningJob scope = RunningJob.of(chunkContext);
        long jobInstance = scope.jobInstance();
        long run = scope.run();

        staged.dropRefusedFiles(jobInstance, staging);
        staged.refuseDuplicates(jobInstance, run, staging, duplicates.key(), duplicates.column(), duplicates.reason(),
                duplicates.kboColumn(), duplicates.sheet(), duplicates.reasonKey());
        staged.countRows(jobInstance, staging);
        int updated = update(jobInstance, run);
        int inserted = insert(jobInstance, run);
        // a load of this kind is one file: the counts of its statements are the file's
        jdbc.sql("update load_file set rows_updated = :updated, rows_inserted = :inserted where job_instance_id = :ji and status = 'PENDING'")
                .param("updated", updated).param("inserted", inserted).param("ji", jobInstance).update();
        staged.auditFiles(jobInstance, run);
        // what the step did, as the dashboard's progress shows it: rows that came in or changed
        contribution.incrementWriteCount(inserted + updated);
        staged.finish(jobInstance, staging);
        afterwards();
        return RepeatStatus.FINISHED;
    }
}
