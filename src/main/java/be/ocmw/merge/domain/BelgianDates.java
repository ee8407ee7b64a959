package be.ocmw.merge.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as Belgian files write them: ISO {@code 2024-03-01} or {@code 01/03/2024} (day first). */
public final class BelgianDates {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");

    /**
     * The years a date in a file (or the registry) may have. The dates read are of dossiers, requests, submissions
     * and mergers, none from before 1900 (a birth date is part of an INSZ, never read as a date), and 31/12/9999 is
     * how many systems write "no end"; PostgreSQL cannot store year 0, so a wider range would only move
     * the refusal from the row to the database.
     */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;

    private BelgianDates() {
    }

    /** Whether the date is within the years that are accepted. */
    public static boolean accepted(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    /** The date, or empty when the text is neither notation or names no real day (31/02/2024). */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            Matcher iso = ISO.matcher(value);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher dayFirst = DAY_FIRST.matcher(value);
            if (dayFirst.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(dayFirst.group(3)),
                        Integer.parseInt(dayFirst.group(2)), Integer.parseInt(dayFirst.group(1))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
