package be.ocmw.merge.web.internal;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.audit.RunLog;
import be.ocmw.merge.merger.Approvals;
import be.ocmw.merge.registry.Merger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What coordinators do on a merger's page: approve the plan it shows, by its fingerprint, or take the approval back.
 * Recorded at once (a run of its own in the run log, audited); the page says what happened.
 */
@Controller
@ConditionalOnWebApplication
class ApprovalController {

    private final Pages pages;
    private final Approvals approvals;
    private final RunLog runLog;

    ApprovalController(Pages pages, Approvals approvals, RunLog runLog) {
        this.pages = pages;
        this.approvals = approvals;
        this.runLog = runLog;
    }

    @PostMapping("/mergers/{id}/approve")
    String approve(@PathVariable String id, @RequestParam String fingerprint,
                   @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        Merger merger = pages.merger(id);
        be.ocmw.merge.domain.Actor user = Pages.actor();
        long run = runLog.start("approve", merger.id() + " --fingerprint " + be.ocmw.merge.domain.Readable.shorten(fingerprint)
                + " (dashboard, " + user.name() + ")", user);
        return recorded(merger, approvals.approve(merger, fingerprint, user, comment, run), run, "approved", redirect);
    }

    @PostMapping("/mergers/{id}/withdraw")
    String withdraw(@PathVariable String id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        Merger merger = pages.merger(id);
        be.ocmw.merge.domain.Actor user = Pages.actor();
        long run = runLog.start("approve", merger.id() + " --withdraw (dashboard, " + user + ")", user);
        return recorded(merger, approvals.withdraw(merger, user, comment, run), run, "withdrawn", redirect);
    }

    private String recorded(Merger merger, Approvals.Result result, long run, String done, RedirectAttributes redirect) {
        if (result instanceof Approvals.Result.Refused refused) {
            runLog.finish(run, ExitCode.BLOCKED, refused.reason());
            redirect.addFlashAttribute("approvalRefused", Pages.text().reason(refused.reason()));
        } else {
            runLog.finish(run, ExitCode.DONE, done);
            redirect.addFlashAttribute("approvalDone", done);
        }
        return "redirect:/mergers/" + merger.id();
    }
}
