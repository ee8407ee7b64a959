package be.ocmw.merge.reconciliation;

import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.merger.OpenDrift;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;

/**
 * The drift reconciliations stored: what one run found for a merger, and how much of the latest one after a moment
 * is still open.
 */
@Component
public class ReconciledDrift implements OpenDrift {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RunLog runLog;

    ReconciledDrift(JdbcClient jdbc, RunLog runLog) {
        this.jdbc = jdbc;
        this.runLog = runLog;
    }

    /** What run {@code run} found for the merger, in the order found, with whether a safe correction was made. */
    public java.util.List<Drift> ofRun(long run, String merger) {
        return jdbc.sql("""
                        select code, source_kbo, subject, detail, cast(args as text) as args, corrected from drift
                        where run_id = :run and merger_id = :m order by id""")
                .param("run", run).param("m", merger)
                .query((rs, n) -> new Drift(merger, Drift.Code.valueOf(rs.getString("code")), rs.getString("source_kbo"),
                        rs.getString("subject"), rs.getString("detail"), args(rs.getString("args")), rs.getBoolean("corrected")))
                .list();
    }

    /** Drift a reconciliation found about one subject (a merged account, a dossier): the run, when, and the drift. */
    public record Found(long run, OffsetDateTime at, Drift drift) {
    }

    /** What the reconciliations after run {@code afterRun} found about these subjects of the merger, oldest first. */
    public java.util.List<Found> about(Merger merger, java.util.Collection<String> subjects, long afterRun) {
        if (subjects.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<Found> found = new java.util.ArrayList<>();
        record Row(long run, Drift drift) {
        }
        java.util.List<Row> rows = jdbc.sql("""
                        select d.run_id, d.code, d.source_kbo, d.subject, d.detail, cast(d.args as text) as args, d.corrected
                        from drift d
                        where d.merger_id = :m and d.subject = any(:subjects) and d.run_id > :after order by d.id""")
                .param("m", merger.id()).param("subjects", subjects.toArray(String[]::new)).param("after", afterRun)
                .query((rs, n) -> new Row(rs.getLong("run_id"), new Drift(merger.id(), Drift.Code.valueOf(rs.getString("code")),
                        rs.getString("source_kbo"), rs.getString("subject"), rs.getString("detail"), args(rs.getString("args")),
                        rs.getBoolean("corrected"))))
                .list();
        // when each was found is when its run started: the run log's
        java.util.Map<Long, RunLog.RunRecord> runs = runLog.byId(rows.stream().map(Row::run).collect(java.util.stream.Collectors.toSet()));
        rows.forEach(row -> found.add(new Found(row.run(), runs.containsKey(row.run()) ? runs.get(row.run()).startedAt() : null,
                row.drift())));
        return found;
    }

    private static java.util.List<String> args(String json) {
        return json == null ? java.util.List.of() : java.util.List.of(JSON.readValue(json, String[].class));
    }

    @Override
    public int openSince(Merger merger, OffsetDateTime since) {
        java.util.Optional<RunLog.RunRecord> latest = runLog.latestReconciliation(since);
        if (latest.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from drift d where d.merger_id = :merger and not d.corrected and d.run_id = :run")
                .param("merger", merger.id()).param("run", latest.get().id())
                .query(Integer.class).single();
    }
}
