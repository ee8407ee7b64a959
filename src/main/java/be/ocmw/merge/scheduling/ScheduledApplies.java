package be.ocmw.merge.scheduling;

import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.batch.JobAlreadyRunningException;
import be.ocmw.merge.domain.EmailAddress;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.merger.ApplySchedules;
import be.ocmw.merge.merger.ApplySchedules.Schedule;
import be.ocmw.merge.merger.ApplySchedules.State;
import be.ocmw.merge.merger.MergerRuns;
import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.notify.Mail;
import be.ocmw.merge.notify.NotifySettings;
import be.ocmw.merge.notify.Outbox;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Registry;
import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.reporting.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the applies whose time has come (SPEC 5.8), one schedule at a time, each taken by one node of the cluster: the
 * apply exactly as the command runs it, for the person who scheduled it (so the approval, the fingerprint, the inputs
 * and four eyes are checked again now), its outcome recorded, audited and mailed to the merger's notify list and the
 * operators. A schedule missed because no serve ran is run at the next look, once, and says it ran late.
 */
@Component
public class ScheduledApplies {

    private static final Logger log = LoggerFactory.getLogger(ScheduledApplies.class);

    private final ApplySchedules schedules;
    private final MergerRuns runs;
    private final Registry registry;
    private final RunLog runLog;
    private final Outbox outbox;
    private final NotifySettings notify;
    private final Path reports;

    ScheduledApplies(ApplySchedules schedules, MergerRuns runs, Registry registry, RunLog runLog, Outbox outbox,
                     NotifySettings notify, @Value("${ocmw.web.reports:out}") String reports) {
        this.schedules = schedules;
        this.runs = runs;
        this.registry = registry;
        this.runLog = runLog;
        this.outbox = outbox;
        this.notify = notify;
        this.reports = Path.of(reports);
    }

    /** Every schedule due now, run; what became of each. */
    public List<Schedule> runDue() {
        List<Schedule> ran = new ArrayList<>();
        for (Optional<Schedule> due = schedules.claimDue(); due.isPresent(); due = schedules.claimDue()) {
            ran.add(run(due.get()));
        }
        if (!ran.isEmpty()) {
            outbox.sendDue();
        }
        return ran;
    }

    private Schedule run(Schedule schedule) {
        Merger merger = registry.current().find(schedule.merger()).orElse(null);
        long run = runLog.start("apply", schedule.merger() + " --fingerprint " + schedule.fingerprint() + " (scheduled for "
                + Times.moment(schedule.at()) + (schedule.late() ? ", run late" : "") + ")", schedule.scheduler());
        if (merger == null) {
            return finished(schedule, null, State.FAILED, "the merger is no longer in the registry", run, ExitCode.FAILED);
        }
        try {
            MergerRuns.Outcome outcome = runs.apply(merger, reports, schedule.fingerprint(), schedule.scheduler(),
                    new ReportOptions(merger.language().locale(), false), run);
            String counts = String.join("\n", outcome.plan().counts().lines());
            return finished(schedule, merger, State.DONE, counts, run, ExitCode.DONE);
        } catch (JobAlreadyRunningException e) {
            // another node applies this merger now: it is its schedule to finish
            runLog.finish(run, ExitCode.FAILED, "another apply of the merger was under way");
            return schedule;
        } catch (RuntimeException e) {
            boolean refused = e instanceof Reason.Carrier carrier && ExitCode.of(e) == ExitCode.BLOCKED && carrier.reason() != null;
            String why = e instanceof Reason.Carrier carrier && carrier.reason() != null ? carrier.reason().english()
                    : String.valueOf(e.getMessage());
            log.warn("The scheduled apply of {} ({}) {}: {}", schedule.merger(), Times.moment(schedule.at()),
                    refused ? "was refused" : "failed", why);
            return finished(schedule, merger, refused ? State.REFUSED : State.FAILED, why, run,
                    refused ? ExitCode.BLOCKED : ExitCode.FAILED);
        }
    }

    private Schedule finished(Schedule schedule, Merger merger, State state, String outcome, long run, int exitCode) {
        schedules.finish(schedule, state, outcome, run, run);
        runLog.finish(run, exitCode, state == State.DONE ? "done" : outcome);
        List<EmailAddress> to = new ArrayList<>(merger == null ? List.of() : merger.recipients());
        notify.operators().stream().filter(o -> to.stream().noneMatch(o::sameAs)).forEach(to::add);
        if (!to.isEmpty()) {
            be.ocmw.merge.domain.Language language = merger == null ? be.ocmw.merge.domain.Language.DUTCH : merger.language();
            ReportText text = ReportText.of(language.locale());
            String name = merger == null ? schedule.merger() : merger.name();
            outbox.queue(Mail.Kind.SCHEDULED_APPLY, "scheduled-apply:" + schedule.id() + ":" + state, schedule.merger(), language, to,
                    text.get("scheduled.subject." + state.name(), name, Times.moment(schedule.at())),
                    text.get("scheduled.body." + state.name(), name, Times.moment(schedule.at()), schedule.by(), outcome,
                            schedule.late() ? text.get("scheduled.late") : ""));
        }
        return schedule;
    }
}
