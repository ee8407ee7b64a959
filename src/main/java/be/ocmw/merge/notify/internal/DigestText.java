package be.ocmw.merge.notify.internal;

import be.ocmw.merge.notify.DriftDigest;
import be.ocmw.merge.notify.NotifySettings;
import be.ocmw.merge.reconciliation.Drift;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The words of the mails, from the {@code notify.*} messages: a digest in its merger's language (what is new, by kind,
 * what to do about each kind, a link to the merger's dashboard page), a failed night in Dutch and in French (the
 * operators read both).
 */
@Component
public class DigestText {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private final NotifySettings settings;

    DigestText(NotifySettings settings) {
        this.settings = settings;
    }

    /** A mail's subject line and plain-text body. */
    public record Words(String subject, String body) {
    }

    /** {@code since}: when the previous digest was made (null for the first). */
    public Words digest(DriftDigest digest, OffsetDateTime since) {
        ReportText t = ReportText.of(digest.merger().language().locale());
        String name = digest.merger().name();
        String night = ReportText.date(digest.night());
        StringBuilder body = new StringBuilder();
        body.append(t.get("notify.digest.greeting")).append("\n\n");
        body.append(since == null
                ? t.get("notify.digest.intro.first", night, name, digest.merger().target().name(),
                digest.merger().target().kbo().formatted(), digest.fresh().size())
                : t.get("notify.digest.intro.since", night, name, digest.merger().target().name(),
                digest.merger().target().kbo().formatted(), digest.fresh().size(),
                ReportText.date(since.atZoneSameInstant(BRUSSELS).toLocalDate())));
        body.append(' ').append(t.get("notify.digest.open", digest.open())).append("\n");
        for (Map.Entry<Drift.Code, List<Drift>> kind : digest.byCode().entrySet()) {
            // by old OCMW, then person, dossier or request: a coordinator goes through them OCMW by OCMW
            List<Drift> drifts = kind.getValue().stream().sorted(java.util.Comparator.comparing(Drift::sourceKbo,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).thenComparing(Drift::subject)).toList();
            body.append("\n").append(t.get("notify.digest.kind", t.get("drift." + kind.getKey() + ".title"), drifts.size(),
                    kind.getKey().name())).append("\n");
            body.append("  ").append(t.get("notify.digest.todo", drifts.get(0).todo(t))).append("\n");
            drifts.stream().limit(settings.listed()).forEach(d -> body.append("  - ").append(d.detail(t)).append("\n"));
            if (drifts.size() > settings.listed()) {
                body.append("  ").append(t.get("notify.digest.more", drifts.size() - settings.listed())).append("\n");
            }
        }
        body.append("\n").append(t.get("notify.digest.link", settings.dashboardUrl() + "/mergers/" + digest.merger().id()))
                .append("\n\n").append(t.get("notify.digest.footer")).append("\n");
        return new Words(t.get("notify.digest.subject", digest.fresh().size(), name, night), body.toString());
    }

    /** The notice of a night that failed after its retry, in both languages. */
    public Words nightFailed(java.time.LocalDate night, int attempts, OffsetDateTime last, String error) {
        ReportText nl = ReportText.of(ReportText.DUTCH);
        ReportText fr = ReportText.of(ReportText.FRENCH);
        String date = ReportText.date(night);
        String at = ReportText.dateTime(last);
        String link = settings.dashboardUrl() + "/reconciliation";
        String body = nl.get("notify.night.body", date, attempts, at, error, link) + "\n\n-----\n\n"
                + fr.get("notify.night.body", date, attempts, at, error, link) + "\n";
        return new Words(nl.get("notify.night.subject", date) + " / " + fr.get("notify.night.subject", date), body);
    }
}
