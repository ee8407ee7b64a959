package be.ocmw.merge.access.internal;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.batch.JobTasklet;
import be.ocmw.merge.batch.RunningJob;
import be.ocmw.merge.batch.LoadFile;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.batch.StagedRows;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * Makes each completely read file its organisation-domain's current snapshot, in one transaction. The
 * accounts of the snapshot it replaces stay, as history; each difference between the two (an account
 * added, changed or gone) becomes an audit row with before and after. A file refused half-way leaves
 * nothing: its snapshot is rejected and the rows it had written are removed.
 */
public class AccessMerge implements JobTasklet {

    /**
     * The organisations {@code o} this load (job instance {@code :ji}) made for its files. A resumed load runs this
     * step under another run than the one that registered the files and made them: the runs are the files'.
     */
    private static final String MADE_BY_THIS_LOAD = " o.created_by_run in (select run_id from load_file where job_instance_id = :ji)"
            + " and o.kbo in (select kbo from load_file where job_instance_id = :ji and kbo is not null)\n";

    /** The job parameter by which the operator allows a reload to remove most of a domain's accounts. */
    public static final String ALLOW_SHRINK = "allowShrink";

    private final JdbcClient jdbc;
    private final LoadFiles files;
    private final StagedRows staged;
    private final int maxShrinkPercent;

    public AccessMerge(JdbcClient jdbc, LoadFiles files, StagedRows staged, int maxShrinkPercent) {
        this.jdbc = jdbc;
        this.files = files;
        this.staged = staged;
        this.maxShrinkPercent = maxShrinkPercent;
    }

    @Override
    public void execute(RunningJob job, StepContribution contribution) {
        long jobInstance = job.jobInstance();
        long run = job.run();

        if (!"true".equals(job.parameters().getString(ALLOW_SHRINK))) {
            refuseShrinking(jobInstance);
        }

        forgetRefusedFiles(jobInstance);
        staged.forgetRejectionsOfRefusedFiles(jobInstance);
        jdbc.sql("""
                        update load_file f set
                            rows_accepted = (select count(*) from account a where a.snapshot_id = f.snapshot_id),
                            rows_rejected = (select count(*) from rejected_row r
                                             where r.job_instance_id = f.job_instance_id and r.source_file = f.name)
                        where f.job_instance_id = :ji and f.status = 'PENDING'""")
                .param("ji", jobInstance).update();
        for (LoadFile file : files.pending(jobInstance, AccessFilesTasklet.KIND)) {
            makeCurrent(file, run);
        }
        jdbc.sql("""
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select :run, 'access_snapshot', kbo || '/' || domain, 'INSERT',
                               jsonb_build_object('snapshot', snapshot_id, 'file', path, 'sha256', content_sha256,
                                                  'accounts', rows_accepted, 'added', rows_inserted,
                                                  'changed', rows_updated, 'removed', rows_removed)
                        from load_file where job_instance_id = :ji and status = 'PENDING'""")
                .param("run", run).param("ji", jobInstance).update();
        jdbc.sql("update load_file set status = 'LOADED' where job_instance_id = :ji and status = 'PENDING'")
                .param("ji", jobInstance).update();
    }

    /**
     * A file refused whole leaves nothing: the rows it had written, its snapshot, and the organisation this load made
     * for it when nothing else of that organisation was loaded. The organisations this load made and kept are
     * audited now.
     */
    private void forgetRefusedFiles(long jobInstance) {
        List<Long> snapshots = jdbc.sql("""
                        select s.id from access_snapshot s join load_file f on f.snapshot_id = s.id
                        where f.job_instance_id = :ji and f.status = 'REJECTED' and s.status = 'LOADING'""")
                .param("ji", jobInstance).query(Long.class).list();
        if (!snapshots.isEmpty()) {
            jdbc.sql("delete from account where snapshot_id in (:ids)").param("ids", snapshots).update();
            jdbc.sql("update load_file set snapshot_id = null where snapshot_id in (:ids)").param("ids", snapshots).update();
            jdbc.sql("delete from access_snapshot where id in (:ids)").param("ids", snapshots).update();
        }
        jdbc.sql("delete from organisation o where " + MADE_BY_THIS_LOAD + """
                          and not exists (select 1 from access_snapshot s where s.kbo = o.kbo)
                          and not exists (select 1 from organisation_nis n where n.kbo = o.kbo)""")
                .param("ji", jobInstance).update();
        jdbc.sql("""
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select o.created_by_run, 'organisation', o.kbo, 'INSERT', jsonb_build_object('kbo', o.kbo, 'name', o.name)
                        from organisation o where """ + MADE_BY_THIS_LOAD + """
                          and not exists (select 1 from audit_entry a where a.table_name = 'organisation' and a.row_key = o.kbo
                                          and a.action = 'INSERT')""")
                .param("ji", jobInstance).update();
    }

    /**
     * Refuses each file that would remove more than the allowed share of the accounts of its domain's current
     * snapshot (every one of them included): such an export is far more often incomplete than true. The refused
     * file is then cleaned up like any other refused file: nothing from it stays.
     */
    private void refuseShrinking(long jobInstance) {
        jdbc.sql("""
                        select f.id, f.domain,
                               (select count(*) from account o where o.snapshot_id = s.id) as before,
                               (select count(*) from account o where o.snapshot_id = s.id
                                  and not exists (select 1 from account n where n.snapshot_id = f.snapshot_id
                                                  and n.username = o.username)) as removed
                        from load_file f
                        join access_snapshot s on s.kbo = f.kbo and s.domain = f.domain and s.status = 'CURRENT'
                        where f.job_instance_id = :ji and f.status = 'PENDING' and f.snapshot_id is not null
                        order by f.id""")
                .param("ji", jobInstance)
                .query((rs, n) -> new Shrink(rs.getLong("id"), rs.getString("domain"), rs.getLong("before"),
                        rs.getLong("removed")))
                .list().stream()
                .filter(shrink -> shrink.removed() > 0 && shrink.removed() * 100 > shrink.before() * (long) maxShrinkPercent)
                .forEach(shrink -> files.reject(shrink.file(), shrink.reason(maxShrinkPercent).english(),
                        shrink.reason(maxShrinkPercent)));
    }

    /** What a file would remove from its domain's current snapshot. */
    private record Shrink(long file, String domain, long before, long removed) {

        Reason reason(int maxPercent) {
            return Reason.of("access.shrink", removed, before, domain, maxPercent);
        }
    }

    private void makeCurrent(LoadFile file, long run) {
        Long previous = jdbc.sql("""
                        select id from access_snapshot where kbo = :kbo and domain = :domain and status = 'CURRENT'""")
                .param("kbo", file.kbo()).param("domain", file.domain()).query(Long.class).optional().orElse(null);
        if (previous == null) {
            jdbc.sql("update load_file set rows_inserted = rows_accepted where id = :id").param("id", file.id()).update();
        } else {
            auditDifferences(file, previous, run);
            jdbc.sql("update access_snapshot set status = 'REPLACED', replaced_by = :snapshot where id = :previous")
                    .param("snapshot", file.snapshotId()).param("previous", previous).update();
        }
        jdbc.sql("""
                        update access_snapshot s set status = 'CURRENT', accepted_rows = f.rows_accepted,
                                                     rejected_rows = f.rows_rejected
                        from load_file f where f.id = :file and s.id = f.snapshot_id""")
                .param("file", file.id()).update();
    }

    /** One audit row per account added, changed or gone, and the file's counts of each. */
    private void auditDifferences(LoadFile file, long previous, long run) {
        jdbc.sql("""
                        with old as (
                            select username, jsonb_build_object('username', username, 'last_name', last_name,
                                       'first_name', first_name, 'role', role, 'insz', insz, 'status', status,
                                       'email', email, 'language', language, 'applications', to_jsonb(applications)) as row
                            from account where snapshot_id = :previous
                        ), new as (
                            select username, jsonb_build_object('username', username, 'last_name', last_name,
                                       'first_name', first_name, 'role', role, 'insz', insz, 'status', status,
                                       'email', email, 'language', language, 'applications', to_jsonb(applications)) as row
                            from account where snapshot_id = :snapshot
                        ), diff as (
                            select coalesce(o.username, n.username) as username, o.row as before, n.row as after,
                                   case when o.row is null then 'INSERT' when n.row is null then 'DELETE' else 'UPDATE' end as action
                            from old o full join new n on o.username = n.username
                            where o.row is distinct from n.row
                        ), audited as (
                            insert into audit_entry (run_id, table_name, row_key, action, before, after)
                            select :run, 'account', :kbo || '/' || :domain || '/' || username, action, before, after from diff
                        )
                        update load_file set
                            rows_inserted = (select count(*) from diff where action = 'INSERT'),
                            rows_updated = (select count(*) from diff where action = 'UPDATE'),
                            rows_removed = (select count(*) from diff where action = 'DELETE')
                        where id = :file""")
                .param("previous", previous).param("snapshot", file.snapshotId()).param("kbo", file.kbo())
                .param("domain", file.domain()).param("file", file.id()).param("run", run)
                .update();
    }
}
