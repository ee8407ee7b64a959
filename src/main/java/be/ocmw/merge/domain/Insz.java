package be.ocmw.merge.domain;

import java.util.ArrayList;
import java.util.List;

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

    /** How many separator characters may stand between two digits of one number ("85 . 07", "85 - 07"). */
    private static final int SEPARATORS = 3;

    /**
     * The text with every run of digits that may be a national number masked: eleven digits (of any script: full-width
     * and other Unicode digits count) written with any separators (dots, dashes, slashes, spaces of any kind, up to
     * three between two digits) have their 7th to 9th digit replaced by x ({@code 85.07.30-xxx.28}); a longer run (two
     * numbers typed one after the other) keeps only its first six and last two digits. Everything else is left as it
     * is: for text that somebody typed and the engine shows or sends on (a search echoed, a comment, a reason, a command
     * line, an e-mail). KBO numbers (ten digits) and dates stay readable.
     */
    public static String maskedIn(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder masked = null;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            // a run: digits joined by short stretches of separators
            List<Integer> digits = new ArrayList<>();
            int end = i;
            int at = i;
            while (at < text.length()) {
                int cp = text.codePointAt(at);
                if (Character.isDigit(cp)) {
                    digits.add(at);
                    at += Character.charCount(cp);
                    end = at;
                    continue;
                }
                int gap = 0;
                int next = at;
                while (next < text.length() && gap < SEPARATORS && separator(text.codePointAt(next))) {
                    next += Character.charCount(text.codePointAt(next));
                    gap++;
                }
                if (gap == 0 || next >= text.length() || !Character.isDigit(text.codePointAt(next))) {
                    break;
                }
                at = next;
            }
            if (digits.size() >= 11) {
                if (masked == null) {
                    masked = new StringBuilder(text);
                }
                int last = digits.size() == 11 ? 8 : digits.size() - 3;
                for (int d = 6; d <= last; d++) {
                    int position = digits.get(d);
                    // a digit outside the basic plane is two chars: replaced by x and a harmless zero-width space
                    masked.setCharAt(position, 'x');
                    if (Character.charCount(text.codePointAt(position)) == 2) {
                        masked.setCharAt(position + 1, '\u200b');
                    }
                }
            }
            i = Math.max(end, i + 1);
        }
        return masked == null ? text : masked.toString();
    }

    /** A character people put between the digits of a number: spaces, dots, dashes, slashes, commas, underscores. */
    private static boolean separator(int cp) {
        return switch (Character.getType(cp)) {
            case Character.SPACE_SEPARATOR, Character.DASH_PUNCTUATION, Character.CONNECTOR_PUNCTUATION -> true;
            case Character.OTHER_PUNCTUATION -> cp != ':' && cp != ';' && cp != '!' && cp != '?' && cp != '"'
                    && cp != '\'' && cp != '\uff1a' && cp != '\uff1b';
            default -> cp == '\t';
        };
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
