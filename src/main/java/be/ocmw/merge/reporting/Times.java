package be.ocmw.merge.reporting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one clock people read: every moment a page, a report, a mail or the console shows is Belgian time
 * (Europe/Brussels), written {@code dd/MM/yyyy HH:mm} in every language. Moments are stored with their offset
 * (PostgreSQL's timestamptz) or, in Spring Batch's tables, as the machine's local time; both are shown the same way.
 * Machine output (summary.json, metrics, the health) keeps ISO 8601 with its offset.
 */
public final class Times {

    /** Where the people who read ocmw-merge live. */
    public static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private Times() {
    }

    /** A moment as people read it, in Belgian time; empty for none. */
    public static String moment(OffsetDateTime at) {
        return at == null ? "" : MOMENT.format(at.atZoneSameInstant(BELGIUM));
    }

    public static String moment(Instant at) {
        return at == null ? "" : MOMENT.format(at.atZone(BELGIUM));
    }

    /** A moment written as the machine's local time without zone (Spring Batch's tables, {@code LocalDateTime.now()}). */
    public static String moment(LocalDateTime machineLocal) {
        return machineLocal == null ? "" : MOMENT.format(machineLocal.atZone(ZoneId.systemDefault()).withZoneSameInstant(BELGIUM));
    }

    /** Any of the above (for templates, which cannot choose an overload). */
    public static String moment(Object at) {
        if (at instanceof OffsetDateTime offset) {
            return moment(offset);
        }
        if (at instanceof Instant instant) {
            return moment(instant);
        }
        if (at instanceof LocalDateTime local) {
            return moment(local);
        }
        if (at instanceof java.time.ZonedDateTime zoned) {
            return moment(zoned.toOffsetDateTime());
        }
        return at == null ? "" : String.valueOf(at);
    }
}
