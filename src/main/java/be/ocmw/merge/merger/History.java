package be.ocmw.merge.merger;

import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A merger's history as people read it, in order: each plan and apply (who, when, fingerprint, status, the language
 * and folder of its reports), each approval and each withdrawal. Nothing in it is ever overwritten: every run has its
 * reports in a folder of its own.
 */
@Component
public class History {

    private final JdbcClient jdbc;
    private final Approvals approvals;

    private final RunLog runLog;

    History(JdbcClient jdbc, Approvals approvals, RunLog runLog) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.runLog = runLog;
    }

    public enum Kind {
        PLAN, APPROVAL, WITHDRAWAL, APPLY
    }

    /**
     * One event: {@code status} the plan's (null for an approval or withdrawal), {@code report} the id of its reports in
     * the ledger and {@code folder} where they are (null when it has none), {@code comment} an approval's or
     * withdrawal's.
     */
    public record Entry(Kind kind, OffsetDateTime at, be.ocmw.merge.domain.Actor who, String fingerprint, PlanStatus status,
                        String language, Long report, Path folder, String comment, boolean fullInsz) {

        /** The name it was done by or for (the page shows it with its account, {@code ReportText.who}). */
        public String by() {
            return who == null ? null : who.name();
        }
    }

    public List<Entry> of(Merger merger) {
        record Row(RunMode mode, OffsetDateTime at, be.ocmw.merge.domain.Actor appliedBy, Long run, String fingerprint, PlanStatus status,
                   String language, Long report, Path folder, boolean fullInsz) {
        }
        List<Row> rows = jdbc.sql("""
                        select p.mode, p.created_at, p.applied_by, p.applied_account, p.created_by_run, p.fingerprint, p.status,
                               rep.id as report, rep.folder, rep.language, rep.full_insz
                        from plan p
                                 left join lateral (select id, folder, language, full_insz from report
                                                    where plan_id = p.id and completed_at is not null and mode = p.mode
                                                    order by id limit 1) rep on true
                        where p.merger_id = :merger and p.mode in ('PLAN', 'APPLY')
                        order by p.id""")
                .param("merger", merger.id())
                .query((rs, n) -> new Row(RunMode.valueOf(rs.getString("mode")), rs.getObject("created_at", OffsetDateTime.class),
                        Approvals.actor(rs, "applied_by", "applied_account"), (Long) rs.getObject("created_by_run"), rs.getString("fingerprint"),
                        PlanStatus.valueOf(rs.getString("status")), rs.getString("language"), (Long) rs.getObject("report"),
                        rs.getString("folder") == null ? null : Path.of(rs.getString("folder")), rs.getBoolean("full_insz")))
                .list();
        // who a plan was made for is the run log's: whom its run was for
        java.util.Map<Long, RunLog.RunRecord> runs = runLog.byId(rows.stream().map(Row::run)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        List<Entry> entries = new ArrayList<>(rows.stream().map(row -> new Entry(row.mode() == RunMode.PLAN ? Kind.PLAN : Kind.APPLY,
                row.at(), row.appliedBy() != null ? row.appliedBy() : row.run() == null || !runs.containsKey(row.run()) ? null
                : runs.get(row.run()).who(), row.fingerprint(), row.status(), row.language(), row.report(), row.folder(), null,
                row.fullInsz())).toList());
        for (Approval approval : approvals.history(merger)) {
            entries.add(new Entry(Kind.APPROVAL, approval.approvedAt(), approval.approver(), approval.fingerprint(), null, null,
                    null, null, approval.comment(), false));
            if (!approval.inForce()) {
                entries.add(new Entry(Kind.WITHDRAWAL, approval.withdrawnAt(), approval.withdrawer(), approval.fingerprint(),
                        null, null, null, null, approval.withdrawComment(), false));
            }
        }
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }
}
