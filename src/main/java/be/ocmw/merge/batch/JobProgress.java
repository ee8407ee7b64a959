package be.ocmw.merge.batch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How far the jobs of one run got, step by step: what an action's page shows while it runs. A run's jobs are the
 * executions started with its number and those of the job instances it resumed ({@link JobRunner}), never what
 * somebody else started meanwhile (another operator's apply, the night's reconciliation).
 */
@Component
public class JobProgress {

    private final JdbcClient jdbc;

    JobProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One step of a job of the run, with its counts. */
    public record StepProgress(String job, String step, String status, long read, long written, long skipped) {

        /** The step's name without its partition ({@code closeReopenStep:partition3} is a part of closeReopenStep). */
        public String stepName() {
            int colon = step.indexOf(':');
            return colon < 0 ? step : step.substring(0, colon);
        }

        /** The partition's number counted from 1, or null for a step that is not a partition. */
        public Integer part() {
            int colon = step.indexOf(":partition");
            return colon < 0 ? null : Integer.parseInt(step.substring(colon + ":partition".length())) + 1;
        }
    }

    /** The steps of the jobs run {@code run} started or resumed, in the order they started. */
    public List<StepProgress> ofRun(long run) {
        return jdbc.sql("""
                        select i.job_name, s.step_name, s.status, s.read_count, s.write_count,
                               s.read_skip_count + s.process_skip_count + s.write_skip_count as skips
                        from batch_step_execution s
                                 join batch_job_execution e on e.job_execution_id = s.job_execution_id
                                 join batch_job_instance i on i.job_instance_id = e.job_instance_id
                        where exists (select 1 from batch_job_execution_params p
                                      where p.job_execution_id = e.job_execution_id and p.parameter_name = 'run'
                                        and p.parameter_value = :run)
                           or exists (select 1 from job_resumed_by_run r
                                      where r.run_id = :runId and r.job_instance_id = e.job_instance_id
                                        and e.job_execution_id > r.after_execution_id)
                        order by s.step_execution_id""")
                .param("run", Long.toString(run)).param("runId", run)
                .query((rs, n) -> new StepProgress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /** Records that {@code run} resumes the job instance whose last execution is {@code last}. */
    void resumed(long run, long jobInstance, long last) {
        jdbc.sql("""
                        insert into job_resumed_by_run (run_id, job_instance_id, after_execution_id) values (:run, :instance, :last)
                        on conflict (run_id, job_instance_id) do nothing""")
                .param("run", run).param("instance", jobInstance).param("last", last).update();
    }
}
