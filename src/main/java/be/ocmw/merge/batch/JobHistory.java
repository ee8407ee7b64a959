package be.ocmw.merge.batch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What Spring Batch's job repository says about the jobs that ran, for those who show or decide on it (the dashboard,
 * the apply): the latest executions with their counts, and how far the jobs of one run got, step by step. A run's jobs
 * are the executions started with its number and those of the job instances it resumed ({@link JobRunner}), never what
 * somebody else started meanwhile (another operator's apply, the night's reconciliation). The batch module owns the
 * job repository's tables: nobody else reads them.
 */
@Component
public class JobHistory {

    private final JdbcClient jdbc;

    JobHistory(JdbcClient jdbc) {
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

    /** A job execution with the counts of its steps (a partitioned step counted once); {@code run} the command or action's number. */
    public record JobRun(long id, Long run, String job, String merger, String status, String exitCode,
                         java.time.LocalDateTime started, java.time.Duration duration, long read, long written, long skipped,
                         String failure) {
    }

    /** The latest job executions, newest first. */
    public List<JobRun> recent(int limit) {
        return jdbc.sql("""
                        select e.job_execution_id, i.job_name, e.status, e.exit_code, e.exit_message, e.start_time, e.end_time,
                               (select p.parameter_value from batch_job_execution_params p
                                where p.job_execution_id = e.job_execution_id and p.parameter_name = 'merger') as merger,
                               (select cast(p.parameter_value as bigint) from batch_job_execution_params p
                                where p.job_execution_id = e.job_execution_id and p.parameter_name = 'run') as run,
                               coalesce(sum(s.read_count), 0) as read_count, coalesce(sum(s.write_count), 0) as write_count,
                               coalesce(sum(s.read_skip_count + s.process_skip_count + s.write_skip_count), 0) as skips
                        from batch_job_execution e
                                 join batch_job_instance i on i.job_instance_id = e.job_instance_id
                                 left join batch_step_execution s on s.job_execution_id = e.job_execution_id
                                                                 and s.step_name not like '%:%'
                        group by e.job_execution_id, i.job_name
                        order by e.job_execution_id desc
                        limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> {
                    // Spring Batch writes its times as the machine's local time, without zone
                    var start = rs.getObject("start_time", java.time.LocalDateTime.class);
                    var end = rs.getObject("end_time", java.time.LocalDateTime.class);
                    String status = rs.getString("status");
                    String merger = rs.getString("merger");
                    return new JobRun(rs.getLong(1), (Long) rs.getObject("run"), rs.getString("job_name"),
                            merger == null || merger.isBlank() ? null : merger, status, rs.getString("exit_code"), start,
                            start == null ? null : java.time.Duration.between(start, end == null ? java.time.LocalDateTime.now() : end),
                            rs.getLong("read_count"), rs.getLong("write_count"), rs.getLong("skips"),
                            "FAILED".equals(status) || "ABANDONED".equals(status) ? firstLine(rs.getString("exit_message")) : null);
                })
                .list();
    }

    /** How often step {@code step} failed in executions whose job parameter {@code parameter} is {@code value}. */
    public long failedSteps(String step, String parameter, String value) {
        return jdbc.sql("""
                        select count(*) from batch_step_execution s
                        join batch_job_execution_params p on p.job_execution_id = s.job_execution_id
                        where s.step_name = :step and s.status = 'FAILED'
                          and p.parameter_name = :parameter and p.parameter_value = :value""")
                .param("step", step).param("parameter", parameter).param("value", value).query(Long.class).single();
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }

    /** Records that {@code run} resumes the job instance whose last execution is {@code last}. */
    void resumed(long run, long jobInstance, long last) {
        jdbc.sql("""
                        insert into job_resumed_by_run (run_id, job_instance_id, after_execution_id) values (:run, :instance, :last)
                        on conflict (run_id, job_instance_id) do nothing""")
                .param("run", run).param("instance", jobInstance).param("last", last).update();
    }
}
