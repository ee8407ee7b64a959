package be.ocmw.merge.web.internal;

import be.ocmw.merge.audit.AuditChain;
import be.ocmw.merge.audit.Consultation;
import be.ocmw.merge.audit.Consultations;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** For operators: the latest verification of the audit trail and who consulted personal data in full, and why. */
@Controller
@ConditionalOnWebApplication
class AuditController {

    /** The consultations the page lists: the last 90 days, newest first (audit consultations gives any period). */
    static final int DAYS = 90;

    private final AuditChain chain;
    private final Consultations consultations;

    AuditController(AuditChain chain, Consultations consultations) {
        this.chain = chain;
        this.consultations = consultations;
    }

    /** A consultation as the page shows it: what was consulted and why, in the reader's words. */
    record Row(Consultation consultation, String what, String reason) {
    }

    /** The kinds of consultation the engine records, in words; anything else as it was recorded. */
    static String what(String what, ReportText text) {
        if (what == null) {
            return "";
        }
        return switch (what) {
            case "explain (search by INSZ)" -> text.get("web.audit.what.search");
            case "explain --insz" -> text.get("web.audit.what.explain");
            case "page administrators" -> text.get("web.audit.what.administrators");
            case "export access" -> text.get("web.audit.what.export_access");
            case "export dossiers" -> text.get("web.audit.what.export_dossiers");
            case "plan --full-insz", "apply --full-insz" -> text.get("web.audit.what.report", what.substring(0, what.indexOf(' ')));
            default -> what.startsWith("download ") ? text.get("web.audit.what.download", what.substring("download ".length()))
                    : what;
        };
    }

    static String reason(String reason, ReportText text) {
        return Consultation.NO_REASON.equals(reason) ? text.get("web.audit.no_reason") : reason;
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("check", chain.latest().orElse(null));
        List<Consultation> recent = new ArrayList<>(consultations.between(LocalDate.now(Consultations.ZONE).minusDays(DAYS), null));
        Collections.reverse(recent);
        ReportText text = Pages.text();
        model.addAttribute("consultations", recent.stream().map(c -> new Row(c, what(c.what(), text), reason(c.reason(), text)))
                .toList());
        model.addAttribute("days", DAYS);
        return "web/audit";
    }
}
