package be.ocmw.merge.domain;

/**
 * An enterprise number (KBO-nummer, ondernemingsnummer): ten digits starting with 0 or 1, the last two
 * being 97 − (the first eight mod 97). Held as its ten digits; {@link #formatted()} gives the usual
 * {@code 0212.978.247} notation.
 */
public record Kbo(String digits) implements Comparable<Kbo> {

    public Kbo {
        Reason problem = problem(digits);
        if (problem != null) {
            throw new InvalidIdentifierException(problem.about("kbo.", Digits.quote(digits)));
        }
    }

    /**
     * Reads any usual notation: {@code 0212.978.247}, {@code 0212 978 247}, {@code 0212978247},
     * {@code BE0212978247}, and the old nine-digit notation {@code 212.978.247}.
     */
    public static Kbo parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException(Reason.of("kbo.empty"));
        }
        String digits = Digits.strip(text.trim());
        if (digits.regionMatches(true, 0, "BE", 0, 2)) {
            digits = digits.substring(2);
        }
        if (digits.length() == 9 && Digits.allDigits(digits)) {
            digits = "0" + digits;
        }
        Reason problem = problem(digits);
        if (problem != null) {
            throw new InvalidIdentifierException(problem.about("kbo.", Digits.quote(text.trim())));
        }
        return new Kbo(digits);
    }

    /** What is wrong with ten would-be digits, or null when they are a valid KBO number. */
    private static Reason problem(String digits) {
        if (digits == null || !Digits.allDigits(digits)) {
            return Reason.of("characters");
        }
        if (digits.length() != 10) {
            return Reason.of("length", digits.length());
        }
        if (digits.charAt(0) != '0' && digits.charAt(0) != '1') {
            return Reason.of("start");
        }
        int expected = checkDigits(Long.parseLong(digits.substring(0, 8)));
        if (expected != Integer.parseInt(digits.substring(8))) {
            return Reason.of("check", digits.substring(8), String.format("%02d", expected));
        }
        return null;
    }

    /** The check digits that belong to the first eight digits of a KBO number. */
    static int checkDigits(long firstEight) {
        return (int) (97 - firstEight % 97);
    }

    /** {@code 0212.978.247}. */
    public String formatted() {
        return format(digits);
    }

    /**
     * The ten digits of a number already checked (read back from the database) as people write them, without checking
     * them again: what a report of many rows does for each.
     */
    public static String format(String digits) {
        return digits == null || digits.length() != 10 ? String.valueOf(digits)
                : digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
    }

    @Override
    public int compareTo(Kbo other) {
        return digits.compareTo(other.digits);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
