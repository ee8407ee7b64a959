package be.ocmw.merge.dossiers.internal;

import java.time.LocalDate;

/** A dossier row that passed every check, waiting in the staging table for the merge. */
public record StagedDossier(long loadFileId, int sourceRow, String kbo, String reference, String type, String insz,
                            LocalDate startDate, LocalDate endDate) {
}
