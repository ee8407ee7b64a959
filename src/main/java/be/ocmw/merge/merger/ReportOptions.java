package be.ocmw.merge.merger;

import be.ocmw.merge.audit.Consultation;
import be.ocmw.merge.reporting.ReportText;

import java.util.Locale;

/**
 * How the coordinator reports are written: in Dutch or French, and with the INSZ masked unless asked otherwise. Full
 * INSZ come only with a {@link Disclosure}: who asks, where, and why; writing such reports records a consultation.
 */
public record ReportOptions(Locale language, boolean fullInsz, Disclosure disclosure) {

    public static final ReportOptions DEFAULT = new ReportOptions(ReportText.DUTCH, false);

    /** Who is shown full INSZ, through which channel, and the reason they gave (never blank). */
    public record Disclosure(be.ocmw.merge.domain.Actor actor, Consultation.Channel channel, String reason) {

        public Disclosure {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("full INSZ need a reason");
            }
        }
    }

    public ReportOptions {
        if (fullInsz && disclosure == null) {
            throw new IllegalArgumentException("reports with full INSZ need a reason, which is logged as a consultation");
        }
    }

    /** Masked reports (or, with {@code fullInsz}, a programming error: full INSZ need a disclosure). */
    public ReportOptions(Locale language, boolean fullInsz) {
        this(language, fullInsz, null);
    }

    /** The other of the two languages the reports are written in: a page is written in both (see {@code PlanReports}). */
    public ReportOptions inOtherLanguage() {
        Locale other = ReportText.FRENCH.getLanguage().equals(language.getLanguage()) ? ReportText.DUTCH : ReportText.FRENCH;
        return new ReportOptions(other, fullInsz, disclosure);
    }

    /** The page's name in the other language: {@code plan.html} in French beside a Dutch one is {@code plan.fr.html}. */
    public static String inLanguage(String page, Locale language) {
        return page.replace(".html", "." + language.getLanguage() + ".html");
    }

    public static ReportOptions full(Locale language, Disclosure disclosure) {
        return new ReportOptions(language, true, disclosure);
    }
}
