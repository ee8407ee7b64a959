package be.ocmw.merge.online.internal;

import be.ocmw.merge.batch.JobScope;
import be.ocmw.merge.batch.StagedRows;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Merges staged requests: new ones inserted, changed ones updated with an audit row, the rest untouched. */
public class OnlineRequestMerge implements Tasklet {

    static final String STAGING = "staged_online_request";

    private final JdbcClient jdbc;
    private final StagedRows staged;

    public OnlineRequestMerge(JdbcClient jdbc, StagedRows staged) {
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
                "'request ' || reference || ' of KBO ' || kbo || ' is already on row ' || first_row"
                        + " || ': a reference is unique per KBO'", "kbo", "", "online.duplicate");
        staged.countRows(jobInstance, STAGING);
        int updated = jdbc.sql("""
                        with incoming as (
                            select s.* from staged_online_request s join load_file f on f.id = s.load_file_id
                            where f.job_instance_id = :ji and f.status = 'PENDING'
                        ), changed as (
                            select r.id, i.load_file_id, i.submitted_on, i.read,
                                   jsonb_build_object('kbo', r.kbo, 'reference', r.reference,
                                                      'submitted_on', r.submitted_on, 'read', r.read) as before
                            from online_request r join incoming i on r.kbo = i.kbo and r.reference = i.reference
                            where (r.submitted_on, r.read) is distinct from (i.submitted_on, i.read)
                        ), updated as (
                            update online_request r set submitted_on = c.submitted_on, read = c.read
                            from changed c where r.id = c.id
                            returning r.kbo, r.reference, r.submitted_on, r.read, c.before, c.load_file_id
                        ), audited as (
                            insert into audit_entry (run_id, table_name, row_key, action, before, after)
                            select :run, 'online_request', kbo || '/' || reference, 'UPDATE', before,
                                   jsonb_build_object('kbo', kbo, 'reference', reference, 'submitted_on', submitted_on, 'read', read)
                            from updated
                        )
                        select count(*) from updated
                        """)
                .param("ji", jobInstance).param("run", run).query(Integer.class).single();
        int inserted = jdbc.sql("""
                        with incoming as (
                            select s.* from staged_online_request s join load_file f on f.id = s.load_file_id
                            where f.job_instance_id = :ji and f.status = 'PENDING'
                        ), inserted as (
                            insert into online_request (reference, submitted_on, kbo, read)
                            select i.reference, i.submitted_on, i.kbo, i.read from incoming i
                            where not exists (select 1 from online_request r where r.kbo = i.kbo and r.reference = i.reference)
                            returning kbo, reference, submitted_on, read
                        ), audited as (
                            insert into audit_entry (run_id, table_name, row_key, action, after)
                            select :run, 'online_request', kbo || '/' || reference, 'INSERT',
                                   jsonb_build_object('kbo', kbo, 'reference', reference, 'submitted_on', submitted_on, 'read', read)
                            from inserted
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
        return RepeatStatus.FINISHED;
    }
}
