package be.ocmw.merge.web.internal;

import be.ocmw.merge.reconciliation.Drift;
import be.ocmw.merge.reconciliation.ReconciledDrift;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.Ocmw;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the pages show, read from the database in a few queries per page. Reads only. */
@Component
class Dashboard {

    private final JdbcClient jdbc;
    private final StoredPlans plans;
    private final ReconciledDrift drifts;

    Dashboard(JdbcClient jdbc, StoredPlans plans, ReconciledDrift drifts) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.drifts = drifts;
    }

    /** A participant's HTB submission against the deadline: RECEIVED, LATE or MISSING. */
    record Submission(Ocmw ocmw, String state, LocalDate submittedOn, String file) {
    }

    record MergerRow(Merger merger, StoredPlans.Standing standing, List<Submission> submissions,
                     List<StoredPlans.Task> tasks) {

        /** The first task still to do, overdue or not. */
        public Optional<StoredPlans.Task> nextTask() {
            return StoredPlans.nextTask(tasks);
        }

        /** How many tasks are not done although their day has passed. */
        public long overdueTasks(LocalDate today) {
            return tasks.stream().filter(t -> t.overdue(today)).count();
        }

        long count(String state) {
            return submissions.stream().filter(s -> s.state().equals(state)).count();
        }

        /** Received in time or late: a late submission was received too. */
        public long received() {
            return count("RECEIVED") + count("LATE");
        }

        public long late() {
            return count("LATE");
        }

        public long missing() {
            return count("MISSING");
        }

        /** Submissions still missing after the deadline: what the start page points out first. */
        public boolean overdue(LocalDate today) {
            return missing() > 0 && merger.deadline() != null && today.isAfter(merger.deadline());
        }
    }

    List<MergerRow> overview(MergerRegistry registry, LocalDate today, ReportText text) {
        List<MergerRow> rows = new ArrayList<>();
        for (Merger merger : registry.mergers()) {
            StoredPlans.Standing standing = plans.standing(merger);
            rows.add(new MergerRow(merger, standing, submissions(merger), plans.tasks(merger, standing, text)));
        }
        return rows;
    }

    List<Submission> submissions(Merger merger) {
        Map<String, Object[]> current = new LinkedHashMap<>();
        jdbc.sql("select kbo, submitted_on, source_file from submission where merger_id = :m and superseded_by is null")
                .param("m", merger.id())
                .query(rs -> {
                    current.put(rs.getString(1), new Object[]{rs.getObject(2, LocalDate.class), rs.getString(3)});
                });
        return merger.participants().stream().map(p -> {
            Object[] found = current.get(p.kbo().digits());
            if (found == null) {
                return new Submission(p, "MISSING", null, null);
            }
            LocalDate on = (LocalDate) found[0];
            boolean late = merger.late(on);
            return new Submission(p, late ? "LATE" : "RECEIVED", on, (String) found[1]);
        }).toList();
    }

    /** A Spring Batch job execution with the counts of its steps (a partitioned step counted once). */
    /** A job execution; {@code run} is the number of the command or action it belongs to (as {@code status} shows it). */
    record JobRun(long id, Long run, String job, String merger, String status, String exitCode,
                  java.time.LocalDateTime started, Duration duration, long read, long written, long skipped, String failure) {
    }

    List<JobRun> runs(int limit) {
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
                    return new JobRun(rs.getLong(1), (Long) rs.getObject("run"), rs.getString("job_name"), blankToNull(rs.getString("merger")), status,
                            rs.getString("exit_code"),
                            start,
                            start == null ? null : Duration.between(start, end == null ? java.time.LocalDateTime.now() : end),
                            rs.getLong("read_count"), rs.getLong("write_count"), rs.getLong("skips"),
                            "FAILED".equals(status) || "ABANDONED".equals(status) ? firstLine(rs.getString("exit_message")) : null);
                })
                .list();
    }

    /** The drift of the latest reconciliation, per merger, or none when nothing was reconciled yet. */
    record Reconciliation(long run, String command, OffsetDateTime at, Integer exitCode, Map<String, List<Drift>> drift) {
    }

    Optional<Reconciliation> lastReconciliation(MergerRegistry registry) {
        return jdbc.sql("""
                        select id, command, started_at, exit_code from run
                        where command like 'reconcile%' and (finished_at is not null or command = 'reconcile (scheduled)')
                        order by id desc limit 1""")
                .query((rs, n) -> new Reconciliation(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        (Integer) rs.getObject(4), new LinkedHashMap<>()))
                .optional()
                .map(r -> {
                    // every applied merger is shown, the ones without drift too
                    registry.mergers().stream().filter(plans::applied)
                            .forEach(merger -> r.drift().put(merger.id(), drifts.ofRun(r.run(), merger.id())));
                    return r;
                });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }
}
