package be.ocmw.merge.plan;

import be.ocmw.merge.reporting.ReportText;

import java.util.List;

/**
 * Something a coordinator should know about a plan; BLOCKING findings stop it from being applied. Its words
 * are the message {@code finding.<message>} of the report bundles with {@code args}; {@code detail} is that
 * message in English, for the console, the log and summary.json.
 */
public record PlanFinding(String code, String severity, String kbo, String subject, String detail, String message,
                          List<String> args) {

    /** A finding whose words are {@code finding.<message>} with these values (dates written the Belgian way). */
    public static PlanFinding of(String code, String severity, String kbo, String subject, String message, Object... values) {
        List<String> args = ReportText.values(values);
        String detail = ReportText.english("finding." + message, args);
        return new PlanFinding(code, severity, kbo, subject, detail, message, args);
    }

    /** A finding known only by its words (stored before findings had messages, or written by hand). */
    public PlanFinding(String code, String severity, String kbo, String subject, String detail) {
        this(code, severity, kbo, subject, detail, null, List.of());
    }

    public boolean blocking() {
        return "BLOCKING".equals(severity);
    }

    /** What the finding says in the report's language; its stored words when it has no message. */
    public String detail(ReportText text) {
        return message != null && text.has("finding." + message) ? text.get("finding." + message, args.toArray()) : detail;
    }
}
