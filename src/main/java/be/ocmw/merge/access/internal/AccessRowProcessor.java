package be.ocmw.merge.access.internal;

import be.ocmw.merge.access.AccessFormat;
import be.ocmw.merge.domain.Role;
import be.ocmw.merge.batch.SourceItem;
import be.ocmw.merge.domain.InvalidIdentifierException;
import be.ocmw.merge.input.Cells;
import be.ocmw.merge.input.Column;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;
import java.util.Locale;

import static be.ocmw.merge.access.AccessFormat.APPLICATIONS;
import static be.ocmw.merge.access.AccessFormat.EMAIL;
import static be.ocmw.merge.access.AccessFormat.FIRST_NAME;
import static be.ocmw.merge.access.AccessFormat.INSZ;
import static be.ocmw.merge.access.AccessFormat.LANGUAGE;
import static be.ocmw.merge.access.AccessFormat.LAST_NAME;
import static be.ocmw.merge.access.AccessFormat.STATUS;
import static be.ocmw.merge.access.AccessFormat.TYPE;
import static be.ocmw.merge.access.AccessFormat.USERNAME;

/** Checks one row of a portal export against SPEC 4.1 and the file it is in (a domain or the HTB file). */
public class AccessRowProcessor implements ItemProcessor<SourceItem, AccountRow> {

    static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private long file = -1;
    private final Map<String, Integer> usernames = new HashMap<>();

    public AccessRowProcessor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AccountRow process(SourceItem item) {
        String lastName = item.required(LAST_NAME, MAX_NAME);
        String firstName = item.required(FIRST_NAME, MAX_NAME);
        String username = item.required(USERNAME, 100);
        if (hasWhitespace(username)) {
            throw item.reject(USERNAME, "username.space", Cells.shorten(username));
        }
        Integer first = firstRowOf(item, username);
        if (first != null && first != item.row().number()) {
            throw item.reject(USERNAME, "username.twice", username, first);
        }
        Role role = Role.parse(item.value(TYPE)).orElseThrow(() -> item.reject(TYPE, "access.type", Cells.shorten(item.value(TYPE)),
                AccessFormat.MAIN_ADMINISTRATORS));
        boolean mainFile = AccessFormat.MAIN_ADMINISTRATORS.equalsIgnoreCase(item.file().domain());
        if (mainFile && !role.organisationLevel()) {
            throw item.reject(TYPE, "access.main_only", AccessFormat.MAIN_ADMINISTRATORS, role.label());
        }
        if (!mainFile && role.organisationLevel()) {
            throw item.reject(TYPE, "access.organisation_level", role.label(), AccessFormat.MAIN_ADMINISTRATORS,
                    item.file().domain());
        }
        String insz = null;
        if (!item.value(INSZ).isEmpty()) {
            try {
                insz = Cells.insz(item.value(INSZ)).digits();
            } catch (InvalidIdentifierException e) {
                throw item.reject(INSZ, e.reason());
            }
        }
        String status = switch (item.value(STATUS).toLowerCase(Locale.ROOT)) {
            case "actief", "actif", "active", "actieve" -> "ACTIEF";
            case "geblokkeerd", "bloqué", "bloque", "blocked" -> "GEBLOKKEERD";
            default -> throw item.value(STATUS).isEmpty() ? item.reject(STATUS, "status.empty")
                    : item.reject(STATUS, "status.unknown", Cells.shorten(item.value(STATUS)));
        };
        String[] applications = applications(item.value(APPLICATIONS));
        if (mainFile && applications.length > 0) {
            throw item.reject(APPLICATIONS, "access.main_applications", AccessFormat.MAIN_ADMINISTRATORS);
        }
        if (java.util.Arrays.stream(applications).anyMatch(a -> a.length() > 200)) {
            throw item.reject(APPLICATIONS, "access.application_long", 200);
        }
        String email = item.value(EMAIL);
        if (!email.isEmpty() && !Cells.isEmail(email)) {
            throw item.reject(EMAIL, "email", Cells.shorten(email));
        }
        String language = language(item);
        usernames.put(username, item.row().number());
        return new AccountRow(item.file().snapshotId(), item.file().kbo(), item.file().domain(), item.row().number(),
                username, lastName, firstName, role.name(), insz, status, email.isEmpty() ? null : email, language,
                applications);
    }

    /**
     * The row that already uses this username in the same file, if any. A resumed load first learns the
     * usernames its earlier run already wrote into the snapshot.
     */
    private Integer firstRowOf(SourceItem item, String username) {
        if (item.file().id() != file) {
            file = item.file().id();
            usernames.clear();
            jdbc.sql("select username, source_row from account where snapshot_id = :snapshot")
                    .param("snapshot", item.file().snapshotId())
                    .query(rs -> {
                        usernames.put(rs.getString(1), rs.getInt(2));
                    });
        }
        return usernames.get(username);
    }

    private static boolean hasWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The application names, trimmed, without duplicates, sorted. */
    static String[] applications(String cell) {
        if (cell.isEmpty()) {
            return new String[0];
        }
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String name : cell.split("\\|")) {
            String trimmed = name.strip();
            if (!trimmed.isEmpty()) {
                names.add(trimmed);
            }
        }
        return names.toArray(String[]::new);
    }

    static String language(SourceItem item) {
        String value = item.value(LANGUAGE).toUpperCase(Locale.ROOT);
        return switch (value) {
            case "" -> null;
            case "NL", "NEDERLANDS", "DUTCH" -> "NL";
            case "FR", "FRANS", "FRANÇAIS", "FRANCAIS", "FRENCH" -> "FR";
            case "DE", "DUITS", "DEUTSCH", "ALLEMAND", "GERMAN" -> "DE";
            case "EN", "ENGELS", "ENGLISH", "ANGLAIS" -> "EN";
            default -> throw item.reject(LANGUAGE, "language", Cells.shorten(item.value(LANGUAGE)));
        };
    }
}
