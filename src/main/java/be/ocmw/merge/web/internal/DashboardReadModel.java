package be.ocmw.merge.web.internal;

import be.ocmw.merge.reconciliation.Drift;
import be.ocmw.merge.reconciliation.ReconciledDrift;
import be.ocmw.merge.merger.PlanViews;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.Ocmw;
import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.intake.Designations;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the pages show, read from the database in a few queries per page. Reads only. */
@Component
class DashboardReadModel {

    private final StoredPlans plans;
    private final PlanViews views;
    private final ReconciledDrift drifts;
    private final Designations designations;
    private final RunLog runLog;

    private final be.ocmw.merge.campaign.Campaign campaign;

    DashboardReadModel(StoredPlans plans, PlanViews views, ReconciledDrift drifts, Designations designations, RunLog runLog,
                       be.ocmw.merge.campaign.Campaign campaign) {
        this.campaign = campaign;
        this.plans = plans;
        this.views = views;
        this.drifts = drifts;
        this.designations = designations;
        this.runLog = runLog;
    }

    /** Where a participant's HTB submission stands against the deadline. */
    enum SubmissionState { RECEIVED, LATE, MISSING }

    /** A participant's HTB submission against the deadline. */
    record Submission(Ocmw ocmw, SubmissionState state, LocalDate submittedOn, String file, Designations.ReviewTally review,
                      be.ocmw.merge.campaign.Campaign.Participant campaign) {
    }

    record MergerRow(Merger merger, StoredPlans.Standing standing, List<Submission> submissions,
                     List<PlanViews.Task> tasks) {

        /** The first task still to do, overdue or not. */
        public Optional<PlanViews.Task> nextTask() {
            return PlanViews.nextTask(tasks);
        }

        /** How many tasks are not done although their day has passed. */
        public long overdueTasks(LocalDate today) {
            return tasks.stream().filter(t -> t.overdue(today)).count();
        }

        long count(SubmissionState state) {
            return submissions.stream().filter(s -> s.state() == state).count();
        }

        /** Received in time or late: a late submission was received too. */
        public long received() {
            return count(SubmissionState.RECEIVED) + count(SubmissionState.LATE);
        }

        public long late() {
            return count(SubmissionState.LATE);
        }

        public long missing() {
            return count(SubmissionState.MISSING);
        }

        /** Submissions still missing after the deadline: what the start page points out first. */
        public boolean overdue(LocalDate today) {
            return missing() > 0 && merger.deadline() != null && today.isAfter(merger.deadline());
        }
    }

    List<MergerRow> overview(MergerRegistry registry, LocalDate today, ReportText text) {
        List<MergerRow> rows = new ArrayList<>();
        for (Merger merger : registry.mergers()) {
            StoredPlans.Standing standing = plans.standing(merger);
            // the start page counts who answered: the campaign's mails (a look-up per OCMW) are the merger's page's
            rows.add(new MergerRow(merger, standing, submissions(merger, false), views.tasks(merger, standing, text)));
        }
        return rows;
    }

    List<Submission> submissions(Merger merger) {
        return submissions(merger, true);
    }

    /** Each participant's submission; with what the campaign mailed it when {@code campaign} (null otherwise). */
    List<Submission> submissions(Merger merger, boolean withCampaign) {
        Map<String, Designations.Received> current = designations.received(merger);
        Map<String, Designations.ReviewTally> reviews = designations.tallies(merger);
        Map<String, be.ocmw.merge.campaign.Campaign.Participant> asked = new java.util.HashMap<>();
        if (withCampaign) {
            campaign.status(merger).forEach(c -> asked.put(c.ocmw().kbo().digits(), c));
        }
        return merger.participants().stream().map(p -> {
            Designations.Received found = current.get(p.kbo().digits());
            if (found == null) {
                return new Submission(p, SubmissionState.MISSING, null, null, null, asked.get(p.kbo().digits()));
            }
            boolean late = merger.late(found.submittedOn());
            return new Submission(p, late ? SubmissionState.LATE : SubmissionState.RECEIVED, found.submittedOn(), found.file(),
                    reviews.get(p.kbo().digits()), asked.get(p.kbo().digits()));
        }).toList();
    }

    /** The drift of the latest reconciliation, per merger, or none when nothing was reconciled yet. */
    record Reconciliation(long run, String command, OffsetDateTime at, Integer exitCode, Map<String, List<DriftKind>> drift) {
    }

    /**
     * The drift of one kind in one merger: what it is and what to do said once, then each case (the old OCMW, who or
     * what, the detail), instead of the same sentence on every row.
     */
    record DriftKind(Drift.Code code, boolean corrected, List<Drift> drifts) {

        public int count() {
            return drifts.size();
        }

        public String todo(ReportText text) {
            return drifts.get(0).todo(text);
        }

        static List<DriftKind> of(List<Drift> drift) {
            Map<String, DriftKind> kinds = new LinkedHashMap<>();
            drift.forEach(d -> kinds.computeIfAbsent(d.code() + "/" + d.corrected(),
                    k -> new DriftKind(d.code(), d.corrected(), new ArrayList<>())).drifts().add(d));
            return List.copyOf(kinds.values());
        }
    }

    Optional<Reconciliation> lastReconciliation(MergerRegistry registry) {
        return runLog.latestReconciliation(null)
                .map(run -> new Reconciliation(run.id(), run.command(), run.startedAt(), run.exitCode(), new LinkedHashMap<>()))
                .map(r -> {
                    // every applied merger is shown, the ones without drift too
                    registry.mergers().stream().filter(plans::applied)
                            .forEach(merger -> r.drift().put(merger.id(), DriftKind.of(drifts.ofRun(r.run(), merger.id()))));
                    return r;
                });
    }


}
