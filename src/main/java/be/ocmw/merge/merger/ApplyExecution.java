package be.ocmw.merge.merger;

import be.ocmw.merge.batch.JobHistory;
import be.ocmw.merge.batch.JobRunner;
import be.ocmw.merge.merger.model.MergerPart;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.planning.Planner;
import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.registry.Merger;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

/**
 * The apply job of a stored plan, as the apply and the reconciliation's corrections both run it: its parameters (the
 * attempt after a failed check), the run, and what it did, counted from its audit rows by each part.
 */
@Component
class ApplyExecution {

    private final JobRunner jobs;
    private final Job applyJob;
    private final PlanStore store;
    private final JobHistory jobHistory;
    private final Planner planner;

    ApplyExecution(JobRunner jobs, Job applyJob, PlanStore store, JobHistory jobHistory, Planner planner) {
        this.jobs = jobs;
        this.applyJob = applyJob;
        this.store = store;
        this.jobHistory = jobHistory;
        this.planner = planner;
    }

    /** Runs (or resumes) the job of plan {@code planId} for run {@code run}. */
    JobRunner.Outcome run(Merger merger, long planId, long run, String description) {
        return jobs.run(applyJob, parameters(merger, planId, run), description);
    }

    /** What an apply run did, from its audit rows, each part counting its own. */
    PlanCounts done(long applyRun, Merger merger) {
        PlanCounts done = PlanCounts.none();
        for (MergerPart part : planner.parts()) {
            done = done.plus(part.done(applyRun, merger));
        }
        return done;
    }

    private JobParameters parameters(Merger merger, long planId, long run) {
        // the rows the job executes: the plan's own, or those of the approved plan it shares
        ApplyParameters apply = new ApplyParameters(merger.id(), store.changesOf(planId), run,
                merger.target().kbo().digits(), merger.target().name(), merger.closeDate(), merger.effectiveDate());
        return apply.addTo(new JobParametersBuilder()
                        .addString("merger", merger.id(), true)
                        .addLong("plan", planId, true)
                        .addLong("attempt", failedChecks(planId), true))
                .toJobParameters();
    }

    /**
     * How often the apply of a plan failed its last step, the check that every change is in place. A killed apply
     * restarts where it stopped; but one whose changes were all done and not all found in place (something beside it
     * undid or swallowed one) would fail the same check for ever: it starts again from the first change instead, as
     * a new attempt. Every change is idempotent, so what is in place is not done twice.
     */
    private long failedChecks(long planId) {
        return jobHistory.failedSteps("applyCheckStep", "plan", Long.toString(planId));
    }
}
