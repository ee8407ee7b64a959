package be.ocmw.merge.web.internal;

import be.ocmw.merge.audit.Consultation;
import be.ocmw.merge.audit.Consultations;
import be.ocmw.merge.domain.FreeText;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.explain.Explanations;
import be.ocmw.merge.explain.PersonQuery;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * The merger page's search box: "why does this person have this access, where did this dossier go", answered from what
 * the engine stored, as {@code explain} answers it on the command line. The search is posted, so that an INSZ typed in
 * it stands in no address; the links to one account or dossier carry a username or a reference, never an INSZ. A
 * look-up by INSZ is a consultation of personal data, logged whoever asks and whether or not anybody was found.
 */
@Controller
@ConditionalOnWebApplication
class ExplainController {

    private final Pages pages;
    private final Explanations explanations;
    private final Consultations consultations;

    ExplainController(Pages pages, Explanations explanations, Consultations consultations) {
        this.pages = pages;
        this.explanations = explanations;
        this.consultations = consultations;
    }

    @PostMapping("/mergers/{id}/explain")
    String search(@PathVariable String id, @RequestParam(defaultValue = "") String q,
                  @RequestParam(required = false) String reason, Model model) {
        Merger merger = pages.merger(id);
        ReportText text = Pages.text();
        Optional<Reason> badReason = FreeText.REASON.problem(text.get("web.explain.reason"), reason);
        if (badReason.isPresent()) {
            return page(merger, new Explanations.Lookup.Refused(text.reason(badReason.get())), Insz.maskedIn(q), model);
        }
        Explanations.Lookup lookup = explanations.lookup(merger, q, text);
        if (lookup instanceof Explanations.Lookup.Explained explained && explained.byInsz()) {
            consultations.record(Consultation.of(Pages.actor(), Consultation.Channel.DASHBOARD, "explain (search by INSZ)",
                    merger.id(), null, explained.persons(), Consultation.reasonOrNone(reason), null));
        }
        // an INSZ typed (valid or not) is not given back to the box: the page holds it only masked, in what it says
        // a search refused for its length is not given back either: the box holds at most what it may send
        return page(merger, lookup, Explanations.looksLikeInsz(q) || q.length() > FreeText.SEARCH.max() ? ""
                : Insz.maskedIn(q), model);
    }

    /** One account ({@code username}, in the OCMW {@code kbo}) or one dossier ({@code dossier} as KBO/REFERENCE). */
    @GetMapping("/mergers/{id}/explain")
    String explain(@PathVariable String id, @RequestParam(required = false) String username,
                   @RequestParam(required = false) String kbo, @RequestParam(required = false) String dossier, Model model) {
        Merger merger = pages.merger(id);
        ReportText text = Pages.text();
        String typed = username != null ? username : dossier != null ? dossier : "";
        Optional<Reason> problem = FreeText.SEARCH.problem(text.get("web.explain.label"), typed)
                .or(() -> FreeText.SEARCH.problem("KBO", kbo));
        Explanations.Lookup lookup = null;
        if (problem.isPresent()) {
            lookup = new Explanations.Lookup.Refused(text.reason(problem.get()));
        } else if (dossier != null && !dossier.isBlank()) {
            lookup = dossier.indexOf('/') > 0 ? explanations.lookup(merger, dossier, text)
                    : new Explanations.Lookup.Refused(text.get("web.explain.bad_dossier", Explanations.shown(dossier)));
        } else if (username != null && !username.isBlank()) {
            try {
                Kbo organisation = kbo == null || kbo.isBlank() ? null : Kbo.parse(kbo);
                lookup = new Explanations.Lookup.Explained(
                        explanations.person(merger, new PersonQuery.ByUsername(username, organisation), text), false, 0);
            } catch (IllegalArgumentException e) {
                lookup = new Explanations.Lookup.Refused(text.get("web.explain.bad_kbo", Explanations.shown(kbo)));
            }
        }
        return page(merger, lookup, Explanations.shown(typed), model);
    }

    private String page(Merger merger, Explanations.Lookup lookup, String query, Model model) {
        model.addAttribute("merger", merger);
        model.addAttribute("query", query);
        model.addAttribute("explained", lookup instanceof Explanations.Lookup.Explained e ? e.explanation() : null);
        model.addAttribute("matches", lookup instanceof Explanations.Lookup.Matches m ? m : null);
        model.addAttribute("refused", lookup instanceof Explanations.Lookup.Refused r ? r.message() : null);
        return "web/explain";
    }
}
