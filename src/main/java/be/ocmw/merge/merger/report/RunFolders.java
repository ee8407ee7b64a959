package be.ocmw.merge.merger.report;

import be.ocmw.merge.merger.model.RunMode;

import be.ocmw.merge.reporting.ReportFiles;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the reports of one run go: a folder of its own under the merger's, named after the plan it reports
 * ({@code 000042-plan}, {@code 000043-apply}: in the order they were made) or, for a plan that was not stored (a
 * BLOCKED apply), the moment ({@code 20261202-101500-plan}). A folder whose reports are complete is never written into
 * again: the next one gets a suffix ({@code 000042-plan-2}, from another database on the same folder).
 */
final class RunFolders {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolders() {
    }

    /** The folder the reports of plan {@code planId} in {@code mode} would be written into first. */
    static Path of(Path merger, Long planId, RunMode mode) {
        String name = planId != null ? String.format("%06d", planId) : MOMENT.format(LocalDateTime.now());
        return merger.resolve(name + "-" + mode.file());
    }

    /**
     * The folder for the reports of one run, in which no complete report was ever written (its writer creates it: a
     * folder that cannot be made fails the reports, not what they report on).
     */
    static Path choose(Path merger, Long planId, RunMode mode) {
        return ReportFiles.unused(of(merger, planId, mode), "summary.json");
    }
}
