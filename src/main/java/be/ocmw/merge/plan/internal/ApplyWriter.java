package be.ocmw.merge.plan.internal;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Executes a chunk of plan changes, each kind as one set-based statement over the chunk, in the chunk's
 * transaction. Every statement is idempotent (an account already created is not created again, an update
 * that is already in place changes nothing), so a chunk replayed after a kill does nothing twice; every
 * change that happens writes its audit row with before and after. Progress is the step's checkpoint,
 * committed with each chunk; the job's last step checks that every change is in place.
 */
public class ApplyWriter implements ItemWriter<ApplyWriter.Change> {

    /** A stored plan change. */
    public record Change(long planId, int seq, String kind, String targetKbo, String domain, String subject, String detail) {
    }

    private final JdbcClient jdbc;
    private final long run;
    private final String mergerId;
    private final String targetName;

    public ApplyWriter(JdbcClient jdbc, long run, String mergerId, String targetName) {
        this.jdbc = jdbc;
        this.run = run;
        this.mergerId = mergerId;
        this.targetName = targetName;
    }

    @Override
    public void write(Chunk<? extends Change> chunk) {
        Map<String, List<Change>> byKind = chunk.getItems().stream()
                .collect(Collectors.groupingBy(Change::kind, java.util.LinkedHashMap::new, Collectors.toList()));
        byKind.getOrDefault("CREATE_ORGANISATION", List.of()).forEach(this::createOrganisation);
        byKind.getOrDefault("SET_NIS", List.of()).forEach(this::setNis);
        List<Change> accounts = new ArrayList<>(byKind.getOrDefault("CREATE_ACCOUNT", List.of()));
        if (!accounts.isEmpty()) {
            createAccounts(accounts);
        }
        List<Change> updates = new ArrayList<>(byKind.getOrDefault("UPDATE_ACCOUNT", List.of()));
        if (!updates.isEmpty()) {
            updateAccounts(updates);
        }
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
                        )
                        insert into audit (run_id, table_name, row_key, action, after)
                        select :run, 'organisation', c.kbo, 'INSERT',
                               jsonb_build_object('kbo', c.kbo, 'name', c.name, 'nis', n.nis, 'nis_valid_from', n.valid_from,
                                                  'merger', cast(:merger as text))
                        from created c join nis n on n.kbo = c.kbo""")
                .param("detail", change.detail()).param("kbo", change.targetKbo()).param("run", run)
                .param("merger", mergerId).update();
    }

    /** The retained OCMW's new NIS code from the effective date; the old one stays in the history until then. */
    private void setNis(Change change) {
        ensureOrganisation(change.targetKbo());
        jdbc.sql("""
                        insert into organisation_nis (kbo, nis, valid_from, recorded_by_run)
                        select :kbo, cast(:detail as jsonb) ->> 'previous_nis', '-infinity', :run
                        where not exists (select 1 from organisation_nis where kbo = :kbo)""")
                .param("kbo", change.targetKbo()).param("detail", change.detail()).param("run", run).update();
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
                        insert into audit (run_id, table_name, row_key, action, before, after)
                        select :run, 'organisation_nis', o.kbo, 'UPDATE',
                               jsonb_build_object('nis', c.nis, 'valid_from', c.valid_from),
                               jsonb_build_object('nis', o.nis, 'valid_from', o.valid_from, 'previous_valid_until', c.valid_until)
                        from opened o join closed c on c.kbo = o.kbo""")
                .param("detail", change.detail()).param("kbo", change.targetKbo()).param("run", run).update();
    }

    private void ensureOrganisation(String kbo) {
        jdbc.sql("insert into organisation (kbo, name, created_by_run) values (:kbo, :name, :run) on conflict do nothing")
                .param("kbo", kbo).param("name", targetName).param("run", run).update();
    }

    /** The merged OCMW's accounts go into the current snapshot of their domain, made when there is none. */
    private void createAccounts(List<Change> changes) {
        ensureOrganisation(changes.get(0).targetKbo());
        long plan = changes.get(0).planId();
        Integer[] seqs = changes.stream().map(Change::seq).toArray(Integer[]::new);
        jdbc.sql("""
                        insert into access_snapshot (kbo, domain, source_file, content_sha256, status, loaded_by_run)
                        select distinct c.target_kbo, c.domain, 'merger ' || cast(:merger as text), '', 'CURRENT', :run
                        from plan_change c
                        where c.plan_id = :plan and c.seq = any(:seqs)
                          and not exists (select 1 from access_snapshot s where s.kbo = c.target_kbo
                                          and s.domain = c.domain and s.status = 'CURRENT')
                        on conflict do nothing""")
                .param("plan", plan).param("seqs", seqs).param("merger", mergerId).param("run", run).update();
        jdbc.sql("""
                        with created as (
                            insert into account (snapshot_id, kbo, domain, username, last_name, first_name, role, insz, status,
                                                 email, language, applications, created_by_run)
                            select s.id, c.target_kbo, c.domain, a.username, a.last_name, a.first_name, a.role, a.insz, a.status,
                                   a.email, a.language, coalesce(a.applications, '{}'), :run
                            from plan_change c
                                 cross join jsonb_to_record(c.detail) as a(username text, last_name text, first_name text,
                                     role text, insz text, status text, email text, language text, applications text[])
                                 join access_snapshot s on s.kbo = c.target_kbo and s.domain = c.domain and s.status = 'CURRENT'
                            where c.plan_id = :plan and c.seq = any(:seqs)
                            on conflict (snapshot_id, username) do nothing
                            returning kbo, domain, username, last_name, first_name, role, insz, status, email, language, applications
                        )
                        insert into audit (run_id, table_name, row_key, action, after)
                        select :run, 'account', kbo || '/' || domain || '/' || username, 'INSERT',
                               jsonb_build_object('username', username, 'last_name', last_name, 'first_name', first_name,
                                                  'role', role, 'insz', insz, 'status', status, 'email', email,
                                                  'language', language, 'applications', to_jsonb(applications))
                        from created""")
                .param("plan", plan).param("seqs", seqs).param("run", run).update();
    }

    private void updateAccounts(List<Change> changes) {
        long plan = changes.get(0).planId();
        Integer[] seqs = changes.stream().map(Change::seq).toArray(Integer[]::new);
        jdbc.sql("""
                        with items as (
                            select c.target_kbo as kbo, c.domain, u.*
                            from plan_change c
                                 cross join jsonb_to_record(c.detail) as u(username text, add_applications text[], status text, role text)
                            where c.plan_id = :plan and c.seq = any(:seqs)
                        ), targets as (
                            select a.id, i.*,
                                   array(select distinct x from unnest(a.applications || coalesce(i.add_applications, '{}')) x
                                         order by x) as new_applications,
                                   jsonb_build_object('role', a.role, 'status', a.status,
                                                      'applications', to_jsonb(a.applications)) as before
                            from live_account a join items i on a.kbo = i.kbo and a.domain = i.domain and a.username = i.username
                        ), updated as (
                            update account a set applications = t.new_applications,
                                                 status = coalesce(t.status, a.status),
                                                 role = coalesce(t.role, a.role)
                            from targets t
                            where a.id = t.id
                              and (a.applications, a.status, a.role)
                                  is distinct from (t.new_applications, coalesce(t.status, a.status), coalesce(t.role, a.role))
                            returning a.kbo, a.domain, a.username, a.role, a.status, a.applications, t.before
                        )
                        insert into audit (run_id, table_name, row_key, action, before, after)
                        select :run, 'account', kbo || '/' || domain || '/' || username, 'UPDATE', before,
                               jsonb_build_object('role', role, 'status', status, 'applications', to_jsonb(applications))
                        from updated""")
                .param("plan", plan).param("seqs", seqs).param("run", run).update();
    }

}
