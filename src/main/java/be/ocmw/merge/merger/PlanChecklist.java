package be.ocmw.merge.merger;

import be.ocmw.merge.intake.Designations;
import be.ocmw.merge.merger.PlanViews.Task;
import be.ocmw.merge.merger.report.ReportRows;
import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A stored plan's checklist as people read it: each task in the reader's words, in date order, with who ticked it
 * ({@link Checklist}) or what the engine knows of it without anybody ticking it.
 */
@Component
class PlanChecklist {

    private final PlanStore store;
    private final Checklist ticks;
    private final Designations designations;

    PlanChecklist(PlanStore store, Checklist ticks, Designations designations) {
        this.store = store;
        this.ticks = ticks;
        this.designations = designations;
    }

    List<Task> of(Merger merger, long planId, ReportText text) {
        Map<String, Checklist.Tick> ticked = ticks.ticks(merger);
        return store.tasks(planId).stream()
                .map(t -> new Task(t.code(), t.due(), ReportRows.taskText(t, merger, text), ticked.get(t.code()),
                        doneByEngine(merger, t.code(), text)))
                // the checklist in date order (a stable sort: tasks of one day keep the plan's order)
                .sorted(Comparator.comparing(Task::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * What the engine knows of a task without anybody ticking it, in the reader's words; null when it does not know.
     * The submissions: every participant's is in (the HTB_SUBMISSION task is the intake's own work).
     */
    private String doneByEngine(Merger merger, String code, ReportText text) {
        if (!code.equals("HTB_SUBMISSION")) {
            return null;
        }
        Map<String, Designations.Received> received = designations.received(merger);
        boolean all = merger.participants().stream().allMatch(p -> received.containsKey(p.kbo().digits()));
        return all ? text.get("task.done.submissions", received.values().stream().map(Designations.Received::submittedOn)
                .max(Comparator.naturalOrder()).map(ReportText::date).orElse("")) : null;
    }
}
