package be.ocmw.merge.batch;

import be.ocmw.merge.domain.Reason;
import java.nio.file.Path;

/**
 * A file that a load or intake job reads, and what became of it. {@code name} is how reports call it
 * (relative to the folder that was loaded). {@code problem} is why it was refused in English (the console's),
 * {@code problemReason} the same in words for every report language.
 */
public record LoadFile(long id, String kind, Path path, String name, String kbo, String domain, String sha256,
                       String status, String problem, Reason problemReason, Integer headerRow, Integer lastRow, String ignoredColumns,
                       int accepted, int rejected, int inserted, int updated, int removed,
                       String passwordColumns, Long snapshotId) {

    public boolean refused() {
        return "REJECTED".equals(status);
    }

    /** Rows between the header and the last row that were neither accepted nor rejected: empty ones. */
    public int emptyRows() {
        if (headerRow == null || lastRow == null) {
            return 0;
        }
        return Math.max(0, lastRow - headerRow - accepted - rejected);
    }
}
