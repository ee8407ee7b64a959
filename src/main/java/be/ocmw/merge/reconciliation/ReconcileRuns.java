package be.ocmw.merge.reconciliation;

import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.batch.JobFailedException;
import be.ocmw.merge.batch.JobRunner;
import be.ocmw.merge.merger.Corrections;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.Registry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.reporting.ReportText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reconcile}: runs {@code reconcileJob}, then, with {@code --apply-safe}, applies each merger's additive
 * corrections through the merger job, unless they are more than the threshold allows (then nothing of that
 * merger changes and the report says why); writes the reports.
 */
@Component
public class ReconcileRuns {

    private final JobRunner jobs;
    private final Job reconcileJob;
    private final Reconciler reconciler;
    private final Corrections safeCorrections;
    private final ReconcileReports reports;
    private final ReconcileSettings settings;
    private final JdbcClient jdbc;
    private final Registry registry;
    private final ReconciledDrift drifts;

    ReconcileRuns(JobRunner jobs, Job reconcileJob, Reconciler reconciler, Corrections safeCorrections, ReconcileReports reports,
                  ReconcileSettings settings, JdbcClient jdbc, Registry registry, ReconciledDrift drifts) {
        this.drifts = drifts;
        this.registry = registry;
        this.jobs = jobs;
        this.reconcileJob = reconcileJob;
        this.reconciler = reconciler;
        this.safeCorrections = safeCorrections;
        this.reports = reports;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** What a reconciliation found and did, per merger, and where its reports are. */
    public record Result(List<MergerDrift> mergers, Path summary, Path workbook, boolean applySafe) {

        public boolean refused() {
            return mergers.stream().anyMatch(m -> m.refused() != null);
        }
    }

    /** Reconciles one merger (or every applied one, {@code mergerId} null); the reports in the language of {@code text}. */
    public Result reconcile(String mergerId, boolean applySafe, Path out, long run, ReportText text) {
        MergerRegistry registry = this.registry.current();
        var parameters = new JobParametersBuilder()
                .addString("registry", registry.file().toString(), false)
                .addString("merger", mergerId == null ? "" : mergerId, false)
                .addLong("run", run, true)
                .toJobParameters();
        JobRunner.Outcome outcome = jobs.run(reconcileJob, parameters, "the reconciliation");
        if (!outcome.completed()) {
            throw new JobFailedException("The reconciliation", outcome.execution());
        }
        List<MergerDrift> results = new ArrayList<>();
        for (Merger merger : registry.mergers()) {
            if ((mergerId != null && !merger.id().equals(mergerId)) || !reconciler.applies(merger)) {
                continue;
            }
            List<Drift> drift = drifts.ofRun(run, merger.id());
            int corrections = (int) drift.stream().filter(Drift::additive).count();
            Reason refused = null;
            int corrected = 0;
            PlanCounts done = PlanCounts.none();
            if (applySafe && corrections > 0) {
                long accounts = reconciler.targetAccounts(merger);
                long percentLimit = accounts * settings.maxPercent() / 100;
                if (corrections > settings.maxCorrections() || corrections > percentLimit) {
                    refused = Reason.of("reconcile.threshold", corrections, settings.maxCorrections(), settings.maxPercent(),
                            accounts, percentLimit);
                } else {
                    done = safeCorrections.correct(merger, reconciler.corrections(merger), run);
                    corrected = corrections;
                    jdbc.sql("update drift set corrected = true where run_id = :run and merger_id = :m and code in (:codes)")
                            .param("run", run).param("m", merger.id()).param("codes", Drift.Code.additiveNames()).update();
                    drift = drifts.ofRun(run, merger.id());
                }
            }
            results.add(new MergerDrift(merger.id(), drift, corrections, corrected, refused, done));
        }
        ReconcileReports.Written written = reports.write(results, applySafe, run, out, text);
        return new Result(results, written.summary(), written.workbook(), applySafe);
    }
}
