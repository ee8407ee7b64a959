package be.ocmw.merge.finding;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code finding} table, the only code that reads or writes it. A finding is kept with its origin: the intake's
 * findings of a merger (replaced by every intake that concerns it), or the findings a plan was stored with (never
 * changed once stored; a copy of a plan gets copies).
 */
@Component
public class Findings {

    /** Who found it: the intake, or a plan of that mode (the same spelling as the plan's mode). */
    public enum Origin {
        INTAKE, PLAN, APPLY, RECONCILE
    }

    /** A finding of the intake with the merger it concerns. */
    public record OfMerger(String merger, Finding finding) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "code, severity, kbo, subject, detail, message, cast(args as text) as args";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Findings(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * The intake's findings of a merger (parameter {@code :id}) as SQL selecting records {@code h}: what a plan reads of
     * them, for the digest that tells whether a stored plan was computed from the intake as it is now.
     */
    public static final String INTAKE_INPUT_ROWS = """
            select row(code, severity, kbo, subject, detail, message, args) as h
            from finding where merger_id = :id and origin = 'INTAKE'""";

    /** Forgets the intake's findings of a merger: the intake that concerns it now finds them again. */
    public void forgetIntake(String merger) {
        jdbc.sql("delete from finding where merger_id = :merger and origin = 'INTAKE'").param("merger", merger).update();
    }

    public void recordIntake(String merger, long run, Finding finding) {
        template.update("""
                        insert into finding (merger_id, origin, code, severity, kbo, subject, detail, message, args, run_id)
                        values (?, 'INTAKE', ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""",
                merger, finding.code(), finding.severity().name(), finding.kbo(), finding.subject(), finding.detail(),
                finding.message(), JSON.writeValueAsString(finding.args()), run);
    }

    /** The intake's current findings of a merger, in the order they were found. */
    public List<Finding> ofIntake(String merger) {
        return jdbc.sql("select " + COLUMNS + " from finding where merger_id = :merger and origin = 'INTAKE' order by id")
                .param("merger", merger).query((rs, n) -> finding(rs)).list();
    }

    /** The intake's current findings of these mergers: by merger, the blocking ones first. */
    public List<OfMerger> ofIntake(Collection<String> mergers) {
        if (mergers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select merger_id, " + COLUMNS + """
                         from finding where origin = 'INTAKE' and merger_id in (:mergers)
                        order by merger_id, case severity when 'BLOCKING' then 0 when 'WARNING' then 1 else 2 end, id""")
                .param("mergers", mergers).query((rs, n) -> new OfMerger(rs.getString("merger_id"), finding(rs))).list();
    }

    /** Stores the findings of a plan just stored. */
    public void storeForPlan(String merger, long plan, Origin origin, long run, List<Finding> findings) {
        template.batchUpdate("""
                        insert into finding (merger_id, plan_id, origin, code, severity, kbo, subject, detail, message, args, run_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""",
                findings.stream().map(f -> new Object[]{merger, plan, origin.name(), f.code(), f.severity().name(), f.kbo(),
                        f.subject(), f.detail(), f.message(), JSON.writeValueAsString(f.args()), run}).collect(Collectors.toList()));
    }

    /** Gives plan {@code to} copies of the findings of plan {@code from}. */
    public void copy(long from, long to, Origin origin, long run) {
        jdbc.sql("""
                        insert into finding (merger_id, plan_id, origin, code, severity, kbo, subject, detail, message, args, run_id)
                        select merger_id, :to, :origin, code, severity, kbo, subject, detail, message, args, :run
                        from finding where plan_id = :from order by id""")
                .param("to", to).param("from", from).param("origin", origin.name()).param("run", run).update();
    }

    /** The findings stored with a plan, in the order they were found. */
    public List<Finding> ofPlan(long plan) {
        return jdbc.sql("select " + COLUMNS + " from finding where plan_id = :plan order by id")
                .param("plan", plan).query((rs, n) -> finding(rs)).list();
    }

    /** How many BLOCKING findings each of these plans was stored with. */
    public Map<Long, Integer> blockingOf(Collection<Long> plans) {
        if (plans.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select plan_id, count(*) from finding where plan_id in (:plans) and severity = 'BLOCKING' group by plan_id""")
                .param("plans", plans).query(rs -> {
                    Map<Long, Integer> counts = new java.util.HashMap<>();
                    while (rs.next()) {
                        counts.put(rs.getLong(1), rs.getInt(2));
                    }
                    return counts;
                });
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        String args = rs.getString("args");
        List<String> values = args == null ? List.of() : List.of(JSON.readValue(args, String[].class));
        return new Finding(rs.getString("code"), Severity.valueOf(rs.getString("severity")), rs.getString("kbo"),
                rs.getString("subject"), rs.getString("detail"), rs.getString("message"), values);
    }
}
