package be.ocmw.merge.database;

import java.util.List;

/**
 * What a feature holds, counted for {@code status}: each feature counts its own tables and {@link DatabaseStatus} lists
 * them all, in the order of their positions, without reading a table of theirs.
 */
public interface Counted {

    /** One count: where it stands in the list, what it counts (as {@code status} prints it), how many. */
    record Count(int position, String label, long rows) {
    }

    List<Count> counts();
}
