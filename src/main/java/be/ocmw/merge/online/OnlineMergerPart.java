package be.ocmw.merge.online;

import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.model.MergerPart;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlannedRows;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * OCMW Online's part of a merger (SPEC 5.5): the requests of the disappearing OCMWs not yet linked to the merged one
 * are linked to it from E (the request keeps the KBO it was addressed to), stored under a plan in
 * {@code plan_online_request}, applied by {@code onlineRequestStep}; and for the reconciliation, the requests that
 * are still not linked.
 */
@Component
public class OnlineMergerPart implements MergerPart, PlannedRows.Requests {

    private static final String UNLINKED = """
            from online_request r
            where r.kbo = any(:gone)
              and not exists (select 1 from online_request_link l where l.request_id = r.id and l.kbo = :target)""";

    private final JdbcClient jdbc;
    private final Step onlineRequestStep;

    private final be.ocmw.merge.audit.AuditTrail auditTrail;

    OnlineMergerPart(JdbcClient jdbc, @Qualifier("onlineRequestStep") Step onlineRequestStep,
                     be.ocmw.merge.audit.AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.jdbc = jdbc;
        this.onlineRequestStep = onlineRequestStep;
    }

    private JdbcClient.StatementSpec unlinked(String sql, Merger merger) {
        return jdbc.sql(sql)
                .param("gone", merger.disappearing().stream().map(Ocmw::kbo).map(k -> k.digits()).toArray(String[]::new))
                .param("target", merger.target().kbo().digits());
    }

    private static String digest(String id, String kbo) {
        return "encode(sha256(convert_to(coalesce(string_agg(" + id + " || '|' || " + kbo + ", E'\\n' order by " + id
                + "), ''), 'UTF8')), 'hex')";
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public Contribution plan(Merger merger) {
        Unlinked row = unlinked("select count(*) as to_relink, " + digest("r.id", "r.kbo") + " as digest " + UNLINKED,
                merger).query(Unlinked.class).single();
        return Contribution.of(PlanCounts.of(Count.REQUESTS_TO_RELINK, row.toRelink()), List.of(), row.digest());
    }

    /** The requests still under an old KBO, counted, and their digest. */
    record Unlinked(int toRelink, String digest) {
    }

    @Override
    public void store(Merger merger, MergerPlan plan, long id) {
        unlinked("insert into plan_online_request (plan_id, request_id, source_kbo) select :plan, r.id, r.kbo " + UNLINKED, merger)
                .param("plan", id).update();
    }

    @Override
    public String storedDigest(Merger merger, long rows) {
        return jdbc.sql("select " + digest("request_id", "source_kbo") + " from plan_online_request where plan_id = :plan")
                .param("plan", rows).query(String.class).single();
    }

    @Override
    public Contribution stored(Merger merger, long rows, PlanCounts summarised) {
        return Contribution.of(PlanCounts.of(Count.REQUESTS_TO_RELINK, count(rows)), List.of(), null);
    }

    /** Requests are linked as planned: the apply's check step proves it. */
    @Override
    public PlanCounts toApply(MergerPlan plan) {
        return plan.counts().of(Count.Group.ONLINE_REQUESTS);
    }

    @Override
    public List<Step> applySteps() {
        return List.of(onlineRequestStep);
    }

    @Override
    public long missing(long rows, String targetKbo, LocalDate closeDate) {
        return jdbc.sql("""
                        select count(*) from plan_online_request p
                        where p.plan_id = :plan and not exists (select 1 from online_request_link l
                                                                where l.request_id = p.request_id and l.kbo = :target)""")
                .param("plan", rows).param("target", targetKbo).query(Long.class).single();
    }

    @Override
    public PlanCounts done(long run, Merger merger) {
        int linked = auditTrail.counts(run, "online_request_link", null).values().stream().mapToInt(Integer::intValue).sum();
        return PlanCounts.of(Count.REQUESTS_TO_RELINK, linked);
    }

    @Override
    public void refreshStatistics() {
        jdbc.sql("analyze online_request_link").update();
    }

    @Override
    public List<String> inputRows() {
        return List.of("select row(id, reference, submitted_on, kbo, read) as h from online_request where kbo = any(:kbos)", """
                select row(l.request_id, l.kbo, l.valid_from) as h
                from online_request_link l join online_request r on r.id = l.request_id where r.kbo = any(:kbos)""");
    }

    @Override
    public void planned(long rows, Integer limit, Consumer<PlannedRows.Request> each) {
        jdbc.sql("""
                        select r.reference, r.submitted_on, r.kbo from plan_online_request p
                        join online_request r on r.id = p.request_id where p.plan_id = :plan order by r.kbo, r.reference
                        limit :limit""")
                .param("plan", rows).param("limit", limit, java.sql.Types.INTEGER)
                .query(rs -> {
                    each.accept(new PlannedRows.Request(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)));
                });
    }

    @Override
    public int count(long rows) {
        return jdbc.sql("select count(*) from plan_online_request where plan_id = :id").param("id", rows)
                .query(Integer.class).single();
    }

    /** The requests of the disappearing OCMWs not linked to the merged one: reconciliation's drift. */
    public List<RequestRef> unlinked(Merger merger) {
        return unlinked("select r.kbo, r.reference " + UNLINKED + " order by r.kbo, r.reference", merger)
                .query((rs, n) -> new RequestRef(rs.getString(1), rs.getString(2))).list();
    }
}
