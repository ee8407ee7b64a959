package be.ocmw.merge.chaman;

/**
 * The verdict on one rule: {@code rule} and {@code message} are keys in the {@code messages/chaman} bundle,
 * {@code values} what the message says about this certificate (a key size, an algorithm, a curve).
 */
public record RuleResult(String rule, boolean passed, String message, Object... values) {

    static RuleResult passed(String rule, String message, Object... values) {
        return new RuleResult(rule, true, message, values);
    }

    static RuleResult failed(String rule, String message, Object... values) {
        return new RuleResult(rule, false, message, values);
    }
}
