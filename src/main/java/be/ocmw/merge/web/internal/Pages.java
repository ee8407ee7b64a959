package be.ocmw.merge.web.internal;

import be.ocmw.merge.notify.Outbox;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.Registry;
import be.ocmw.merge.reporting.ReportText;
import be.ocmw.merge.scheduling.NightlyAttempts;
import be.ocmw.merge.web.WebSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

/** What every page needs: who reads it, in which language, whether this is the demo, and the merger registry. */
@Component
@ControllerAdvice
@ConditionalOnWebApplication
class Pages {

    private final WebSettings settings;
    private final Registry mergers;
    private final be.ocmw.merge.audit.AuditChain auditChain;
    private final NightlyAttempts nights;
    private final Outbox outbox;

    Pages(WebSettings settings, Registry mergers, be.ocmw.merge.audit.AuditChain auditChain, NightlyAttempts nights,
          Outbox outbox) {
        this.settings = settings;
        this.mergers = mergers;
        this.auditChain = auditChain;
        this.nights = nights;
        this.outbox = outbox;
    }

    /** The latest night when it failed after its retry: every page says so until a night completes again. */
    @ModelAttribute("nightAlarm")
    NightlyAttempts.Attempt nightAlarm() {
        return nights.latest().filter(NightlyAttempts.Attempt::givenUp).orElse(null);
    }

    /** Mails that did not get through (they are tried again): every page says so until they did. */
    @ModelAttribute("mailAlarm")
    Outbox.Failing mailAlarm() {
        return outbox.failing().orElse(null);
    }

    /** The latest verification of the audit trail when it failed: every page then says so, at the top. */
    @ModelAttribute("auditAlarm")
    be.ocmw.merge.audit.AuditChain.Check auditAlarm() {
        return auditChain.latest().filter(check -> !check.intact()).orElse(null);
    }

    @ModelAttribute("demo")
    boolean demo() {
        return settings.demo();
    }

    @ModelAttribute("operator")
    boolean operatorAttribute() {
        return operator();
    }

    @ModelAttribute("lang")
    String lang() {
        return text().code();
    }

    /** The report words in the reader's language, for what templates render through a method (findings). */
    @ModelAttribute("t")
    ReportText textAttribute() {
        return text();
    }

    static boolean operator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + WebSecurityConfiguration.OPERATOR));
    }

    static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "?" : authentication.getName();
    }

    /**
     * Who acts on the dashboard (SPEC 10): the logged-in user, as the account of the users file or of the organisation's
     * OpenID Connect provider that authenticated them.
     */
    static be.ocmw.merge.domain.Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        be.ocmw.merge.domain.Account.Kind kind = authentication
                instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken
                ? be.ocmw.merge.domain.Account.Kind.OIDC : be.ocmw.merge.domain.Account.Kind.USERS_FILE;
        return be.ocmw.merge.domain.Actor.of(new be.ocmw.merge.domain.Account(kind, user()));
    }

    static ReportText text() {
        return ReportText.of("fr".equals(LocaleContextHolder.getLocale().getLanguage()) ? ReportText.FRENCH : ReportText.DUTCH);
    }

    /** The registry as it is on disk now: edits are seen without a restart. */
    MergerRegistry registry() {
        return mergers.current();
    }

    Merger merger(String id) {
        return registry().find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no merger " + id));
    }
}
