package be.ocmw.merge.domain;

/**
 * A municipality code (NIS-code, REFNIS): five digits without a check digit, the first being the
 * province (1 to 9).
 */
public record NisCode(String code) implements Comparable<NisCode> {

    public NisCode {
        if (code == null || !Digits.allDigits(code) || code.length() != 5) {
            throw new InvalidIdentifierException("NIS code " + Digits.quote(code) + " must be 5 digits (e.g. 23106)");
        }
        if (code.charAt(0) == '0') {
            throw new InvalidIdentifierException("NIS code " + Digits.quote(code)
                    + " must start with a province digit from 1 to 9");
        }
    }

    public static NisCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException("NIS code is empty");
        }
        return new NisCode(text.trim());
    }

    @Override
    public int compareTo(NisCode other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
