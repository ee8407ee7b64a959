package be.ocmw.merge.intake.internal;

/** An administrator row of a submission that passed every check. */
public record StagedAdministrator(long loadFileId, int sourceRow, String role, String domain, String insz,
                                  String lastName, String firstName, String email, String language, String phone) {
}
