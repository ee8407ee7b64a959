package be.ocmw.merge.access.internal;

import be.ocmw.merge.merger.ApplyParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The apply's last access step (SPEC 5.7): what the plan takes away from the merged OCMW's accounts, after its
 * additions, so that a new HTB is in place before the old one leaves. One set-based statement per kind over all the
 * plan's corrections, in one transaction; each only changes what is not already so (a kill, then the same command
 * again, does nothing twice), and writes its audit row with before and after, marked with the correction it carries out.
 * It never deletes a domain account: an organisation-level administrator no longer designated leaves the
 * organisation-level administrators (their row there), their accounts in the domains stay.
 */
public class CorrectionsTasklet implements Tasklet {

    private final JdbcClient jdbc;
    private final long plan;
    private final long run;

    public CorrectionsTasklet(JdbcClient jdbc, ApplyParameters apply) {
        this.jdbc = jdbc;
        this.plan = apply.changes();
        this.run = apply.run();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        int done = leaveOrganisationLevel() + withdrawDomainRoles() + block() + withdrawApplications();
        contribution.incrementWriteCount(done);
        return RepeatStatus.FINISHED;
    }

    private int leaveOrganisationLevel() {
        return jdbc.sql("""
                        with gone as (
                            delete from account a
                            using plan_change c, live_account l
                            where c.plan_id = :plan and c.kind = 'WITHDRAW_ROLE' and c.detail ->> 'new_role' is null
                              and l.kbo = c.target_kbo and l.domain = c.domain and l.username = c.detail ->> 'username'
                              and a.id = l.id
                            returning a.kbo, a.domain, a.username, a.last_name, a.first_name, a.role, a.insz, a.status,
                                      a.email, a.language, a.applications
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, before, after)
                        select :run, 'account', kbo || '/' || domain || '/' || username, 'DELETE',
                               jsonb_build_object('username', username, 'last_name', last_name, 'first_name', first_name,
                                                  'role', role, 'insz', insz, 'status', status, 'email', email,
                                                  'language', language, 'applications', to_jsonb(applications)),
                               jsonb_build_object('correction', 'WITHDRAW_ROLE', 'role', null)
                        from gone""")
                .param("plan", plan).param("run", run).update();
    }

    private int withdrawDomainRoles() {
        return jdbc.sql("""
                        with targets as (
                            select l.id, c.detail ->> 'new_role' as new_role, l.role as before
                            from plan_change c
                                 join live_account l on l.kbo = c.target_kbo and l.domain = c.domain
                                                    and l.username = c.detail ->> 'username'
                            where c.plan_id = :plan and c.kind = 'WITHDRAW_ROLE' and c.detail ->> 'new_role' is not null
                        ), changed as (
                            update account a set role = t.new_role from targets t
                            where a.id = t.id and a.role is distinct from t.new_role
                            returning a.kbo, a.domain, a.username, a.role, t.before
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, before, after)
                        select :run, 'account', kbo || '/' || domain || '/' || username, 'UPDATE',
                               jsonb_build_object('role', before),
                               jsonb_build_object('correction', 'WITHDRAW_ROLE', 'role', role)
                        from changed""")
                .param("plan", plan).param("run", run).update();
    }

    private int block() {
        return jdbc.sql("""
                        with changed as (
                            update account a set status = 'GEBLOKKEERD'
                            from plan_change c
                                 join live_account l on l.kbo = c.target_kbo and l.domain = c.domain
                                                    and l.username = c.detail ->> 'username'
                            where c.plan_id = :plan and c.kind = 'BLOCK_ACCOUNT' and a.id = l.id and a.status <> 'GEBLOKKEERD'
                            returning a.kbo, a.domain, a.username
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, before, after)
                        select :run, 'account', kbo || '/' || domain || '/' || username, 'UPDATE',
                               jsonb_build_object('status', 'ACTIEF'),
                               jsonb_build_object('correction', 'BLOCK_ACCOUNT', 'status', 'GEBLOKKEERD')
                        from changed""")
                .param("plan", plan).param("run", run).update();
    }

    private int withdrawApplications() {
        return jdbc.sql("""
                        with targets as (
                            select l.id, l.applications as before,
                                   array(select jsonb_array_elements_text(c.detail -> 'applications')) as withdrawn
                            from plan_change c
                                 join live_account l on l.kbo = c.target_kbo and l.domain = c.domain
                                                    and l.username = c.detail ->> 'username'
                            where c.plan_id = :plan and c.kind = 'WITHDRAW_APPLICATIONS'
                        ), changed as (
                            update account a
                            set applications = array(select x from unnest(a.applications) x
                                                     where x <> all (t.withdrawn) order by x)
                            from targets t
                            where a.id = t.id and a.applications && t.withdrawn
                            returning a.kbo, a.domain, a.username, a.applications, t.before, t.withdrawn
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, before, after)
                        select :run, 'account', kbo || '/' || domain || '/' || username, 'UPDATE',
                               jsonb_build_object('applications', to_jsonb(before)),
                               jsonb_build_object('correction', 'WITHDRAW_APPLICATIONS', 'applications', to_jsonb(applications),
                                                  'withdrawn', (select to_jsonb(array_agg(x)) from unnest(before) x
                                                                where x = any (withdrawn)))
                        from changed""")
                .param("plan", plan).param("run", run).update();
    }
}
