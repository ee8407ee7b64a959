package be.ocmw.merge.merger;

import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.finding.Findings;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.model.PlannedRows;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.merger.report.ReportRows;
import be.ocmw.merge.merger.store.PlanStore;

import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a merger stands, read back from the plans stored by {@code plan} and {@code apply}: the latest one with
 * its findings, checklist and administrators, in the reader's language. Reads only.
 */
@Component
public class StoredPlans {

    private final JdbcClient jdbc;
    private final PlanStore store;
    private final Findings findings;
    private final PlannedRows.Administrators administrators;

    StoredPlans(JdbcClient jdbc, PlanStore store, Findings findings, PlannedRows.Administrators administrators) {
        this.jdbc = jdbc;
        this.store = store;
        this.findings = findings;
        this.administrators = administrators;
    }

    /** The standing of a merger: NO_PLAN, READY, BLOCKED, APPLYING (an apply under way or interrupted) or APPLIED. */
    public record Standing(Status status, Long planId, RunMode mode, String fingerprint, OffsetDateTime at, int blocking) {

        /** No plan stored yet. */
        public static final Standing NONE = new Standing(Status.NO_PLAN, null, null, null, null, 0);

        /** NO_PLAN, READY or BLOCKED (the latest plan), APPLYING (an apply under way or interrupted), APPLIED. */
        public enum Status {
            NO_PLAN, READY, BLOCKED, APPLYING, APPLIED
        }

        public boolean planned() {
            return planId != null;
        }
    }

    public record Finding(String severity, String code, String title, String subject, String detail, String todo) {
    }

    public record Task(String code, LocalDate due, String text) {
    }

    public record Administrator(String domain, String role, String username, String name, String insz, String email,
                                String action) {
    }

    /** The latest stored plan of a merger, as a coordinator reads it. */
    public record View(Standing standing, Map<String, Object> summary, List<Finding> findings, List<Task> tasks,
                       List<Administrator> administrators) {

        /** The counts of the summary: group, then count name and value. */
        public Map<String, Map<String, Integer>> counts() {
            return PlanCounts.fromJson(summary).asJson();
        }
    }

    /** Whether an apply of the merger finished. */
    public boolean applied(Merger merger) {
        return store.applied(merger);
    }

    /** The standing of every merger that has a stored plan, by merger id. */
    public Map<String, Standing> standings() {
        Map<String, Standing> standings = new LinkedHashMap<>();
        jdbc.sql("""
                        select distinct on (p.merger_id) p.merger_id, p.id, p.mode, p.status, p.fingerprint, p.created_at,
                               exists (select 1 from plan a where a.merger_id = p.merger_id and a.mode = 'APPLY'
                                                              and a.status = 'APPLIED') as applied
                        from plan p where p.mode in ('PLAN', 'APPLY')
                        order by p.merger_id, p.id desc""")
                .query(rs -> {
                    RunMode mode = RunMode.valueOf(rs.getString("mode"));
                    PlanStatus stored = PlanStatus.valueOf(rs.getString("status"));
                    Standing.Status status = mode == RunMode.APPLY && stored == PlanStatus.READY ? Standing.Status.APPLYING
                            : rs.getBoolean("applied") ? Standing.Status.APPLIED : Standing.Status.valueOf(stored.name());
                    standings.put(rs.getString("merger_id"), new Standing(status, rs.getLong("id"), mode,
                            rs.getString("fingerprint"), rs.getObject("created_at", OffsetDateTime.class), 0));
                });
        Map<Long, Integer> blocking = findings.blockingOf(standings.values().stream().map(Standing::planId).toList());
        standings.replaceAll((merger, standing) -> new Standing(standing.status(), standing.planId(), standing.mode(),
                standing.fingerprint(), standing.at(), blocking.getOrDefault(standing.planId(), 0)));
        return standings;
    }

    public Standing standing(Merger merger) {
        return standings().getOrDefault(merger.id(), Standing.NONE);
    }

    /** The first task of the latest plan that is due on {@code today} or later. */
    public Optional<Task> nextTask(Merger merger, Standing standing, LocalDate today, ReportText text) {
        if (!standing.planned()) {
            return Optional.empty();
        }
        return tasks(merger, standing.planId(), text).stream().filter(t -> !t.due().isBefore(today))
                .min(Comparator.comparing(Task::due));
    }

    /** The latest plan of the merger in the reader's language, INSZ masked unless {@code fullInsz}. */
    public Optional<View> latest(Merger merger, ReportText text, boolean fullInsz) {
        Standing standing = standing(merger);
        if (!standing.planned()) {
            return Optional.empty();
        }
        long id = standing.planId();
        Map<String, Object> summary = store.summary(id);
        List<Finding> findings = ReportRows.ordered(store.findings(id)).stream()
                .map(f -> new Finding(f.severity().name(), f.code(), text.get("finding." + f.code() + ".title"),
                        f.subject() == null ? "" : f.subject(), f.detail(text), text.get("finding." + f.code() + ".todo")))
                .toList();
        List<Administrator> administrators = this.administrators.of(store.changesOf(id)).stream()
                .map(a -> new Administrator(a.domain(), a.role(), a.username(),
                        String.join(" ", java.util.stream.Stream.of(a.firstName(), a.lastName()).filter(java.util.Objects::nonNull)
                                .toList()), ReportRows.insz(a.insz(), fullInsz), a.email(),
                        text.get("action." + (a.created() ? "CREATE" : "UPDATE"))))
                .toList();
        return Optional.of(new View(standing, summary, findings, tasks(merger, id, text), administrators));
    }

    private List<Task> tasks(Merger merger, long planId, ReportText text) {
        return store.tasks(planId).stream()
                .map(t -> new Task(t.code(), t.due(), ReportRows.taskText(t, merger, text)))
                .toList();
    }
}
