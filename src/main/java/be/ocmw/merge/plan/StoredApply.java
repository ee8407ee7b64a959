package be.ocmw.merge.plan;

import be.ocmw.merge.plan.internal.CanonicalJson;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The plan an apply executed, as its reports show it, when the apply did not compute it itself (it executed the
 * approved plan as stored, or finished an interrupted one): read back from the database. And what an apply did,
 * counted from the changes it applied, either way.
 */
final class StoredApply {

    private static final List<String> ADMINISTRATORS = List.of("htb", "co_htb", "tb", "co_tb");

    private final JdbcClient jdbc;
    private final Planner planner;

    StoredApply(JdbcClient jdbc, Planner planner) {
        this.jdbc = jdbc;
        this.planner = planner;
    }

    /**
     * Stored plan {@code planId} rebuilt for the reports of its apply. Its account changes are given as the accounts
     * they create or update (all the reports show of them); its changes are the other ones (organisation and NIS).
     */
    MergerPlan read(Merger merger, long planId) {
        Map<String, Object> summary = planner.storedSummary(planId);
        long rows = planner.changesOf(planId);
        // an updated account is shown as the plan shows it: the target's account with the role, status and applications it gets
        Map<Integer, MergerPlan.TargetAccount> current = new HashMap<>();
        jdbc.sql("""
                        select c.seq, a.last_name, a.first_name, a.insz, a.role, a.status, a.email, a.applications
                        from plan_change c
                                 join live_account a on a.kbo = c.target_kbo and a.domain = c.domain and a.username = c.detail->>'username'
                        where c.plan_id = :id and c.kind = 'UPDATE_ACCOUNT'""")
                .param("id", rows)
                .query(rs -> {
                    current.put(rs.getInt(1), new MergerPlan.TargetAccount(null, null, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            List.of((String[]) rs.getArray(8).getArray()), "UPDATE", List.of()));
                });
        List<PlanChange> changes = new ArrayList<>();
        List<MergerPlan.TargetAccount> accounts = new ArrayList<>();
        Counter counter = new Counter();
        // the database takes the account changes apart, and hands their lists over as JSON text: a JSON document per
        // account read here, or a database array made of each list, cost several times as much
        jdbc.sql("""
                        select seq, kind, target_kbo, domain, subject, detail->>'username' as username,
                               detail->>'last_name' as last_name, detail->>'first_name' as first_name, detail->>'insz' as insz,
                               detail->>'role' as role, detail->>'status' as status, detail->>'email' as email,
                               detail->>'applications' as applications, detail->>'add_applications' as add_applications,
                               detail->>'sources' as sources,
                               case when kind in ('CREATE_ACCOUNT', 'UPDATE_ACCOUNT') then null else cast(detail as text) end as other
                        from plan_change where plan_id = :id order by seq""")
                .param("id", rows)
                .query(rs -> {
                    String kind = rs.getString("kind");
                    String role = rs.getString("role");
                    if (kind.equals("CREATE_ACCOUNT")) {
                        List<String> applications = CanonicalJson.strings(rs.getString("applications"));
                        List<String> sources = CanonicalJson.strings(rs.getString("sources"));
                        counter.add(kind, role, sources.size(), applications.size());
                        accounts.add(new MergerPlan.TargetAccount(rs.getString("domain"), rs.getString("username"),
                                rs.getString("last_name"), rs.getString("first_name"), rs.getString("insz"), role,
                                rs.getString("status"), rs.getString("email"), applications, "CREATE", sources));
                    } else if (kind.equals("UPDATE_ACCOUNT")) {
                        List<String> added = CanonicalJson.strings(rs.getString("add_applications"));
                        List<String> sources = CanonicalJson.strings(rs.getString("sources"));
                        counter.add(kind, role, sources.size(), added.size());
                        MergerPlan.TargetAccount now = current.get(rs.getInt("seq"));
                        TreeSet<String> applications = new TreeSet<>(now == null ? List.of() : now.applications());
                        applications.addAll(added);
                        String status = rs.getString("status");
                        accounts.add(new MergerPlan.TargetAccount(rs.getString("domain"), rs.getString("username"),
                                now == null ? "" : now.lastName(), now == null ? "" : now.firstName(), now == null ? null : now.insz(),
                                role != null ? role : now == null ? null : now.role(),
                                status != null ? status : now == null ? null : now.status(), now == null ? null : now.email(),
                                List.copyOf(applications), "UPDATE", sources));
                    } else {
                        changes.add(new PlanChange(kind, rs.getString("target_kbo"), rs.getString("domain"),
                                rs.getString("subject"), Planner.JSON.readValue(rs.getString("other"),
                                new TypeReference<Map<String, Object>>() { })));
                    }
                });
        List<PlanFinding> findings = planner.storedFindings(planId);
        List<PlanTask> tasks = planner.storedTasks(planId);
        return new MergerPlan(merger, "APPLIED", changes, findings, tasks, counter.counts(storedCounts(planId, rows)),
                accounts, (String) summary.get("fingerprint"), (String) summary.get("source_fingerprint_before"));
    }

    /** What an apply did, counted from the changes it applied: a second apply, which has none, reports zeros. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Integer>> counts(List<PlanChange> changes, Map<String, Map<String, Integer>> planned) {
        Counter counter = new Counter();
        for (PlanChange change : changes) {
            Map<String, Object> detail = change.detail();
            Object role = detail.get("role");
            int sources = ((List<String>) detail.getOrDefault("sources", List.of())).size();
            String grants = change.kind().equals("CREATE_ACCOUNT") ? "applications" : "add_applications";
            counter.add(change.kind(), role == null ? null : role.toString(), sources,
                    ((List<String>) detail.getOrDefault(grants, List.of())).size());
        }
        return counter.counts(planned);
    }

    /** The counts of an apply, a change at a time. */
    private static final class Counter {

        private final Map<String, Integer> administrators = new LinkedHashMap<>();
        private int sources;
        private int created;
        private int updated;
        private int merged;
        private int already;
        private int grants;

        Counter() {
            ADMINISTRATORS.forEach(role -> administrators.put(role, 0));
        }

        /** A change: its kind, the role it gives (if any), the source accounts it stands for and the grants it adds. */
        void add(String kind, String role, int sourceAccounts, int addedGrants) {
            if (role != null && administrators.containsKey(role.toLowerCase(Locale.ROOT))) {
                administrators.merge(role.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            sources += sourceAccounts;
            if (kind.equals("CREATE_ACCOUNT")) {
                created++;
                merged += Math.max(0, sourceAccounts - 1);
                grants += addedGrants;
            } else if (kind.equals("UPDATE_ACCOUNT")) {
                updated++;
                already += sourceAccounts;
                grants += addedGrants;
            }
        }

        Map<String, Map<String, Integer>> counts(Map<String, Map<String, Integer>> planned) {
            Map<String, Integer> accounts = new LinkedHashMap<>();
            accounts.put("source", sources);
            accounts.put("to_create", created);
            accounts.put("merged_duplicates", merged);
            accounts.put("already_in_target", already);
            accounts.put("to_update", updated);
            accounts.put("not_copied", 0);
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            counts.put("administrators", administrators);
            counts.put("accounts", accounts);
            counts.put("grants", Map.of("to_create", grants));
            // dossiers and requests are done as planned: the apply's check step proves it
            counts.put("dossiers", planned.get("dossiers"));
            counts.put("online_requests", planned.get("online_requests"));
            return counts;
        }
    }

    /** The dossier and request counts of a stored plan (a resumed apply has no computed plan), from its rows. */
    private Map<String, Map<String, Integer>> storedCounts(long planId, long rows) {
        Map<String, Integer> dossiers = new LinkedHashMap<>();
        jdbc.sql("select count(*), count(successor_reference) from plan_dossier where plan_id = :id").param("id", rows)
                .query(rs -> {
                    dossiers.put("to_close", rs.getInt(1));
                    dossiers.put("to_reopen", rs.getInt(2));
                });
        Object summary = planner.storedSummary(planId).get("dossiers");
        dossiers.put("after_cutover", summary instanceof Map<?, ?> stored && stored.get("after_cutover") instanceof Number n
                ? n.intValue() : 0);
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("to_relink", jdbc.sql("select count(*) from plan_online_request where plan_id = :id").param("id", rows)
                .query(Integer.class).single());
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        counts.put("dossiers", dossiers);
        counts.put("online_requests", requests);
        return counts;
    }
}
