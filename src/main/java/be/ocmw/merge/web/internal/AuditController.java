package be.ocmw.merge.web.internal;

import be.ocmw.merge.audit.AuditChain;
import be.ocmw.merge.audit.Consultation;
import be.ocmw.merge.audit.Consultations;
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

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("check", chain.latest().orElse(null));
        List<Consultation> recent = new ArrayList<>(consultations.between(LocalDate.now(Consultations.ZONE).minusDays(DAYS), null));
        Collections.reverse(recent);
        model.addAttribute("consultations", recent);
        model.addAttribute("days", DAYS);
        model.addAttribute("zone", Consultations.ZONE);
        return "web/audit";
    }
}
