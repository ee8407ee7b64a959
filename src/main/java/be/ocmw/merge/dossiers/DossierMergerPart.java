package be.ocmw.merge.dossiers;

import be.ocmw.merge.dossiers.internal.DossierPlanner;
import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.model.MergerPart;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlannedRows;
import be.ocmw.merge.registry.Merger;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dossiers' part of a merger (SPEC 5.4): the running dossiers of the dossier sources closed on C and reopened
 * under the merged OCMW on E, stored under a plan in {@code plan_dossier}, applied a source OCMW at a time
 * ({@code applyDossiersStep}); and for the reconciliation, the dossiers that drifted.
 */
@Component
public class DossierMergerPart implements MergerPart, PlannedRows.Dossiers {

    private final JdbcClient jdbc;
    private final Step applyDossiersStep;
    private final TransactionTemplate streaming;

    private final be.ocmw.merge.audit.AuditTrail auditTrail;

    DossierMergerPart(JdbcClient jdbc, @Qualifier("applyDossiersStep") Step applyDossiersStep,
                      PlatformTransactionManager transactions, be.ocmw.merge.audit.AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.jdbc = jdbc;
        this.applyDossiersStep = applyDossiersStep;
        // PostgreSQL only streams a result (fetch size) inside a transaction; otherwise it sends all rows at once
        this.streaming = new TransactionTemplate(transactions);
        this.streaming.setReadOnly(true);
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public Contribution plan(Merger merger) {
        return new DossierPlanner(jdbc, merger).compute();
    }

    @Override
    public void store(Merger merger, MergerPlan plan, long id) {
        new DossierPlanner(jdbc, merger).store(id);
    }

    @Override
    public String storedDigest(Merger merger, long rows) {
        return new DossierPlanner(jdbc, merger).storedDigest(rows);
    }

    @Override
    public Contribution stored(Merger merger, long rows, PlanCounts summarised) {
        PlanCounts dossiers = jdbc.sql("select count(*), count(successor_reference) from plan_dossier where plan_id = :id")
                .param("id", rows)
                .query((rs, n) -> PlanCounts.of(Count.DOSSIERS_TO_CLOSE, rs.getInt(1)).with(Count.DOSSIERS_TO_REOPEN, rs.getInt(2)))
                .single();
        return Contribution.of(dossiers.with(Count.DOSSIERS_AFTER_CUTOVER, summarised.get(Count.DOSSIERS_AFTER_CUTOVER)),
                List.of(), null);
    }

    /** Dossiers are done as planned: the apply's check step proves it. */
    @Override
    public PlanCounts toApply(MergerPlan plan) {
        return plan.counts().of(Count.Group.DOSSIERS);
    }

    @Override
    public List<Step> applySteps() {
        return List.of(applyDossiersStep);
    }

    @Override
    public long missing(long rows, String targetKbo, LocalDate closeDate) {
        return jdbc.sql("""
                        select count(*) from plan_dossier p join dossier d on d.id = p.dossier_id
                        where p.plan_id = :plan
                          and (d.end_date is distinct from cast(:close as date)
                               or (p.successor_reference is not null and not exists (
                                       select 1 from dossier s where s.predecessor_id = p.dossier_id
                                       and s.kbo = :target and s.reference = p.successor_reference)))""")
                .param("plan", rows).param("close", closeDate).param("target", targetKbo).query(Long.class).single();
    }

    @Override
    public PlanCounts done(long run, Merger merger) {
        var done = auditTrail.counts(run, "dossier", null);
        return PlanCounts.of(Count.DOSSIERS_TO_CLOSE, done.get(be.ocmw.merge.audit.AuditAction.UPDATE))
                .with(Count.DOSSIERS_TO_REOPEN, done.get(be.ocmw.merge.audit.AuditAction.INSERT));
    }

    @Override
    public String sourceFingerprint(Merger merger, Long plan) {
        return new DossierPlanner(jdbc, merger).sourceFingerprint(plan);
    }

    @Override
    public void refreshStatistics() {
        jdbc.sql("analyze dossier, plan_dossier").update();
    }

    @Override
    public List<String> inputRows() {
        return List.of("""
                select row(id, kbo, reference, type, insz, start_date, end_date, predecessor_id) as h
                from dossier where kbo = any(:kbos)""", """
                select row(s.id, s.kbo, s.reference, s.predecessor_id) as h
                from dossier s join dossier d on d.id = s.predecessor_id where d.kbo = any(:kbos)""");
    }

    @Override
    public void planned(long rows, Integer limit, Consumer<PlannedRows.Dossier> each) {
        streaming.executeWithoutResult(tx -> jdbc.sql("""
                        select d.kbo, d.reference, d.type, d.insz, d.start_date, p.original_end_date, p.successor_reference
                        from plan_dossier p join dossier d on d.id = p.dossier_id
                        where p.plan_id = :plan order by d.kbo, d.reference limit :limit""")
                .param("plan", rows).param("limit", limit, java.sql.Types.INTEGER).withFetchSize(1000)
                .query(rs -> {
                    each.accept(new PlannedRows.Dossier(rs.getString("kbo"), rs.getString("reference"), rs.getString("type"),
                            rs.getString("insz"), rs.getObject("start_date", LocalDate.class),
                            rs.getObject("original_end_date", LocalDate.class), rs.getString("successor_reference")));
                }));
    }

    @Override
    public int count(long rows) {
        return jdbc.sql("select count(*) from plan_dossier where plan_id = :plan").param("plan", rows)
                .query(Integer.class).single();
    }

    @Override
    public void persons(long rows, Consumer<String> each) {
        streaming.executeWithoutResult(tx -> jdbc.sql("""
                        select distinct d.insz from plan_dossier p join dossier d on d.id = p.dossier_id
                        where p.plan_id = :plan and d.insz is not null""")
                .param("plan", rows).withFetchSize(1000)
                .query(rs -> {
                    each.accept(rs.getString(1));
                }));
    }

    @Override
    public void later(Merger merger, Consumer<PlannedRows.LaterDossier> each) {
        streaming.executeWithoutResult(tx -> new DossierPlanner(jdbc, merger).later(each));
    }

    /** The dossiers still running on C under the dossier sources: reconciliation's drift. */
    public List<DossierRef> running(Merger merger) {
        return new DossierPlanner(jdbc, merger).running();
    }

    /** The dossiers under a disappearing KBO that start on or after E. */
    public List<DossierRef> openedAfterCutover(Merger merger, long applyRun) {
        return new DossierPlanner(jdbc, merger).openedAfterCutover(applyRun);
    }

    /** Whether any of these KBOs has dossiers loaded. */
    public boolean anyOf(List<String> kbos) {
        return jdbc.sql("select exists (select 1 from dossier where kbo = any(:k))")
                .param("k", kbos.toArray(String[]::new)).query(Boolean.class).single();
    }
}
