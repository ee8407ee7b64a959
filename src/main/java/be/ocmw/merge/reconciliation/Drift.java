package be.ocmw.merge.reconciliation;

import be.ocmw.merge.reporting.ReportText;

import java.util.List;

/**
 * One difference between an applied merger's old OCMWs and the merged one. {@code additive}: a safe
 * correction exists (copy an account or a grant, close and reopen a dossier, link a request); {@code corrected}:
 * a reconciliation with {@code --apply-safe} made it. Its words are the message {@code drift.<code>} with
 * {@code args}; {@code detail} is that message in English, for the console and the summary.
 */
public record Drift(String merger, String code, String sourceKbo, String subject, String detail, boolean additive,
                    List<String> args, boolean corrected) {

    public Drift {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A drift whose words are {@code drift.<code>} with these values (dates written the Belgian way). */
    static Drift of(String merger, String code, String sourceKbo, String subject, boolean additive, Object... values) {
        List<String> args = ReportText.values(values);
        return new Drift(merger, code, sourceKbo, subject, ReportText.english("drift." + code, args), additive, args, false);
    }

    /** What the drift is, in the report's language; its stored words when it has none (stored before V13). */
    public String detail(ReportText text) {
        return args.isEmpty() || !text.has("drift." + code) ? detail : text.get("drift." + code, args.toArray());
    }

    /** What to do about it, in the report's language. */
    public String todo(ReportText text) {
        return text.get("drift." + code + (corrected ? ".corrected" : additive ? ".todo.safe" : ".todo"));
    }

    Drift corrected(boolean corrected) {
        return new Drift(merger, code, sourceKbo, subject, detail, additive, args, corrected);
    }
}
