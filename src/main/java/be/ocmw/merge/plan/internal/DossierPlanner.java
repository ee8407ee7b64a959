package be.ocmw.merge.plan.internal;

import be.ocmw.merge.domain.Scenario;
import be.ocmw.merge.plan.PlanFinding;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC 5.4 and 5.5 in the database, set-based: the dossiers running on the close date C under the dossier
 * sources (scenario 1 and 2 every participant, scenario 3 the disappearing ones) are closed on C and
 * reopened under the target on E; dossiers under a disappearing KBO that start on or after E are listed
 * and left alone; OCMW Online requests of the disappearing KBOs are linked to the target from E.
 * <p>
 * A successor keeps its predecessor's reference when that is free under the target and no other reopened
 * dossier has it; otherwise (always for the retained OCMW's own dossiers in scenario 2) it gets
 * {@code <reference>-<source KBO>}. The selection is one query, used to count and fingerprint the plan and
 * to store it, so both see the same dossiers.
 */
public final class DossierPlanner {

    /** What the plan does to dossiers and requests: counts, findings, and a digest for the fingerprint. */
    public record Part(Map<String, Integer> dossiers, Map<String, Integer> onlineRequests, List<PlanFinding> findings,
                       String digest) {
    }

    private final JdbcClient jdbc;
    private final Merger merger;

    public DossierPlanner(JdbcClient jdbc, Merger merger) {
        this.jdbc = jdbc;
        this.merger = merger;
    }

    /** Scenario 1 and 2: every participant (in scenario 2 the NIS changes); scenario 3: the disappearing ones. */
    public static List<String> dossierSources(Merger merger) {
        List<Ocmw> sources = merger.scenario() == Scenario.KEEP_KBO_KEEP_NIS ? merger.disappearing() : merger.participants();
        return sources.stream().map(o -> o.kbo().digits()).toList();
    }

    /** The KBOs that disappear: every participant in scenario 1, all but the retained one otherwise. */
    public static List<String> disappearing(Merger merger) {
        List<Ocmw> gone = merger.scenario() == Scenario.NEW_KBO_NEW_NIS ? merger.participants() : merger.disappearing();
        return gone.stream().map(o -> o.kbo().digits()).toList();
    }

    private static final String SELECTED = """
            selected as (
                select d.id, d.kbo, d.reference, d.type, d.insz, d.start_date, d.end_date,
                       exists (select 1 from dossier s where s.predecessor_id = d.id) as continued,
                       count(*) over (partition by d.reference) as same_reference
                from dossier d
                where d.kbo = any(:sources) and d.start_date <= :close and (d.end_date is null or d.end_date > :close)
            ), planned as (
                select s.*,
                       case when s.continued then null
                            when s.same_reference = 1 and s.kbo <> :target
                                 and not exists (select 1 from dossier t where t.kbo = :target and t.reference = s.reference)
                            then s.reference
                            else s.reference || '-' || s.kbo end as successor_reference
                from selected s
            )""";

    private JdbcClient.StatementSpec selection(String sql) {
        return jdbc.sql(sql)
                .param("sources", dossierSources(merger).toArray(String[]::new))
                .param("gone", disappearing(merger).toArray(String[]::new))
                .param("target", merger.target().kbo().digits())
                .param("close", merger.closeDate())
                .param("effective", merger.effectiveDate());
    }

    public Part compute() {
        Map<String, Object> row = selection("with " + SELECTED + """
                        select count(*) as to_close, count(successor_reference) as to_reopen,
                               count(*) filter (where continued) as continued,
                               count(*) filter (where successor_reference <> reference and exists (
                                   select 1 from dossier t where t.kbo = :target and t.reference = successor_reference)) as taken,
                               encode(sha256(convert_to(coalesce(string_agg(concat_ws('|', id, kbo, reference, type, insz,
                                   start_date, end_date, successor_reference), E'\\n' order by id), ''), 'UTF8')), 'hex') as digest
                        from planned""")
                .query().singleRow();
        List<PlanFinding> findings = new ArrayList<>();
        int continued = ((Number) row.get("continued")).intValue();
        if (continued > 0) {
            findings.add(PlanFinding.of("DOSSIER_ALREADY_CONTINUED", "WARNING", null, null, "DOSSIER_ALREADY_CONTINUED",
                    continued, merger.closeDate()));
        }
        int taken = ((Number) row.get("taken")).intValue();
        if (taken > 0) {
            findings.add(PlanFinding.of("DOSSIER_REFERENCE_TAKEN", "BLOCKING", merger.target().kbo().digits(), null,
                    "DOSSIER_REFERENCE_TAKEN", taken));
        }
        int afterCutover = afterCutover(findings);
        Map<String, Object> online = selection("""
                        select count(*) as to_relink,
                               encode(sha256(convert_to(coalesce(string_agg(r.id || '|' || r.kbo, E'\\n' order by r.id), ''),
                                   'UTF8')), 'hex') as digest
                        from online_request r
                        where r.kbo = any(:gone)
                          and not exists (select 1 from online_request_link l where l.request_id = r.id and l.kbo = :target)""")
                .query().singleRow();
        Map<String, Integer> dossiers = new LinkedHashMap<>();
        dossiers.put("to_close", ((Number) row.get("to_close")).intValue());
        dossiers.put("to_reopen", ((Number) row.get("to_reopen")).intValue());
        dossiers.put("after_cutover", afterCutover);
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("to_relink", ((Number) online.get("to_relink")).intValue());
        return new Part(dossiers, requests, findings, row.get("digest") + "|" + online.get("digest"));
    }

    /** One finding per disappearing OCMW with dossiers that start on or after E under its old KBO. */
    private int afterCutover(List<PlanFinding> findings) {
        int[] total = {0};
        selection("""
                        select d.kbo, count(*) as n, string_agg(d.reference, ', ' order by d.reference) filter (where d.rank <= 20) as refs
                        from (select kbo, reference, row_number() over (partition by kbo order by reference) as rank
                              from dossier where kbo = any(:gone) and start_date >= :effective) d
                        group by d.kbo order by d.kbo""")
                .query((rs, n) -> {
                    int count = rs.getInt("n");
                    total[0] += count;
                    String kbo = rs.getString("kbo");
                    String name = merger.participants().stream().filter(o -> o.kbo().digits().equals(kbo))
                            .map(Ocmw::name).findFirst().orElse(kbo);
                    return PlanFinding.of("DOSSIER_AFTER_CUTOVER", "WARNING", kbo, name, "DOSSIER_AFTER_CUTOVER", count, name,
                            merger.effectiveDate(), rs.getString("refs") + (count > 20 ? ", … (+" + (count - 20) + ")" : ""));
                })
                .list().forEach(findings::add);
        return total[0];
    }

    /** The selected dossiers that are not continued yet, as {@code KBO/reference}. */
    public List<String> running() {
        return selection("with " + SELECTED + " select kbo || '/' || reference from planned where not continued order by kbo, reference")
                .query(String.class).list();
    }

    public List<String> afterCutoverList() {
        return selection("""
                        select kbo || '/' || reference from dossier where kbo = any(:gone) and start_date >= :effective
                        order by kbo, reference""").query(String.class).list();
    }

    public List<String> unlinked() {
        return selection("""
                        select r.kbo || '/' || r.reference from online_request r
                        where r.kbo = any(:gone)
                          and not exists (select 1 from online_request_link l where l.request_id = r.id and l.kbo = :target)
                        order by r.kbo, r.reference""").query(String.class).list();
    }

    /** Stores the selection under a plan: the rows the apply executes. */
    public void store(long plan) {
        selection("with " + SELECTED + """
                        insert into plan_dossier (plan_id, source_kbo, dossier_id, original_end_date, successor_reference)
                        select :plan, kbo, id, end_date, successor_reference from planned""")
                .param("plan", plan).update();
        selection("""
                        insert into plan_online_request (plan_id, request_id, source_kbo)
                        select :plan, r.id, r.kbo from online_request r
                        where r.kbo = any(:gone)
                          and not exists (select 1 from online_request_link l where l.request_id = r.id and l.kbo = :target)""")
                .param("plan", plan).update();
    }

    /**
     * The dossier sources' dossiers, fingerprinted as they were before the plan: with {@code plan}, the
     * closures it made are undone in the hash and the successors it made (scenario 2: under the same KBO)
     * left out, so equal before and after proves that closing was all that happened to them.
     */
    public String sourceFingerprint(Long plan) {
        return selection("select " + InputDigest.multiset("""
                        select row(d.kbo, d.reference, d.type, d.insz, d.start_date,
                                   case when p.dossier_id is null then d.end_date else p.original_end_date end,
                                   d.predecessor_id) as h
                        from dossier d
                             left join plan_dossier p on p.plan_id = :plan and p.dossier_id = d.id
                        where d.kbo = any(:sources)
                          and (d.predecessor_id is null
                               or not exists (select 1 from plan_dossier q where q.plan_id = :plan and q.dossier_id = d.predecessor_id))"""))
                .param("plan", plan == null ? -1L : plan).query(String.class).single();
    }
}
