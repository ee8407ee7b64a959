package be.ocmw.merge.batch;

import be.ocmw.merge.audit.ReasonJson;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records each refused row. It runs inside the chunk's transaction, so a chunk replayed after a restart
 * reports its rows again: the key (job instance, file, sheet, row) makes the second report a no-op.
 */
@Component
public class RejectionRecorder implements SkipListener<Object, Object> {

    private final JdbcClient jdbc;

    RejectionRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void onSkipInProcess(Object item, Throwable t) {
        if (t instanceof RejectedRowException rejected) {
            var step = StepSynchronizationManager.getContext().getStepExecution();
            long jobInstance = step.getJobExecution().getJobInstance().getInstanceId();
            long run = step.getJobExecution().getJobParameters().getLong("run");
            record(run, jobInstance, rejected.rejection());
        }
    }

    public void record(long run, long jobInstance, Rejection rejection) {
        jdbc.sql("""
                        insert into rejected_row (run_id, job_instance_id, source_file, sheet, row_number, column_name, reason,
                                                  reason_words, kbo)
                        values (:run, :jobInstance, :file, :sheet, :row, :column, :reason, cast(:words as jsonb), :kbo)
                        on conflict (job_instance_id, source_file, sheet, row_number) do nothing""")
                .param("run", run)
                .param("jobInstance", jobInstance)
                .param("file", rejection.file())
                .param("sheet", rejection.sheet())
                .param("row", rejection.row())
                .param("column", rejection.column())
                .param("reason", rejection.reason().english())
                .param("words", ReasonJson.write(rejection.reason()))
                .param("kbo", rejection.kbo())
                .update();
    }
}
