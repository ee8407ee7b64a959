package be.ocmw.merge.access.internal;

/** An account row that passed every check, written into its snapshot as it is read. */
public record AccountRow(long snapshotId, String kbo, String domain, int sourceRow, String username, String lastName,
                         String firstName, String role, String insz, String status, String email, String language,
                         String[] applications) {
}
