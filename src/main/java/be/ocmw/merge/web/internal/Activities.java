package be.ocmw.merge.web.internal;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.batch.JobAlreadyRunningException;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.merger.PlanRefusedException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operators' actions, run beside the pages so that a long plan or apply never holds a request: each is a
 * run in the run log like a command, and its page follows it until it is done. Kept in memory: the run log and
 * Spring Batch's tables are the lasting record.
 */
@Component
class Activities {

    private static final Logger log = LoggerFactory.getLogger(Activities.class);
    private static final int KEPT = 200;

    enum State { RUNNING, DONE, REFUSED, FAILED }

    /** The work of an action, given its run id; returns what its page shows when done. */
    interface Work {
        Object run(long run) throws Exception;
    }

    static final class Activity {
        final String id = UUID.randomUUID().toString();
        final String kind;
        final String merger;
        final String user;
        final LocalDateTime started = LocalDateTime.now();
        volatile long run;
        volatile State state = State.RUNNING;
        volatile LocalDateTime finished;
        volatile Object result;
        /** Why it was refused or failed, in words for every language; null while it runs or when it is done. */
        volatile Reason reason;
        /** What failed, technically: the console's English, shown beside the reason. */
        volatile String message;

        Activity(String kind, String merger, String user) {
            this.kind = kind;
            this.merger = merger;
            this.user = user;
        }

        public String id() { return id; }
        public String kind() { return kind; }
        public String merger() { return merger; }
        public String user() { return user; }
        public LocalDateTime started() { return started; }
        public long run() { return run; }
        public State state() { return state; }
        public boolean running() { return state == State.RUNNING; }
        public LocalDateTime finished() { return finished; }
        public Object result() { return result; }
        public String message() { return message; }
        public Reason reason() { return reason; }
    }

    private final RunLog runLog;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "dashboard-action-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Activity> activities = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Activity> eldest) {
            return size() > KEPT;
        }
    });

    Activities(RunLog runLog) {
        this.runLog = runLog;
    }

    Activity start(String kind, String merger, be.ocmw.merge.domain.Actor user, String arguments, Work work) {
        Activity activity = new Activity(kind, merger, user.name());
        activity.run = runLog.start(kind, arguments + " (dashboard, " + user.name() + ")", user);
        activities.put(activity.id, activity);
        executor.execute(() -> execute(activity, work));
        return activity;
    }

    Optional<Activity> find(String id) {
        return Optional.ofNullable(activities.get(id));
    }

    private void execute(Activity activity, Work work) {
        int exitCode = ExitCode.DONE;
        String outcome = "done";
        try {
            activity.result = work.run(activity.run);
            activity.state = State.DONE;
        } catch (PlanRefusedException e) {
            exitCode = ExitCode.of(e);
            outcome = e.getMessage();
            activity.reason = e.reason();
            activity.state = State.REFUSED;
        } catch (JobAlreadyRunningException e) {
            exitCode = ExitCode.of(e);
            outcome = e.getMessage();
            activity.reason = Reason.of("activity.already_running");
            activity.state = State.REFUSED;
        } catch (Exception | Error e) {
            log.error("The dashboard's {} of {} failed", activity.kind, activity.merger, e);
            // (an unreadable upload ends as 3 here as on the command line)
            exitCode = ExitCode.of(e);
            outcome = ExitCode.rootMessage(e);
            activity.reason = Reason.of("activity.failed");
            activity.message = outcome;
            activity.state = State.FAILED;
        } finally {
            activity.finished = LocalDateTime.now();
            if (activity.state == State.REFUSED) {
                runLog.finish(activity.run, exitCode, activity.reason);
            } else {
                runLog.finish(activity.run, exitCode, outcome);
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
