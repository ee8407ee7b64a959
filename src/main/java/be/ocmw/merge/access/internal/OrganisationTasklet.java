package be.ocmw.merge.access.internal;

import be.ocmw.merge.merger.ApplyParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * The first step of an apply: what the plan changes to organisations (scenario 1 creates the target with its
 * NIS, scenario 2 gives the retained OCMW its new NIS from the effective date, the old one kept in the
 * history), then the target's organisation row and a current access snapshot for every domain the plan
 * writes accounts into, so that the account chunks after it, in parallel, only add accounts. Every statement
 * is idempotent: a rerun after a kill changes nothing twice.
 */
public class OrganisationTasklet implements Tasklet {

    private record Change(String kind, String targetKbo, String detail) {
    }

    private final JdbcClient jdbc;
    private final long plan;
    private final long run;
    private final String mergerId;
    private final String targetName;

    public OrganisationTasklet(JdbcClient jdbc, ApplyParameters apply) {
        this.jdbc = jdbc;
        this.plan = apply.changes();
        this.run = apply.run();
        this.mergerId = apply.merger();
        this.targetName = apply.targetName();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        jdbc.sql("""
                        select kind, target_kbo, cast(detail as text) from plan_change
                        where plan_id = :plan and kind in ('CREATE_ORGANISATION', 'SET_NIS') order by seq""")
                .param("plan", plan)
                .query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(change -> {
                    if (change.kind().equals("CREATE_ORGANISATION")) {
                        createOrganisation(change);
                    } else {
                        setNis(change);
                    }
                });
        // the organisations and domains the accounts go to, in one pass over the changes
        List<String[]> domains = jdbc.sql("""
                        select distinct target_kbo, domain from plan_change where plan_id = :plan and kind = 'CREATE_ACCOUNT'
                        order by 1, 2""")
                .param("plan", plan).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        domains.stream().map(d -> d[0]).distinct().forEach(this::ensureOrganisation);
        for (String[] domain : domains) {
            jdbc.sql("""
                            insert into access_snapshot (kbo, domain, source_file, content_sha256, status, loaded_by_run)
                            select :kbo, :domain, 'merger ' || cast(:merger as text), '', 'CURRENT', :run
                            where not exists (select 1 from access_snapshot s where s.kbo = :kbo and s.domain = :domain
                                              and s.status = 'CURRENT')
                            on conflict do nothing""")
                    .param("kbo", domain[0]).param("domain", domain[1]).param("merger", mergerId).param("run", run).update();
        }
        return RepeatStatus.FINISHED;
    }

    private void createOrganisation(Change change) {
        jdbc.sql("""
                        with detail as (select cast(:detail as jsonb) as d),
                        created as (
                            insert into organisation (kbo, name, created_by_run)
                            select :kbo, d ->> 'name', :run from detail
                            on conflict (kbo) do nothing
                            returning kbo, name
                        ), nis as (
                            insert into organisation_nis (kbo, nis, valid_from, recorded_by_run)
                            select c.kbo, d ->> 'nis', cast(d ->> 'valid_from' as date), :run from created c, detail
                            returning kbo, nis, valid_from
                        ), nis_audited as (
                            insert into audit_entry (run_id, table_name, row_key, action, after)
                            select :run, 'organisation_nis', kbo, 'INSERT', jsonb_build_object('nis', nis, 'valid_from', valid_from)
                            from nis
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select :run, 'organisation', c.kbo, 'INSERT',
                               jsonb_build_object('kbo', c.kbo, 'name', c.name, 'nis', n.nis, 'nis_valid_from', n.valid_from,
                                                  'merger', cast(:merger as text))
                        from created c join nis n on n.kbo = c.kbo""")
                .param("detail", change.detail).param("kbo", change.targetKbo).param("run", run)
                .param("merger", mergerId).update();
    }

    /** The retained OCMW's new NIS code from the effective date; the old one stays in the history until then. */
    private void setNis(Change change) {
        ensureOrganisation(change.targetKbo);
        jdbc.sql("""
                        with previous as (
                            insert into organisation_nis (kbo, nis, valid_from, recorded_by_run)
                            select :kbo, cast(:detail as jsonb) ->> 'previous_nis', '-infinity', :run
                            where not exists (select 1 from organisation_nis where kbo = :kbo)
                            returning kbo, nis, valid_from
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select :run, 'organisation_nis', kbo, 'INSERT', jsonb_build_object('nis', nis, 'valid_from', valid_from)
                        from previous""")
                .param("kbo", change.targetKbo).param("detail", change.detail).param("run", run).update();
        jdbc.sql("""
                        with detail as (select cast(:detail as jsonb) as d),
                        closed as (
                            update organisation_nis n set valid_until = cast(d ->> 'valid_from' as date)
                            from detail
                            where n.kbo = :kbo and n.valid_until is null and n.valid_from < cast(d ->> 'valid_from' as date)
                            returning n.kbo, n.nis, n.valid_from, n.valid_until
                        ), opened as (
                            insert into organisation_nis (kbo, nis, valid_from, recorded_by_run)
                            select :kbo, d ->> 'nis', cast(d ->> 'valid_from' as date), :run from detail
                            where exists (select 1 from closed)
                            on conflict do nothing
                            returning kbo, nis, valid_from
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, before, after)
                        select :run, 'organisation_nis', o.kbo, 'UPDATE',
                               jsonb_build_object('nis', c.nis, 'valid_from', c.valid_from),
                               jsonb_build_object('nis', o.nis, 'valid_from', o.valid_from, 'previous_valid_until', c.valid_until)
                        from opened o join closed c on c.kbo = o.kbo""")
                .param("detail", change.detail).param("kbo", change.targetKbo).param("run", run).update();
    }

    private void ensureOrganisation(String kbo) {
        jdbc.sql("""
                        with created as (
                            insert into organisation (kbo, name, created_by_run) values (:kbo, :name, :run)
                            on conflict do nothing returning kbo, name
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select :run, 'organisation', kbo, 'INSERT', jsonb_build_object('kbo', kbo, 'name', name, 'merger', cast(:merger as text))
                        from created""")
                .param("kbo", kbo).param("name", targetName).param("run", run).param("merger", mergerId).update();
    }

}
