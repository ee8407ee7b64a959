package be.ocmw.merge.input;

import be.ocmw.merge.domain.Reason;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each column of a format stands in a file's header row. Names match whatever their case, accents,
 * spacing or punctuation ({@code Prénom} = {@code prenom}, {@code E-mailadres} = {@code E-mail adres}).
 * Columns that look like passwords are never read; other extra columns are ignored and named.
 */
public final class Header {

    private static final Pattern PASSWORD = Pattern.compile(".*(wachtwoord|paswoord|password|passwd|mot ?de ?passe|mdp|pwd).*");

    private final Map<Column, Integer> positions;
    /** The same positions looked up by the format's own column constants: every cell of every row asks. */
    private final Map<Column, Integer> byIdentity;
    private final List<String> ignored;
    private final List<String> passwordColumns;

    private Header(Map<Column, Integer> positions, List<String> ignored, List<String> passwordColumns) {
        this.positions = positions;
        this.byIdentity = new IdentityHashMap<>(positions);
        this.ignored = ignored;
        this.passwordColumns = passwordColumns;
    }

    /**
     * Matches a header row to the columns of a format.
     *
     * @throws UnreadableFileException naming every required column that is missing and the headers found
     */
    public static Header match(Path file, String sheet, List<String> cells, List<Column> columns) {
        Map<String, Column> byKey = new HashMap<>();
        for (Column column : columns) {
            byKey.put(key(column.name()), column);
            column.aliases().forEach(alias -> byKey.put(key(alias), column));
        }
        Map<Column, Integer> positions = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            if (cell.indexOf('\0') >= 0) {
                throw new UnreadableFileException(file, where(sheet, Reason.of("header.nul", i + 1)));
            }
            String key = key(cell);
            Column column = byKey.get(key);
            if (PASSWORD.matcher(key).matches()) {
                passwords.add(Cells.shorten(cell));
            } else if (column == null) {
                ignored.add(Cells.shorten(cell));
            } else if (positions.putIfAbsent(column, i) != null) {
                throw new UnreadableFileException(file, where(sheet, Reason.of("header.twice", column.name())));
            }
        }
        List<String> missing = columns.stream().filter(Column::required).filter(c -> !positions.containsKey(c))
                .map(c -> "'" + c.name() + "'" + (c.aliases().isEmpty() ? "" : " (or '" + c.aliases().get(0) + "')"))
                .toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFileException(file, where(sheet, Reason.of(missing.size() > 1 ? "header.missing.many" : "header.missing.one",
                    String.join(", ", missing), String.join(", ", cells.stream().filter(c -> !c.isEmpty())
                    .map(Cells::shorten).toList()))));
        }
        return new Header(positions, ignored, passwords);
    }

    /** The reason, said of the sheet when the file has sheets. */
    private static Reason where(String sheet, Reason reason) {
        return sheet == null ? reason : Reason.of("in.sheet", sheet).then(reason);
    }

    /** Whether a header (or a label) names a password: such a column is never read, nor copied anywhere. */
    public static boolean looksLikePassword(String name) {
        return PASSWORD.matcher(key(name)).matches();
    }

    /** Lower case, no accents, only letters and digits: the form in which header names are compared. */
    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The value of a column in a row, "" when the column is absent from this file. */
    public String value(SourceRow row, Column column) {
        Integer position = byIdentity.get(column);
        if (position == null) {
            position = positions.get(column);
        }
        return position == null ? "" : row.cell(position);
    }

    /** The format's columns this file has, in the order of the header. */
    public java.util.Set<Column> columns() {
        return java.util.Collections.unmodifiableSet(positions.keySet());
    }

    /** Extra columns this format does not have: ignored. */
    public List<String> ignored() {
        return List.copyOf(ignored);
    }

    /** Columns that look like passwords: never read. */
    public List<String> passwordColumns() {
        return List.copyOf(passwordColumns);
    }
}
