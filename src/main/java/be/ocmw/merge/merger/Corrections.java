package be.ocmw.merge.merger;

import be.ocmw.merge.batch.AdvisoryLock;
import be.ocmw.merge.batch.JobAlreadyRunningException;
import be.ocmw.merge.batch.JobFailedException;
import be.ocmw.merge.batch.JobRunner;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.merger.planning.Planner;
import be.ocmw.merge.registry.Merger;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A reconciliation's safe corrections of an applied merger (additive changes only, chosen by the caller), executed as
 * an apply is: stored as a plan of mode RECONCILE, the same job, audited, one at a time with the merger's applies.
 */
@Component
public class Corrections {

    private final Planner planner;
    private final ApplyExecution execution;
    private final DataSource dataSource;

    Corrections(Planner planner, ApplyExecution execution, DataSource dataSource) {
        this.planner = planner;
        this.execution = execution;
        this.dataSource = dataSource;
    }

    /** Executes the corrections; returns what was done, from the audit trail. */
    public PlanCounts correct(Merger merger, MergerPlan corrections, long run) {
        try (Connection connection = dataSource.getConnection()) {
            AdvisoryLock lock = AdvisoryLock.tryTake(connection, "apply:" + merger.id()).orElseThrow(() ->
                    new JobAlreadyRunningException("An apply of merger " + merger.id() + " is under way: its drift "
                            + "was not corrected now."));
            try (lock) {
                long planId = planner.plan(merger, false, computed -> planner.store(corrections, RunMode.RECONCILE, run, null))
                        .id();
                JobRunner.Outcome outcome = execution.run(merger, planId, run, "the safe corrections of " + merger.id());
                if (!outcome.completed()) {
                    throw new JobFailedException("The safe corrections of " + merger.id(), outcome.execution());
                }
                return execution.done(run, merger);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the apply lock of " + merger.id() + ": " + e.getMessage(), e);
        }
    }
}
