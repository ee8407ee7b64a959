package be.ocmw.merge.reconciliation;

import be.ocmw.merge.reporting.ReportText;

import java.util.List;

/**
 * One difference between an applied merger's old OCMWs and the merged one. {@code additive}: a safe
 * correction exists (copy an account or a grant, close and reopen a dossier, link a request); {@code corrected}:
 * a reconciliation with {@code --apply-safe} made it. Its words are the message {@code drift.<code>} with
 * {@code args}; {@code detail} is that message in English, for the console and the summary.
 */
public record Drift(String merger, Code code, String sourceKbo, String subject, String detail, List<String> args,
                    boolean corrected) {

    /** What kind of difference it is; {@code additive}: a reconciliation with {@code --apply-safe} can correct it. */
    public enum Code {
        ACCOUNT_MISSING_IN_TARGET(true),
        GRANT_MISSING_IN_TARGET(true),
        DOSSIER_RUNNING_UNDER_OLD_KBO(true),
        DOSSIER_OPENED_UNDER_OLD_KBO(false),
        ONLINE_REQUEST_UNDER_OLD_KBO(true),
        BLOCKED_AT_SOURCE_ACTIVE_IN_TARGET(false);

        private final boolean additive;

        Code(boolean additive) {
            this.additive = additive;
        }

        public boolean additive() {
            return additive;
        }

        static List<String> additiveNames() {
            return java.util.Arrays.stream(values()).filter(Code::additive).map(Code::name).toList();
        }
    }

    public Drift {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A drift whose words are {@code drift.<code>} with these values (dates written the Belgian way). */
    static Drift of(String merger, Code code, String sourceKbo, String subject, Object... values) {
        List<String> args = ReportText.values(values);
        return new Drift(merger, code, sourceKbo, subject, ReportText.english("drift." + code, args), args, false);
    }

    public boolean additive() {
        return code.additive();
    }

    /** What the drift is, in the report's language; its stored words when it has none (stored before V13). */
    public String detail(ReportText text) {
        return args.isEmpty() || !text.has("drift." + code) ? detail : text.get("drift." + code, args.toArray());
    }

    /** What to do about it, in the report's language. */
    public String todo(ReportText text) {
        return text.get("drift." + code + (corrected ? ".corrected" : code.additive() ? ".todo.safe" : ".todo"));
    }
}
