package be.ocmw.merge.online.internal;

import be.ocmw.merge.batch.StagedMerge;
import be.ocmw.merge.batch.StagedRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Merges staged requests: new ones inserted, changed ones updated with an audit row, the rest untouched. */
public class OnlineRequestMerge extends StagedMerge {

    static final String STAGING = "staged_online_request";

    public OnlineRequestMerge(JdbcClient jdbc, StagedRows staged) {
        super(jdbc, staged, STAGING, new Duplicates("s.kbo, s.reference", "reference",
                "'request ' || reference || ' of KBO ' || kbo || ' is already on row ' || first_row"
                        + " || ': a reference is unique per KBO'", "kbo", "", "online.duplicate"));
    }

    @Override
    protected int update(long jobInstance, long run) {
        return jdbc.sql("""
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
    }

    @Override
    protected int insert(long jobInstance, long run) {
        return jdbc.sql("""
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
    }
}
