package be.ocmw.merge.merger;

import be.ocmw.merge.domain.Actor;
import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.merger.model.MergerPart;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.merger.planning.Planner;
import be.ocmw.merge.merger.report.ApplyResult;
import be.ocmw.merge.merger.report.PlanReports;
import be.ocmw.merge.merger.report.ReportRows;
import be.ocmw.merge.merger.store.StoredApply;
import be.ocmw.merge.merger.store.StoredSummary;

import be.ocmw.merge.batch.AdvisoryLock;
import be.ocmw.merge.batch.JobAlreadyRunningException;
import be.ocmw.merge.batch.JobFailedException;
import be.ocmw.merge.batch.JobRunner;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.Background;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code plan} and {@code apply}. A plan is computed and stored, and changes nothing. An apply computes the
 * plan again, refuses it when it is BLOCKED or not the approved one, stores it and executes it as a job; an
 * apply that was interrupted is finished from its stored plan by the next apply of the merger, so a killed
 * apply never becomes a different one. One apply of a merger at a time.
 */
@Component
public class MergerRuns {

    private final Planner planner;
    private final PlanStore store;
    private final PlanReports reports;
    private final ApplyExecution execution;
    private final ApplyApproval applyApproval;
    private final PlanDifferences differences;
    private final DataSource dataSource;
    private final TransactionTemplate storing;
    private final StoredApply storedApply;

    private final java.time.Clock clock;

    MergerRuns(Planner planner, PlanStore store, StoredApply storedApply, PlanReports reports, ApplyExecution execution,
               ApplyApproval applyApproval, PlanDifferences differences, DataSource dataSource,
               PlatformTransactionManager transactions, java.time.Clock clock) {
        this.clock = clock;
        this.planner = planner;
        this.store = store;
        this.reports = reports;
        this.execution = execution;
        this.applyApproval = applyApproval;
        this.differences = differences;
        this.dataSource = dataSource;
        this.storing = new TransactionTemplate(transactions);
        this.storedApply = storedApply;
    }

    /**
     * What a plan or apply gave: the plan, its status, where the reports are, and for apply the source proof.
     * {@code reportedLate}: the apply had been done by an earlier process that stopped before its reports, which
     * were written now (nothing was applied now).
     */
    public record Outcome(MergerPlan plan, PlanStatus status, Path reports, Way way, String sourceBefore,
                          String sourceAfter) {

        /** An interrupted apply was finished (or, {@link #reportedLate()}, only reported). */
        public boolean resumed() {
            return way == Way.RESUMED || way == Way.REPORTED_LATE;
        }

        /** The stored plan was executed: nothing it was computed from had changed. */
        public boolean asStored() {
            return way == Way.STORED_PLAN;
        }

        public boolean reportedLate() {
            return way == Way.REPORTED_LATE;
        }
    }

    /** How an apply came about: a plan computed now, the stored plan, an interrupted apply finished, or only reported. */
    public enum Way { COMPUTED, STORED_PLAN, RESUMED, REPORTED_LATE }

    /** The plan of the merger as the data is now, stored nowhere and reported nowhere: what a reconciliation compares. */
    public MergerPlan current(Merger merger) {
        return planner.compute(merger);
    }

    public Outcome plan(Merger merger, Path out, long run) {
        return plan(merger, out, ReportOptions.DEFAULT, run);
    }

    public Outcome plan(Merger merger, Path out, ReportOptions options, long run) {
        Planner.Planned planned = planner.plan(merger, true, computed -> planner.store(computed, RunMode.PLAN, run, null));
        MergerPlan plan = planned.plan();
        Path folder = reports.write(plan, planned.id(), RunMode.PLAN, plan.status(), out, options);
        return new Outcome(plan, plan.status(), folder, Way.COMPUTED, plan.sourceFingerprint(), null);
    }

    public Outcome apply(Merger merger, Path out, String fingerprint, Actor by, long run) {
        return apply(merger, out, fingerprint, by, ReportOptions.DEFAULT, run);
    }

    /**
     * Executes the merger's approved plan ({@code fingerprint}, when given, must be that plan) for {@code by}, who is not
     * its approver unless the settings allow it. An interrupted apply, or one whose reports are missing, is finished
     * first. Refused (nothing applied) when there is no approval, when the data changed since, or when it is BLOCKED.
     */
    public Outcome apply(Merger merger, Path out, String fingerprint, Actor by, ReportOptions options, long run) {
        return apply(merger, out, fingerprint, by, options, run, false);
    }

    /**
     * The same, as a rehearsal when {@code rehearsal}: before the merger's effective date an apply is refused (the merged
     * OCMW does not exist yet, SPEC 5.8) unless it rehearses on a copy of the data, which is recorded and said in every
     * report.
     */
    public Outcome apply(Merger merger, Path out, String fingerprint, Actor by, ReportOptions options, long run,
                         boolean rehearsal) {
        try (Connection connection = dataSource.getConnection()) {
            AdvisoryLock lock = AdvisoryLock.tryTake(connection, "apply:" + merger.id()).orElseThrow(() ->
                    new JobAlreadyRunningException("Another apply of merger " + merger.id() + " is under way: this one was "
                            + "refused and changed nothing. Wait for it to finish."));
            try (lock) {
                return applyLocked(merger, out, fingerprint == null || fingerprint.isBlank() ? null : fingerprint.strip(), by,
                        options, run, rehearsal);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the apply lock of " + merger.id() + ": " + e.getMessage(), e);
        }
    }

    private Outcome applyLocked(Merger merger, Path out, String asked, Actor by, ReportOptions options, long run,
                                boolean rehearsing) {
        String approved = asked;
        Optional<PlanStore.Apply> unreported = store.unreportedApply(merger);
        if (unreported.isPresent()) {
            // the job of an earlier apply completed and its process stopped before the reports: the data is as that
            // plan said, so this apply writes the report of what was done, from the stored plan and the audit trail
            long planId = unreported.get().id();
            Outcome reported = report(merger, planId, unreported.get().run(), store.summary(planId)
                    .sourceFingerprintBefore().orElseThrow(), null, null, null, out, options, Way.REPORTED_LATE);
            if (approved == null || approved.equals(reported.plan().fingerprint())) {
                return reported;
            }
            // another plan was asked for: it is taken as any apply is, now that the one before it is reported
        }
        Optional<PlanStore.Apply> unfinished = store.unfinishedApply(merger);
        boolean resumed = unfinished.isPresent();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        if (!resumed && !rehearsing && today.isBefore(merger.effectiveDate())) {
            // the merged OCMW, its KBO and its access management exist from E: nothing is done before
            throw new PlanRefusedException(Reason.of("apply.before_effective", merger.id(), merger.effectiveDate(), today));
        }
        Approval approval = null;
        boolean nothingLeft = false;
        if (!resumed) {
            // an apply under way was approved when it started; a new one executes the approval in force, and only that
            approval = applyApproval.approvedFor(merger, asked, by);
            nothingLeft = approval.applied();
            approved = nothingLeft ? null : approval.fingerprint();
        }
        long planId;
        long applyRun;
        String sourceBefore;
        MergerPlan computed = null;
        CompletableFuture<MergerPlan> storedPlan = null;
        Optional<Long> unchanged = resumed ? Optional.empty() : planner.unchangedPlan(merger, approved);
        if (resumed) {
            planId = unfinished.get().id();
            applyRun = unfinished.get().run();
            StoredSummary stored = store.summary(planId);
            String interrupted = stored.fingerprint().orElse(null);
            if (approved != null && !approved.equals(interrupted)) {
                throw new PlanRefusedException(Reason.of("apply.interrupted", merger.id(), interrupted));
            }
            sourceBefore = stored.sourceFingerprintBefore().orElseThrow();
        } else if (unchanged.isPresent()) {
            // the approved plan was computed from exactly the data there is now: computing it again would give it
            // back, and hashing the sources again their fingerprint then (the input digest covers every row it hashes)
            sourceBefore = store.sourceFingerprint(unchanged.get()).orElseGet(() -> planner.sourceFingerprint(merger, null));
            String fingerprintBefore = sourceBefore;
            // the plan to finish after an interruption is stored whole or not at all
            planId = storing.execute(tx -> {
                long id = store.copy(unchanged.get(), RunMode.APPLY, run);
                store.replaceSummary(id, store.summary(id).forApply(merger.id(), store.fingerprint(id), fingerprintBefore));
                return id;
            });
            applyRun = run;
            long copied = planId;
            storedPlan = Background.supply("stored-plan", () -> storedApply.read(merger, copied));
        } else {
            // computed, checked and stored in one snapshot: the stored rows are the ones the fingerprint covers
            String expected = approved;
            boolean onlyNothing = nothingLeft;
            Planner.Planned planned = planner.plan(merger, false, plan -> plan.blocked()
                    || (expected != null && !expected.equals(plan.fingerprint()))
                    || (onlyNothing && !nothingToDo(plan)) ? null : storeApply(merger, plan, run));
            MergerPlan plan = planned.plan();
            if (plan.blocked()) {
                reports.write(plan, null, RunMode.PLAN, plan.status(), out, options);
                throw new PlanRefusedException(Reason.of("apply.blocked", merger.id(), String.join(", ",
                        plan.findings().stream().filter(Finding::blocking).map(Finding::code).distinct().toList())));
            }
            if (planned.id() == null && nothingLeft) {
                throw new PlanRefusedException(Reason.of("apply.applied_since", merger.id(), approval.fingerprint(),
                        approval.appliedAt().toLocalDate(), approval.appliedBy())
                        .then(differences.between(merger, approval.fingerprint(), plan)));
            }
            if (planned.id() == null) {
                throw new PlanRefusedException(Reason.of("apply.no_longer", merger.id(), approved, plan.fingerprint())
                        .then(differences.between(merger, approved, plan)));
            }
            computed = plan;
            applyRun = run;
            sourceBefore = plan.sourceFingerprint();
            planId = planned.id();
        }
        if (approval != null) {
            // the apply as an act: who executed whose approval, audited beside the changes it makes
            boolean early = rehearsing && today.isBefore(merger.effectiveDate());
            boolean self = applyApproval.selfApproved(approval, by);
            store.markAppliedBy(planId, by, approval.id(), self, early);
            store.auditApply(applyRun, planId, merger, approval.fingerprint(), by, approval.id(), approval.approver(),
                    self, early);
        }
        // the plan this process computed is the one it applies: its workbook is written while the job runs
        MergerPlan applied = computed == null ? null
                : new MergerPlan(merger, PlanStatus.APPLIED, computed.changes(), computed.findings(), computed.tasks(),
                storedApply.counts(computed), computed.accounts().stream()
                .filter(a -> a.action() != MergerPlan.TargetAccount.Action.UNCHANGED).toList(), computed.fingerprint(), sourceBefore);
        PlanReports.Pending workbook = applied != null
                ? reports.startWorkbook(applied, planId, RunMode.APPLY, PlanStatus.APPLIED, out, options)
                : storedPlan != null
                ? reports.startWorkbook(merger, storedPlan, planId, RunMode.APPLY, PlanStatus.APPLIED, out, options) : null;
        JobRunner.Outcome outcome;
        try {
            outcome = execution.run(merger, planId, applyRun, "the apply of " + merger.id());
        } catch (RuntimeException e) {
            PlanReports.discard(workbook);
            throw e;
        }
        if (!outcome.completed()) {
            PlanReports.discard(workbook);
            throw new JobFailedException("The apply of " + merger.id(), outcome.execution());
        }
        return report(merger, planId, applyRun, sourceBefore, applied, storedPlan, workbook, out, options,
                resumed ? Way.RESUMED : unchanged.isPresent() ? Way.STORED_PLAN : Way.COMPUTED);
    }

    /**
     * The reports of an apply whose job completed: the proof that the sources are untouched, what the audit trail
     * says was done beside what the plan predicted, and the files. {@code applied} is the plan this process computed
     * (its workbook is being written), else the stored plan is read back ({@code storedPlan}, when that started
     * already). Marks the apply reported once every file is in place.
     */
    private Outcome report(Merger merger, long planId, long applyRun, String sourceBefore, MergerPlan applied,
                           CompletableFuture<MergerPlan> storedPlan, PlanReports.Pending workbook, Path out,
                           ReportOptions options, Way way) {
        // the proof, and beside it on another connection the count of what was done and fresh statistics: a
        // million dossiers closed and reopened leave them far behind, and the next plan or reconciliation would
        // otherwise join the merged OCMW's rows as if it had none
        java.util.concurrent.CompletableFuture<PlanCounts> counted =
                Background.supply("apply-count", () -> {
                    planner.parts().forEach(MergerPart::refreshStatistics);
                    return execution.done(applyRun, merger);
                });
        String sourceAfter = planner.sourceFingerprint(merger, planId);
        if (applied == null) {
            // an apply of the stored plan, or a resumed one, reads the plan it executed back from the database
            applied = storedPlan != null ? Background.join(storedPlan) : storedApply.read(merger, planId);
        }
        // what the job did, counted in the audit trail, beside what the plan predicted
        PlanCounts done = Background.join(counted);
        // the plan's own figures, as it was stored for this apply (a copy of the approved plan's summary)
        ApplyResult result = new ApplyResult(sourceBefore, sourceAfter, done, store.approvedOf(planId).orElse(null),
                store.summary(planId).counts());
        List<Finding> differing = PlanDifferences.ofCounts(applied.counts(), done);
        if (!differing.isEmpty()) {
            List<Finding> findings = new ArrayList<>(applied.findings());
            findings.addAll(differing);
            applied = new MergerPlan(applied.merger(), applied.status(), applied.changes(), findings, applied.tasks(),
                    applied.counts(), applied.accounts(), applied.fingerprint(), applied.sourceFingerprint());
        }
        if (workbook == null) {
            // a workbook a killed process was writing is of no use: the one written now replaces it
            PlanReports.discardPart(out, merger, planId, RunMode.APPLY);
        }
        // what it did, kept with the plan it executed: the pages show the same figures as its reports
        store.recordDone(planId, done);
        Path folder = reports.writeApplied(applied, planId, result, out, options, workbook);
        store.markReported(planId);
        return new Outcome(applied, PlanStatus.APPLIED, folder, way, sourceBefore, sourceAfter);
    }

    /** An apply of a plan that has nothing left to do changes nothing: what a second apply of an approval computes. */
    private static boolean nothingToDo(MergerPlan plan) {
        return plan.changes().isEmpty() && plan.counts().get(Count.DOSSIERS_TO_CLOSE) == 0
                && plan.counts().get(Count.REQUESTS_TO_RELINK) == 0;
    }

    /** Stores a plan for its apply, with the summary its reports start from. */
    private long storeApply(Merger merger, MergerPlan plan, long run) {
        // the approved plan is usually stored already with these very changes: share them rather than write them out
        Long sameAs = store.latestWithFingerprint(merger, plan.fingerprint(), true).orElse(null);
        Map<String, Object> summary = ReportRows.summary(plan, RunMode.APPLY, PlanStatus.APPLIED, null);
        summary.put("source_fingerprint_before", plan.sourceFingerprint());
        long id = planner.store(plan, RunMode.APPLY, run, sameAs);
        store.replaceSummary(id, summary);
        return id;
    }
}
