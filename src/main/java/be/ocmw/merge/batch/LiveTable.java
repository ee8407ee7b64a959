package be.ocmw.merge.batch;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A table a one-file load keeps up to date from its staging table: rows are found by {@code keys}, their content is
 * {@code values}; an audit row names a row by its keys joined with '/' and holds its keys and values. The names are
 * the owning module's constants, never input.
 *
 * @param createdBy the column that records the run that inserted a row, or null
 * @param updatedBy the column that records the run that last changed a row, or null
 */
public record LiveTable(String name, String staging, List<String> keys, List<String> values, String createdBy,
                        String updatedBy) {

    public LiveTable {
        Objects.requireNonNull(name);
        Objects.requireNonNull(staging);
        keys = List.copyOf(keys);
        values = List.copyOf(values);
    }

    /** {@code alias.key = other.key and …}. */
    String keysEqual(String alias, String other) {
        return keys.stream().map(k -> alias + "." + k + " = " + other + "." + k).collect(Collectors.joining(" and "));
    }

    /** {@code alias.v1, alias.v2, …}, or the bare names when {@code alias} is empty. */
    String valuesOf(String alias) {
        return columns(values, alias);
    }

    /** Keys and values, as a list of columns of {@code alias} (bare when empty). */
    String allOf(String alias) {
        return columns(all(), alias);
    }

    /** The audit trail's name of a row: its keys joined with '/'. */
    String rowKey() {
        return String.join(" || '/' || ", keys);
    }

    /** The row as the audit trail holds it: {@code jsonb_build_object('k', alias.k, …)}. */
    String asJson(String alias) {
        return all().stream().map(c -> "'" + c + "', " + qualified(c, alias))
                .collect(Collectors.joining(", ", "jsonb_build_object(", ")"));
    }

    private List<String> all() {
        return Stream.concat(keys.stream(), values.stream()).toList();
    }

    private static String columns(List<String> columns, String alias) {
        return columns.stream().map(c -> qualified(c, alias)).collect(Collectors.joining(", "));
    }

    private static String qualified(String column, String alias) {
        return alias.isEmpty() ? column : alias + "." + column;
    }
}
