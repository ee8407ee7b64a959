package be.ocmw.merge.plan;

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
    private final Planner planner;

    StoredPlans(JdbcClient jdbc, Planner planner) {
        this.jdbc = jdbc;
        this.planner = planner;
    }

    /** The standing of a merger: NO_PLAN, READY, BLOCKED, APPLYING (an apply under way or interrupted) or APPLIED. */
    public record Standing(String status, Long planId, String mode, String fingerprint, OffsetDateTime at, int blocking) {

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
        @SuppressWarnings("unchecked")
        public Map<String, Map<String, Object>> counts() {
            Map<String, Map<String, Object>> counts = new LinkedHashMap<>();
            for (String group : List.of("administrators", "accounts", "grants", "dossiers", "online_requests")) {
                if (summary.get(group) instanceof Map<?, ?> values) {
                    counts.put(group, (Map<String, Object>) values);
                }
            }
            return counts;
        }
    }

    /** The standing of every merger that has a stored plan, by merger id. */
    public Map<String, Standing> standings() {
        Map<String, Standing> standings = new LinkedHashMap<>();
        jdbc.sql("""
                        select distinct on (p.merger_id) p.merger_id, p.id, p.mode, p.status, p.fingerprint, p.created_at,
                               (select count(*) from finding f where f.plan_id = p.id and f.severity = 'BLOCKING') as blocking,
                               exists (select 1 from plan a where a.merger_id = p.merger_id and a.mode = 'APPLY'
                                                              and a.status = 'APPLIED') as applied
                        from plan p where p.mode in ('PLAN', 'APPLY')
                        order by p.merger_id, p.id desc""")
                .query(rs -> {
                    String status = rs.getString("status");
                    if (rs.getString("mode").equals("APPLY") && status.equals("READY")) {
                        status = "APPLYING";
                    } else if (rs.getBoolean("applied")) {
                        status = "APPLIED";
                    }
                    standings.put(rs.getString("merger_id"), new Standing(status, rs.getLong("id"), rs.getString("mode"),
                            rs.getString("fingerprint"), rs.getObject("created_at", OffsetDateTime.class), rs.getInt("blocking")));
                });
        return standings;
    }

    public Standing standing(Merger merger) {
        return standings().getOrDefault(merger.id(), new Standing("NO_PLAN", null, null, null, null, 0));
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
        Map<String, Object> summary = planner.storedSummary(id);
        List<Finding> findings = PlanReports.ordered(planner.storedFindings(id)).stream()
                .map(f -> new Finding(f.severity(), f.code(), text.get("finding." + f.code() + ".title"),
                        f.subject() == null ? "" : f.subject(), f.detail(text), text.get("finding." + f.code() + ".todo")))
                .toList();
        List<Administrator> administrators = jdbc.sql("""
                        select kind, domain, detail->>'role' as role, detail->>'username' as username,
                               concat_ws(' ', detail->>'first_name', detail->>'last_name') as name, detail->>'insz' as insz,
                               detail->>'email' as email
                        from plan_change where plan_id = :id and kind in ('CREATE_ACCOUNT', 'UPDATE_ACCOUNT')
                          and detail->>'role' in ('HTB', 'CO_HTB', 'TB', 'CO_TB')
                        order by seq""")
                .param("id", planner.changesOf(id))
                .query((rs, n) -> new Administrator(rs.getString("domain"), rs.getString("role"), rs.getString("username"),
                        rs.getString("name"), PlanReports.insz(rs.getString("insz"), fullInsz), rs.getString("email"),
                        text.get("action." + (rs.getString("kind").equals("CREATE_ACCOUNT") ? "CREATE" : "UPDATE"))))
                .list();
        return Optional.of(new View(standing, summary, findings, tasks(merger, id, text), administrators));
    }

    private List<Task> tasks(Merger merger, long planId, ReportText text) {
        return planner.storedTasks(planId).stream()
                .map(t -> new Task(t.code(), t.due(), PlanReports.taskText(t, merger, text)))
                .toList();
    }
}
