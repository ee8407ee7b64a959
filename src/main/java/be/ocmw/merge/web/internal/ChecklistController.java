package be.ocmw.merge.web.internal;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.merger.Checklist;
import be.ocmw.merge.merger.PlanViews;
import be.ocmw.merge.registry.Merger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ticking the merger's checklist: a coordinator (or an operator, for what the RSZ does) marks a task of the latest plan
 * done, or not done after all. Who and when is recorded, in a run of its own and audited.
 */
@Controller
@ConditionalOnWebApplication
class ChecklistController {

    private final Pages pages;
    private final PlanViews views;
    private final Checklist checklist;
    private final RunLog runLog;

    ChecklistController(Pages pages, PlanViews views, Checklist checklist, RunLog runLog) {
        this.pages = pages;
        this.views = views;
        this.checklist = checklist;
        this.runLog = runLog;
    }

    @PostMapping("/mergers/{id}/tasks/{code}")
    String mark(@PathVariable String id, @PathVariable String code, @RequestParam(defaultValue = "true") boolean done,
                RedirectAttributes redirect) {
        Merger merger = pages.merger(id);
        boolean known = views.latestTasks(merger, Pages.text()).stream().anyMatch(t -> t.code().equals(code));
        if (!known) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no task " + code + " of " + id);
        }
        be.ocmw.merge.domain.Actor user = Pages.actor();
        long run = runLog.start("task", merger.id() + " " + code + (done ? " --done" : " --not-done") + " (dashboard, " + user.name() + ")",
                user);
        checklist.mark(merger, code, done, user, run);
        runLog.finish(run, ExitCode.DONE, done ? "done" : "not done");
        redirect.addFlashAttribute("taskMarked", code);
        return "redirect:/mergers/" + merger.id() + "#tasks";
    }
}
