package be.ocmw.merge.audit;

import java.util.Map;

/**
 * One audited act on one row, as a writer hands it to {@link AuditWriter}: the run that did it, the table and the row's
 * key (as the table's owner names its rows), what happened, and the row before ({@code null} for an insert) and after
 * ({@code null} for a delete), as JSON objects.
 */
public record AuditEntry(long run, String table, String key, AuditAction action, Map<String, Object> before,
                         Map<String, Object> after) {

    public AuditEntry {
        if (table == null || table.isBlank() || key == null || action == null) {
            throw new IllegalArgumentException("an audit entry names its table, its row and what happened");
        }
        if ((action == AuditAction.INSERT) != (before == null) || (action == AuditAction.DELETE) != (after == null)) {
            throw new IllegalArgumentException("an " + action + " of " + table + "/" + key + " has "
                    + (before == null ? "no row before" : "a row before") + " and " + (after == null ? "none after" : "one after"));
        }
    }
}
