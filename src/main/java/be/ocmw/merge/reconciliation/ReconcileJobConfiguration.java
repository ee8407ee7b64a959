package be.ocmw.merge.reconciliation;

import be.ocmw.merge.batch.Steps;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Registry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

/**
 * {@code reconcileJob}: one step that looks at every applied merger of the registry (or the one asked for)
 * whose old OCMWs still exist and records its drift under the run. Identified by the run for the command
 * line, by the night for the scheduler, so that a night is reconciled once. Its drift rows are replaced when
 * a killed run is run again, never added twice. The run it recorded under is in the job's execution context
 * ({@code run}).
 */
@Configuration(proxyBeanMethods = false)
class ReconcileJobConfiguration {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Bean
    Job reconcileJob(JobRepository repository, Step driftStep) {
        return Steps.sequence("reconcileJob", repository, driftStep);
    }

    @Bean
    Step driftStep(JobRepository repository, PlatformTransactionManager transactions, Tasklet driftTasklet) {
        return Steps.taskletStep("driftStep", repository, transactions, driftTasklet);
    }

    @Bean
    @StepScope
    Tasklet driftTasklet(Reconciler reconciler, JdbcClient jdbc, RunLog runLog, Registry registry,
                         @Value("#{jobParameters['merger']}") String merger,
                         @Value("#{jobParameters['run']}") Long run) {
        return (contribution, context) -> {
            long runId = run != null ? run : runLog.start("reconcile (scheduled)", registry.file().toString());
            // the scheduler's night reads its run here: the digests compare the drift of runs
            context.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putLong("run", runId);
            List<Merger> mergers = registry.current().mergers().stream()
                    .filter(m -> merger == null || merger.isBlank() || m.id().equals(merger)).toList();
            for (Merger m : mergers) {
                jdbc.sql("delete from drift where run_id = :run and merger_id = :m").param("run", runId).param("m", m.id()).update();
                if (!reconciler.applies(m)) {
                    continue;
                }
                List<Drift> found = reconciler.detect(m);
                contribution.incrementReadCount();
                contribution.incrementWriteCount(found.size());
                for (Drift d : found) {
                    jdbc.sql("""
                                    insert into drift (run_id, merger_id, code, source_kbo, subject, detail, args)
                                    values (:run, :merger, :code, :kbo, :subject, :detail, cast(:args as jsonb))""")
                            .param("run", runId).param("merger", m.id()).param("code", d.code().name()).param("kbo", d.sourceKbo())
                            .param("subject", d.subject()).param("detail", d.detail())
                            .param("args", JSON.writeValueAsString(d.args())).update();
                }
            }
            if (run == null) {
                runLog.finish(runId, 0, "reconciled");
            }
            return RepeatStatus.FINISHED;
        };
    }
}
