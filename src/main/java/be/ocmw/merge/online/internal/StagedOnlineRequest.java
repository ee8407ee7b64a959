package be.ocmw.merge.online.internal;

import java.time.LocalDate;

/** A request row that passed every check, waiting in the staging table for the merge. */
public record StagedOnlineRequest(long loadFileId, int sourceRow, String reference, LocalDate submittedOn, String kbo,
                                  boolean read) {
}
