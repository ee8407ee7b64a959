package be.ocmw.merge.intake.internal;

/** A row of a workbook's Gebruikers sheet that passed every check: an account as loaded and what is decided for it. */
public record StagedReview(long loadFileId, int sourceRow, String domain, String username, String decision,
                           String[] applications, String remark) {
}
