package be.ocmw.merge.reconciliation;

import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.plan.MergerPlan;
import be.ocmw.merge.plan.PlanChange;
import be.ocmw.merge.plan.Planner;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds an applied merger's drift. What the merger job would still do today is exactly what drifted in an
 * additive way: an account to create is an account missing in the target, applications to add are missing
 * grants, a dossier still running on C under an old KBO was missed, a request not linked was missed. What
 * cannot be corrected safely is only reported: a person blocked at every source but active in the target, a
 * dossier opened under an old KBO after the effective date.
 */
@Component
public class Reconciler {

    static final Set<String> ADDITIVE = Set.of("ACCOUNT_MISSING_IN_TARGET", "GRANT_MISSING_IN_TARGET",
            "DOSSIER_RUNNING_UNDER_OLD_KBO", "ONLINE_REQUEST_UNDER_OLD_KBO");

    private final Planner planner;
    private final JdbcClient jdbc;

    Reconciler(Planner planner, JdbcClient jdbc) {
        this.planner = planner;
        this.jdbc = jdbc;
    }

    /** Applied (an apply of it finished) and its old OCMWs still there (access or dossiers loaded). */
    public boolean applies(Merger merger) {
        boolean applied = jdbc.sql("select count(*) from plan where merger_id = :m and mode = 'APPLY' and status = 'APPLIED'")
                .param("m", merger.id()).query(Long.class).single() > 0;
        String[] sources = Planner.sources(merger).stream().map(o -> o.kbo().digits()).toArray(String[]::new);
        boolean exist = jdbc.sql("""
                        select exists (select 1 from access_snapshot where kbo = any(:k) and status = 'CURRENT')
                            or exists (select 1 from dossier where kbo = any(:k))""")
                .param("k", sources).query(Boolean.class).single();
        return applied && exist;
    }

    public List<Drift> detect(Merger merger) {
        MergerPlan plan = planner.compute(merger);
        Map<String, String> kbos = new LinkedHashMap<>();
        merger.participants().forEach(o -> kbos.put(o.name(), o.kbo().digits()));
        List<Drift> drift = new ArrayList<>();
        for (PlanChange change : plan.changes()) {
            Map<String, Object> detail = change.detail();
            @SuppressWarnings("unchecked")
            List<String> sources = (List<String>) detail.getOrDefault("sources", List.of());
            String source = sources.isEmpty() ? null : kbos.get(sources.get(0).substring(0, sources.get(0).indexOf(": ")));
            if (change.kind().equals("CREATE_ACCOUNT")) {
                drift.add(new Drift(merger.id(), "ACCOUNT_MISSING_IN_TARGET", source, change.domain() + "/" + detail.get("username"),
                        person(detail) + " (" + String.join("; ", sources) + ") has no account in the merged OCMW for "
                                + change.domain() + ".", true));
            } else if (change.kind().equals("UPDATE_ACCOUNT") && detail.containsKey("add_applications")) {
                drift.add(new Drift(merger.id(), "GRANT_MISSING_IN_TARGET", source, change.domain() + "/" + detail.get("username"),
                        "The merged OCMW's account " + detail.get("username") + " lacks " + detail.get("add_applications")
                                + " that " + String.join("; ", sources) + " has.", true));
            }
        }
        for (String dossier : planner.runningDossiers(merger)) {
            drift.add(new Drift(merger.id(), "DOSSIER_RUNNING_UNDER_OLD_KBO", dossier.substring(0, 10), dossier,
                    "Dossier " + dossier + " is still running on " + merger.closeDate() + " under its old KBO.", true));
        }
        for (String dossier : planner.dossiersAfterCutover(merger)) {
            drift.add(new Drift(merger.id(), "DOSSIER_OPENED_UNDER_OLD_KBO", dossier.substring(0, 10), dossier,
                    "Dossier " + dossier + " was opened under an old KBO on or after " + merger.effectiveDate()
                            + ": enter it under the merged OCMW.", false));
        }
        for (String request : planner.unlinkedRequests(merger)) {
            drift.add(new Drift(merger.id(), "ONLINE_REQUEST_UNDER_OLD_KBO", request.substring(0, 10), request,
                    "OCMW Online request " + request + " is not linked to the merged OCMW.", true));
        }
        drift.addAll(blockedAtSources(merger));
        return drift;
    }

    /** A target account that is active while the person is blocked in every old OCMW that has them. */
    private List<Drift> blockedAtSources(Merger merger) {
        String[] sources = Planner.sources(merger).stream().map(Ocmw::kbo).map(k -> k.digits()).toArray(String[]::new);
        return jdbc.sql("""
                        select t.domain, t.username, t.insz, t.first_name, t.last_name, min(s.kbo) as source
                        from live_account t join live_account s on s.insz = t.insz and s.domain = t.domain and s.kbo = any(:sources)
                        where t.kbo = :target and t.status = 'ACTIEF'
                        group by t.domain, t.username, t.insz, t.first_name, t.last_name
                        having bool_and(s.status = 'GEBLOKKEERD')
                        order by t.domain, t.username""")
                .param("sources", sources).param("target", merger.target().kbo().digits())
                .query((rs, n) -> new Drift(merger.id(), "BLOCKED_AT_SOURCE_ACTIVE_IN_TARGET", rs.getString("source"),
                        rs.getString("domain") + "/" + rs.getString("username"),
                        rs.getString("first_name") + " " + rs.getString("last_name") + " (" + new Insz(rs.getString("insz")).masked()
                                + ") is blocked in every old OCMW but active in the merged OCMW: block by hand if that is meant.",
                        false))
                .list();
    }

    /** The safe corrections as a plan: accounts to create, applications to add (no role or status change), dossiers, requests. */
    public MergerPlan corrections(Merger merger) {
        MergerPlan plan = planner.compute(merger);
        List<PlanChange> safe = new ArrayList<>();
        for (PlanChange change : plan.changes()) {
            if (change.kind().equals("CREATE_ACCOUNT")) {
                safe.add(change);
            } else if (change.kind().equals("UPDATE_ACCOUNT") && change.detail().containsKey("add_applications")) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("username", change.detail().get("username"));
                detail.put("add_applications", change.detail().get("add_applications"));
                detail.put("sources", change.detail().get("sources"));
                safe.add(new PlanChange(change.kind(), change.targetKbo(), change.domain(), change.subject(), detail));
            }
        }
        return new MergerPlan(merger, "READY", safe, List.of(), List.of(), plan.counts(), plan.accounts(),
                "reconcile:" + plan.fingerprint(), plan.sourceFingerprint());
    }

    /** How many accounts the merged OCMW has: the threshold's 10 % is of this. */
    public long targetAccounts(Merger merger) {
        return jdbc.sql("select count(*) from live_account where kbo = :k").param("k", merger.target().kbo().digits())
                .query(Long.class).single();
    }

    private static String person(Map<String, Object> detail) {
        Object insz = detail.get("insz");
        return detail.get("first_name") + " " + detail.get("last_name")
                + (insz == null ? "" : " (" + new Insz(insz.toString()).masked() + ")");
    }
}
