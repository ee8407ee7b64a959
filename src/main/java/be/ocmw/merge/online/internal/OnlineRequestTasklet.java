package be.ocmw.merge.online.internal;

import be.ocmw.merge.merger.ApplyParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * Links the planned OCMW Online requests of the disappearing KBOs to the target from E, in one statement
 * with an audit row each. The request keeps the KBO it was addressed to, so who handled it when stays
 * readable; a link that is already there is not made again.
 */
public class OnlineRequestTasklet implements Tasklet {

    private final JdbcClient jdbc;
    private final ApplyParameters apply;

    public OnlineRequestTasklet(JdbcClient jdbc, ApplyParameters apply) {
        this.jdbc = jdbc;
        this.apply = apply;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // one audit row per request relinked: the count is what the step did, for the dashboard's progress
        int relinked = jdbc.sql("""
                        with linked as (
                            insert into online_request_link (request_id, kbo, valid_from, created_by_run)
                            select p.request_id, :target, :effective, :run from plan_online_request p
                            where p.plan_id = :plan
                              and not exists (select 1 from online_request_link l where l.request_id = p.request_id and l.kbo = :target)
                            on conflict do nothing
                            returning request_id, kbo, valid_from
                        )
                        insert into audit_entry (run_id, table_name, row_key, action, after)
                        select :run, 'online_request_link', r.kbo || '/' || r.reference, 'INSERT',
                               jsonb_build_object('handled_by', l.kbo, 'valid_from', l.valid_from)
                        from linked l join online_request r on r.id = l.request_id""")
                .param("plan", apply.changes()).param("target", apply.target()).param("effective", apply.effectiveDate())
                .param("run", apply.run())
                .update();
        contribution.incrementWriteCount(relinked);
        return RepeatStatus.FINISHED;
    }
}
