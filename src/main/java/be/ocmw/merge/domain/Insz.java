package be.ocmw.merge.domain;

/**
 * A national number (INSZ, rijksregisternummer, or a BIS number): eleven digits {@code YYMMDD SSS CC}.
 * The check digits are 97 − (the first nine mod 97), or for people born in 2000 or later
 * 97 − ((2 000 000 000 + the first nine) mod 97). The month is 01–12, or 00 when unknown; BIS numbers
 * add 20 or 40 to it. The day is not checked: registrations with an unknown or fictitious day exist.
 *
 * <p>This is personal data: {@link #toString()} is masked ({@code 85.07.30-xxx.28}) so that a full number
 * never ends up in a log line by accident, and so are the messages that refuse a number. Ask for
 * {@link #formatted()} or {@link #digits()} explicitly.
 */
public record Insz(String digits) implements Comparable<Insz> {

    public Insz {
        Reason problem = problem(digits);
        if (problem != null) {
            throw new InvalidIdentifierException(problem.about("insz.", masked(digits)));
        }
    }

    /** Reads {@code 85.07.30-033.28}, {@code 850730 033 28}, {@code 85073003328} and mixtures of them. */
    public static Insz parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException(Reason.of("insz.empty"));
        }
        String digits = Digits.strip(text.trim());
        Reason problem = problem(digits);
        if (problem != null) {
            throw new InvalidIdentifierException(problem.about("insz.", masked(text.trim())));
        }
        return new Insz(digits);
    }

    /** What is wrong with eleven would-be digits, or null when they are a valid INSZ. */
    private static Reason problem(String digits) {
        if (digits == null || !Digits.allDigits(digits)) {
            return Reason.of("characters");
        }
        if (digits.length() != 11) {
            return Reason.of("length", digits.length());
        }
        if (!validMonth(Integer.parseInt(digits.substring(2, 4)))) {
            return Reason.of("month", digits.substring(2, 4));
        }
        int actual = Integer.parseInt(digits.substring(9));
        long firstNine = Long.parseLong(digits.substring(0, 9));
        if (actual != checkDigits(firstNine, false) && actual != checkDigits(firstNine, true)) {
            return Reason.of("check", digits.substring(9));
        }
        return null;
    }

    static int checkDigits(long firstNine, boolean bornIn2000OrLater) {
        long base = bornIn2000OrLater ? 2_000_000_000L + firstNine : firstNine;
        return (int) (97 - base % 97);
    }

    private static boolean validMonth(int month) {
        int calendarMonth = month >= 40 ? month - 40 : month >= 20 ? month - 20 : month;
        return calendarMonth <= 12;
    }

    /** True when the check digits are those of someone born in 2000 or later. */
    public boolean bornIn2000OrLater() {
        return Integer.parseInt(digits.substring(9)) == checkDigits(Long.parseLong(digits.substring(0, 9)), true);
    }

    /** A BIS number: someone not (or not yet) in the national register; the month is raised by 20 or 40. */
    public boolean isBis() {
        return Integer.parseInt(digits.substring(2, 4)) >= 20;
    }

    /** {@code 85.07.30-033.28}: the full number, for operators' exports only. */
    public String formatted() {
        return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "-"
                + digits.substring(6, 9) + "." + digits.substring(9);
    }

    /** {@code 85.07.30-xxx.28}: what coordinators' reports and logs show. */
    public String masked() {
        return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "-xxx."
                + digits.substring(9);
    }

    private static final java.util.regex.Pattern IN_TEXT =
            java.util.regex.Pattern.compile("(?<!\\d)(\\d{2})\\.?(\\d{2})\\.?(\\d{2})[- ]?\\d{3}\\.?(\\d{2})(?!\\d)");

    /**
     * The text with every national number in it, written with or without dots and dash, masked ({@code 85.07.30-xxx.28}):
     * for text that leaves the back office (an e-mail) and may quote one.
     */
    public static String maskedIn(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll("$1.$2.$3-xxx.$4");
    }

    /**
     * Masks whatever text was given as an INSZ, valid or not, for messages about it: the seventh to ninth
     * digits (the serial number) are replaced by x, and a very long value is cut.
     */
    static String masked(String text) {
        if (text == null) {
            return "(empty)";
        }
        String digits = Digits.strip(text);
        if (digits.length() == 11 && Digits.allDigits(digits)) {
            return "'" + digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "-xxx."
                    + digits.substring(9) + "'";
        }
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        StringBuilder masked = new StringBuilder(shown);
        int seen = 0;
        for (int i = 0; i < masked.length(); i++) {
            if (Character.isDigit(masked.charAt(i))) {
                seen++;
                if (seen > 6) {
                    masked.setCharAt(i, seen <= 9 || seen > 11 ? 'x' : masked.charAt(i));
                }
            }
        }
        return "'" + masked + "'";
    }

    @Override
    public int compareTo(Insz other) {
        return digits.compareTo(other.digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
