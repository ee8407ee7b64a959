package be.ocmw.merge.dossiers.internal;

import be.ocmw.merge.batch.StagedMerge;
import be.ocmw.merge.batch.StagedRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merges the staged dossier rows into the live table in one transaction, set-based: a new (KBO,
 * reference) is inserted, a known one whose content changed is updated with an audit row holding before
 * and after, an unchanged one is left alone. Loading the same file twice therefore changes nothing.
 */
public class DossierMerge extends StagedMerge {

    static final String STAGING = "staged_dossier";

    public DossierMerge(JdbcClient jdbc, StagedRows staged) {
        super(jdbc, staged, STAGING, new Duplicates("s.kbo, s.reference", "reference",
                "'dossier ' || reference || ' of KBO ' || kbo || ' is already on row ' || first_row"
                        + " || case when first_file <> file_name then ' of ' || first_file else '' end"
                        + " || ': a reference is unique per KBO'",
                "kbo", "", "dossier.duplicate"));
    }

    @Override
    protected int update(long jobInstance, long run) {
        return jdbc.sql("""
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
    }

    @Override
    protected int insert(long jobInstance, long run) {
        return jdbc.sql("""
                        with incoming as (
                            select s.* from staged_dossier s join load_file f on f.id = s.load_file_id
                            where f.job_instance_id = :ji and f.status = 'PENDING'
                        ), inserted as (
                            insert into dossier (kbo, reference, type, insz, start_date, end_date, created_by_run)
                            select i.kbo, i.reference, i.type, i.insz, i.start_date, i.end_date, :run
                            from incoming i
                            where not exists (select 1 from dossier d where d.kbo = i.kbo and d.reference = i.reference)
                            returning kbo, reference, type, insz, start_date, end_date
                        ), audited as (
                            insert into audit_entry (run_id, table_name, row_key, action, after)
                            select :run, 'dossier', kbo || '/' || reference, 'INSERT',
                                   jsonb_build_object('kbo', kbo, 'reference', reference, 'type', type, 'insz', insz,
                                                      'start_date', start_date, 'end_date', end_date)
                            from inserted
                        )
                        select count(*) from inserted
                        """)
                .param("ji", jobInstance).param("run", run).query(Integer.class).single();
    }

    @Override
    protected void afterwards() {
        // fresh statistics after a large load: the plan's selection must not be planned for an empty table
        jdbc.sql("analyze dossier").update();
    }
}
