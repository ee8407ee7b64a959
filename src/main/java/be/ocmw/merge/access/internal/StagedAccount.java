package be.ocmw.merge.access.internal;

/** An account row that passed every check, waiting in the staging table for its snapshot. */
public record StagedAccount(long loadFileId, int sourceRow, String username, String lastName, String firstName,
                            String role, String insz, String status, String email, String language,
                            String[] applications) {
}
