package be.ocmw.merge.dossiers.internal;

import be.ocmw.merge.batch.JobScope;
import be.ocmw.merge.batch.StagedRows;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merges the staged dossier rows into the live table in one transaction, set-based: a new (KBO,
 * reference) is inserted, a known one whose content changed is updated with an audit row holding before
 * and after, an unchanged one is left alone. Loading the same file twice therefore changes nothing.
 */
public class DossierMerge implements Tasklet {

    static final String STAGING = "staged_dossier";

    private final JdbcClient jdbc;
    private final StagedRows staged;

    public DossierMerge(JdbcClient jdbc, StagedRows staged) {
        this.jdbc = jdbc;
        this.staged = staged;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobScope scope = JobScope.of(chunkContext);
        long jobInstance = scope.jobInstance();
        long run = scope.run();

        staged.dropRefusedFiles(jobInstance, STAGING);
        staged.refuseDuplicates(jobInstance, run, STAGING, "s.kbo, s.reference", "reference",
                "'dossier ' || reference || ' of KBO ' || kbo || ' is already on row ' || first_row"
                        + " || case when first_file <> file_name then ' of ' || first_file else '' end"
                        + " || ': a reference is unique per KBO'",
                "kbo", "", "dossier.duplicate");
        staged.countRows(jobInstance, STAGING);
        int updated = jdbc.sql("""
                        with incoming as (
                            select s.* from staged_dossier s join load_file f on f.id = s.load_file_id
                            where f.job_instance_id = :ji and f.status = 'PENDING'
                        ), changed as (
                            select d.id, i.load_file_id, i.type, i.insz, i.start_date, i.end_date,
                                   jsonb_build_object('kbo', d.kbo, 'reference', d.reference, 'type', d.type, 'insz', d.insz,
                                                      'start_date', d.start_date, 'end_date', d.end_date) as before
                            from dossier d join incoming i on d.kbo = i.kbo and d.reference = i.reference
                            where (d.type, d.insz, d.start_date, d.end_date)
                                  is distinct from (i.type, i.insz, i.start_date, i.end_date)
                        ), updated as (
                            update dossier d set type = c.type, insz = c.insz, start_date = c.start_date,
                                                 end_date = c.end_date, updated_by_run = :run
                            from changed c where d.id = c.id
                            returning d.kbo, d.reference, d.type, d.insz, d.start_date, d.end_date, c.before, c.load_file_id
                        ), audited as (
                            insert into audit_entry (run_id, table_name, row_key, action, before, after)
                            select :run, 'dossier', kbo || '/' || reference, 'UPDATE', before,
                                   jsonb_build_object('kbo', kbo, 'reference', reference, 'type', type, 'insz', insz,
                                                      'start_date', start_date, 'end_date', end_date)
                            from updated
                        )
                        select count(*) from updated
                        """)
                .param("ji", jobInstance).param("run", run).query(Integer.class).single();
        int inserted = jdbc.sql("""
                        with incoming as (
                            select s.* from staged_dossier s join load_file f on f.id = s.load_file_id
                            where f.job_instance_id = :ji and f.status = 'PENDING'
                        ), inserted as (
                            insert into dossier (kbo, reference, type, insz, start_date, end_date, created_by_run)
                            select i.kbo, i.reference, i.type, i.insz, i.start_date, i.end_date, :run
                            from incoming i
                            where not exists (select 1 from dossier d where d.kbo = i.kbo and d.reference = i.reference)
                            returning 1
                        )
                        select count(*) from inserted
                        """)
                .param("ji", jobInstance).param("run", run).query(Integer.class).single();
        // a load of this kind is one file: the counts of its statements are the file's
        jdbc.sql("update load_file set rows_updated = :updated, rows_inserted = :inserted where job_instance_id = :ji and status = 'PENDING'")
                .param("updated", updated).param("inserted", inserted).param("ji", jobInstance).update();
        staged.auditFiles(jobInstance, run);
        // what the step did, as the dashboard's progress shows it: rows that came in or changed
        contribution.incrementWriteCount(inserted + updated);
        staged.finish(jobInstance, STAGING);
        // fresh statistics after a large load: the plan's selection must not be planned for an empty table
        jdbc.sql("analyze dossier").update();
        return RepeatStatus.FINISHED;
    }
}
