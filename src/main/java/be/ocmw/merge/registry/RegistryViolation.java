package be.ocmw.merge.registry;

/**
 * One way a registry file breaks the rules: which merger (or "(file)" for the file as a whole), which
 * rule, what is wrong, and the line in the file where the parser knows it (0 when it does not).
 */
public record RegistryViolation(String merger, Rule rule, String message, int line) {

    /** The rules of SPEC section 3, and the shape of the file. */
    public enum Rule {
        FILE_UNREADABLE,
        YAML_SYNTAX,
        UNKNOWN_KEY,
        MISSING_KEY,
        INVALID_VALUE,
        INVALID_KBO,
        INVALID_NIS,
        INVALID_EMAIL,
        DUPLICATE_ID,
        TOO_FEW_PARTICIPANTS,
        DUPLICATE_PARTICIPANT,
        KBO_IN_TWO_MERGERS,
        SCENARIO_1_TARGET_KBO_NOT_NEW,
        SCENARIO_1_TARGET_NIS_NOT_NEW,
        SCENARIO_2_TARGET_KBO_NOT_A_PARTICIPANT,
        SCENARIO_2_TARGET_NIS_NOT_NEW,
        SCENARIO_3_TARGET_KBO_NOT_A_PARTICIPANT,
        SCENARIO_3_TARGET_NIS_NOT_KEPT,
        DEADLINE_AFTER_EFFECTIVE_DATE
    }

    /** {@code jobs/mergers-2025.yml:14: merger 'pajottegem': [RULE] message}. */
    public String describe(String file) {
        String where = line > 0 ? file + ":" + line : file;
        String who = merger == null ? "" : "merger '" + merger + "': ";
        return where + ": " + who + "[" + rule + "] " + message;
    }
}
