package be.ocmw.merge.access.internal;

import be.ocmw.merge.merger.model.ChangeKind;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Executes a chunk of account changes (a range of the plan's changes), each kind as one set-based statement
 * over the range, in the chunk's transaction; the values are read from the stored plan in the database.
 * Every statement is idempotent (an account already created is not created again, an update that is
 * already in place changes nothing), so a chunk replayed after a kill does nothing twice; every
 * change that happens writes its audit row with before and after. Progress is the step's checkpoint,
 * committed with each chunk; the job's last step checks that every change is in place.
 */
public class ApplyWriter implements ItemWriter<ApplyWriter.Change> {

    /** A stored account change: the writer reads its values in the database. */
    public record Change(long planId, int seq, ChangeKind kind) {
    }

    private final JdbcClient jdbc;
    private final long run;

    public ApplyWriter(JdbcClient jdbc, long run) {
        this.jdbc = jdbc;
        this.run = run;
    }

    @Override
    public void write(Chunk<? extends Change> chunk) {
        int from = chunk.getItems().get(0).seq();
        int to = chunk.getItems().get(chunk.size() - 1).seq();
        long plan = chunk.getItems().get(0).planId();
        if (chunk.getItems().stream().anyMatch(c -> c.kind() == ChangeKind.CREATE_ACCOUNT)) {
            createAccounts(plan, from, to);
        }
        if (chunk.getItems().stream().anyMatch(c -> c.kind() == ChangeKind.UPDATE_ACCOUNT)) {
            updateAccounts(plan, from, to);
        }
    }

    /** The merged OCMW's accounts go into the current snapshot of their domain, made when there is none. */
    private void createAccounts(long plan, int from, int to) {
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
                            where c.plan_id = :plan and c.seq between :from and :to and c.kind = 'CREATE_ACCOUNT'
                            on conflict (snapshot_id, username) do nothing
                            returning kbo, domain, username, last_name, first_name, role, insz, status, email, language, applications
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select :run, 'account', kbo || '/' || domain || '/' || username, 'INSERT',
                               jsonb_build_object('username', username, 'last_name', last_name, 'first_name', first_name,
                                                  'role', role, 'insz', insz, 'status', status, 'email', email,
                                                  'language', language, 'applications', to_jsonb(applications))
                        from created""")
                .param("plan", plan).param("from", from).param("to", to).param("run", run).update();
    }

    private void updateAccounts(long plan, int from, int to) {
        jdbc.sql("""
                        with items as (
                            select c.target_kbo as kbo, c.domain, u.*
                            from plan_change c
                                 cross join jsonb_to_record(c.detail) as u(username text, add_applications text[], status text, role text)
                            where c.plan_id = :plan and c.seq between :from and :to and c.kind = 'UPDATE_ACCOUNT'
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
                        insert into audit_entry (run_id, table_name, row_key, action, before, after)
                        select :run, 'account', kbo || '/' || domain || '/' || username, 'UPDATE', before,
                               jsonb_build_object('role', role, 'status', status, 'applications', to_jsonb(applications))
                        from updated""")
                .param("plan", plan).param("from", from).param("to", to).param("run", run).update();
    }

}
