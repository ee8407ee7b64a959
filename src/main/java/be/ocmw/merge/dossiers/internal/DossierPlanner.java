package be.ocmw.merge.dossiers.internal;

import be.ocmw.merge.dossiers.DossierRef;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.finding.Severity;
import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.model.Fingerprint;
import be.ocmw.merge.merger.model.MergerPart.Contribution;
import be.ocmw.merge.merger.model.PlannedRows;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * SPEC 5.4 in the database, set-based: the dossiers running on the close date C under the dossier sources
 * ({@link Merger#dossierSources()}) are closed on C and reopened under the target on E; dossiers under a disappearing
 * KBO that start on or after E are listed and left alone.
 * <p>
 * A successor keeps its predecessor's reference when that is free under the target and no other reopened
 * dossier has it; otherwise (always for the retained OCMW's own dossiers in scenario 2) it gets
 * {@code <reference>-<source KBO>}. The selection is one query, used to count and fingerprint the plan and
 * to store it, in the same snapshot, so both see the same dossiers; the stored rows' digest proves it.
 */
public final class DossierPlanner {

    private final JdbcClient jdbc;
    private final Merger merger;

    public DossierPlanner(JdbcClient jdbc, Merger merger) {
        this.jdbc = jdbc;
        this.merger = merger;
    }

    private static String[] kbos(List<Ocmw> organisations) {
        return organisations.stream().map(o -> o.kbo().digits()).toArray(String[]::new);
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

    /** The digest of planned dossiers: the one the fingerprint covers, over the selection or over the stored rows. */
    private static String digest(String rows) {
        return "encode(sha256(convert_to(coalesce(string_agg(concat_ws('|', " + rows + "), E'\\n' order by id), ''), 'UTF8')), 'hex')";
    }

    private JdbcClient.StatementSpec selection(String sql) {
        return jdbc.sql(sql)
                .param("sources", kbos(merger.dossierSources()))
                .param("gone", kbos(merger.disappearing()))
                .param("target", merger.target().kbo().digits())
                .param("close", merger.closeDate())
                .param("effective", merger.effectiveDate());
    }

    public Contribution compute() {
        Selected row = selection("with " + SELECTED + """
                        select count(*) as to_close, count(successor_reference) as to_reopen,
                               count(*) filter (where continued) as continued,
                               count(*) filter (where successor_reference <> reference and exists (
                                   select 1 from dossier t where t.kbo = :target and t.reference = successor_reference)) as taken,
                               """ + digest("id, kbo, reference, type, insz, start_date, end_date, successor_reference")
                + " as digest from planned")
                .query(Selected.class).single();
        List<Finding> findings = new ArrayList<>();
        int continued = row.continued();
        if (continued > 0) {
            findings.add(Finding.of("DOSSIER_ALREADY_CONTINUED", Severity.WARNING, null, null, "DOSSIER_ALREADY_CONTINUED",
                    continued, merger.closeDate()));
        }
        int taken = row.taken();
        if (taken > 0) {
            findings.add(Finding.of("DOSSIER_REFERENCE_TAKEN", Severity.BLOCKING, merger.target().kbo().digits(), null,
                    "DOSSIER_REFERENCE_TAKEN", taken));
        }
        int afterCutover = afterCutover(findings);
        PlanCounts dossiers = PlanCounts.of(Count.DOSSIERS_TO_CLOSE, row.toClose())
                .with(Count.DOSSIERS_TO_REOPEN, row.toReopen())
                .with(Count.DOSSIERS_AFTER_CUTOVER, afterCutover);
        return Contribution.of(dossiers, findings, row.digest());
    }

    /** The dossiers the plan closes, counted, and the digest of what it will do with them. */
    record Selected(int toClose, int toReopen, int continued, int taken, String digest) {
    }

    /** One finding per disappearing OCMW with dossiers that start on or after E under its old KBO. */
    private int afterCutover(List<Finding> findings) {
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
                    return Finding.of("DOSSIER_AFTER_CUTOVER", Severity.WARNING, kbo, name, "DOSSIER_AFTER_CUTOVER", count,
                            name, merger.effectiveDate(), rs.getString("refs") + (count > 20 ? ", … (+" + (count - 20) + ")" : ""));
                })
                .list().forEach(findings::add);
        return total[0];
    }

    /** The selected dossiers that are not continued yet. */
    public List<DossierRef> running() {
        return selection("with " + SELECTED + " select kbo, reference from planned where not continued order by kbo, reference")
                .query((rs, n) -> new DossierRef(rs.getString(1), rs.getString(2))).list();
    }

    /** The dossiers under a disappearing KBO that start on or after E. */
    /**
     * The dossiers under a disappearing KBO that start on or after E and that the plan applied by run {@code applyRun}
     * did not list (it listed, and left alone, those loaded before it): loaded since, or of unknown origin.
     */
    public List<DossierRef> openedAfterCutover(long applyRun) {
        return selection("""
                        select kbo, reference from dossier where kbo = any(:gone) and start_date >= :effective
                          and (created_by_run is null or created_by_run > :applyRun)
                        order by kbo, reference""").param("applyRun", applyRun)
                .query((rs, n) -> new DossierRef(rs.getString(1), rs.getString(2))).list();
    }

    public void later(Consumer<PlannedRows.LaterDossier> each) {
        selection("""
                        select kbo, reference, type, insz, start_date, end_date from dossier
                        where kbo = any(:gone) and start_date >= :effective order by kbo, reference""")
                .withFetchSize(1000)
                .query(rs -> {
                    each.accept(new PlannedRows.LaterDossier(rs.getString("kbo"), rs.getString("reference"),
                            rs.getString("type"), rs.getString("insz"), rs.getObject("start_date", java.time.LocalDate.class),
                            rs.getObject("end_date", java.time.LocalDate.class)));
                });
    }

    /** Stores the selection under a plan: the rows the apply executes. */
    public void store(long plan) {
        selection("with " + SELECTED + """
                        insert into plan_dossier (plan_id, source_kbo, dossier_id, original_end_date, successor_reference)
                        select :plan, kbo, id, end_date, successor_reference from planned""")
                .param("plan", plan).update();
    }

    /** The digest of the dossiers stored under plan {@code rows}, as {@link #compute()} takes it of the selection. */
    public String storedDigest(long rows) {
        return jdbc.sql("select " + digest("d.id, p.source_kbo, d.reference, d.type, d.insz, d.start_date, "
                        + "p.original_end_date, p.successor_reference") + """
                         from plan_dossier p join dossier d on d.id = p.dossier_id where p.plan_id = :plan""")
                .param("plan", rows).query(String.class).single();
    }

    /**
     * The dossier sources' dossiers, fingerprinted as they were before the plan: with {@code plan}, the
     * closures it made are undone in the hash and the successors it made (scenario 2: under the same KBO)
     * left out, so equal before and after proves that closing was all that happened to them.
     */
    public String sourceFingerprint(Long plan) {
        return selection("select " + Fingerprint.multiset("""
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
