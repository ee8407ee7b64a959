package be.ocmw.merge.input;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.domain.BelgianDates;
import be.ocmw.merge.domain.Insz;

import java.time.LocalDate;
import java.util.Optional;

/** Reading typed values out of cell text, as generously as real files need. */
public final class Cells {

    private Cells() {
    }

    /**
     * An INSZ in any notation. A number that Excel stored as a number lost its leading zeros (people born in
     * 2000–2009): nine or ten digits that become a valid INSZ with them are taken as that INSZ.
     */
    public static Insz insz(String text) {
        String digits = withoutSeparators(text);
        if ((digits.length() == 9 || digits.length() == 10) && digits.chars().allMatch(Character::isDigit)) {
            String padded = "0".repeat(11 - digits.length()) + digits;
            try {
                return new Insz(padded);
            } catch (IllegalArgumentException e) {
                // not a number that lost its zeros: let parse explain what is wrong
            }
        }
        return Insz.parse(text);
    }

    /** The text without the dots, dashes, slashes and spaces people write between an INSZ's digits. */
    private static String withoutSeparators(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '-' && c != '/' && c != ' ') {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /**
     * A date written as {@code 2024-03-01} or {@code 01/03/2024}; an Excel date that lost its format (a
     * serial number such as 45292) is read as the day it stands for.
     */
    public static Optional<LocalDate> date(String text) {
        Optional<LocalDate> date = BelgianDates.parse(text);
        if (date.isPresent()) {
            return date.filter(BelgianDates::accepted);
        }
        if (text.length() == 5 && text.chars().allMatch(Character::isDigit)) {
            int serial = Integer.parseInt(text);
            if (serial > 20000 && serial < 80000) {
                return Optional.of(LocalDate.of(1899, 12, 30).plusDays(serial));
            }
        }
        return Optional.empty();
    }


    /** Why {@link #date} gives nothing for this text, in plain words. */
    public static Reason dateProblem(String text) {
        if (text.isEmpty()) {
            return Reason.of("date.empty");
        }
        if (BelgianDates.parse(text).isPresent()) {
            return Reason.of("date.range", shorten(text), BelgianDates.FIRST_YEAR, BelgianDates.LAST_YEAR);
        }
        return Reason.of("date.shape", shorten(text));
    }

    /** Whether the text has the shape of an e-mail address (and a sane length). */
    public static boolean isEmail(String text) {
        // the shape of [^@\s]+@[^@\s]+\.[^@\s.]+ without a regular expression: every row of an export asks
        if (text.length() > 254) {
            return false;
        }
        int at = -1;
        int lastDot = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c == '.') {
                lastDot = i;
            } else if (isRegexSpace(c)) {
                return false;
            }
        }
        return at > 0 && lastDot > at + 1 && lastDot < text.length() - 1;
    }

    /** What {@code \\s} matches in a Java regular expression. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** A value as it can be quoted in a message: a 5 000-character cell is cut at 40 characters. */
    public static String shorten(String text) {
        return be.ocmw.merge.domain.Readable.shorten(text);
    }

    /** A value written by a spreadsheet-safe export: the apostrophe that neutralised a formula is removed. */
    public static String unneutralised(String text) {
        if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }

    /** The most characters a spreadsheet cell holds (Excel's limit, which POI enforces). */
    public static final int MAX_CELL = 32_767;

    /** A value no spreadsheet will execute: a leading =, +, -, @, tab or carriage return gets an apostrophe. */
    public static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * A value for a cell of an .xlsx report: {@link #neutralised}, and a text longer than a cell holds cut, saying so and
     * how long it was, so that a stored value never makes a report fail.
     */
    public static String forCell(String text) {
        String safe = neutralised(text);
        if (safe.length() > MAX_CELL) {
            int end = Character.isHighSurrogate(safe.charAt(32_000 - 1)) ? 32_000 - 1 : 32_000;
            return safe.substring(0, end) + "… (" + String.format("%,d", text.length()) + " characters, cut to fit a cell)";
        }
        return safe;
    }
}
