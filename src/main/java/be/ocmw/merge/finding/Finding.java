package be.ocmw.merge.finding;

import be.ocmw.merge.reporting.ReportText;

import java.util.List;

/**
 * Something a coordinator should know, found by the intake or by a plan: one type for both. BLOCKING findings stop
 * a plan from being applied. Its words are the message {@code finding.<message>} of the report bundles with
 * {@code args}; {@code detail} is that message in English, for the console, the log and summary.json.
 */
public record Finding(String code, Severity severity, String kbo, String subject, String detail, String message,
                      List<String> args) {

    public Finding {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A finding whose words are {@code finding.<message>} with these values (dates written the Belgian way). */
    public static Finding of(String code, Severity severity, String kbo, String subject, String message, Object... values) {
        List<String> args = ReportText.values(values);
        String detail = ReportText.english("finding." + message, args);
        return new Finding(code, severity, kbo, subject, detail, message, args);
    }

    /** A finding known only by its words (stored before findings had messages, or written by hand). */
    public Finding(String code, Severity severity, String kbo, String subject, String detail) {
        this(code, severity, kbo, subject, detail, null, List.of());
    }

    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }

    /**
     * What the reader has to do about it: the words of its message's own {@code finding.<message>.todo} where a variant
     * asks for something else than the code's others (the merged OCMW's own administrator, say), else the code's.
     */
    public String todo(ReportText text) {
        return message != null && text.has("finding." + message + ".todo") ? text.get("finding." + message + ".todo")
                : text.get("finding." + code + ".todo");
    }

    /** What the finding says in the report's language; its stored words when it has no message. */
    public String detail(ReportText text) {
        return message != null && text.has("finding." + message) ? text.get("finding." + message, args.toArray()) : detail;
    }
}
