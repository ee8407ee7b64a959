package be.ocmw.merge.cli.internal;

import be.ocmw.merge.batch.LoadFile;
import be.ocmw.merge.batch.LoadReport;
import be.ocmw.merge.batch.Rejection;
import be.ocmw.merge.domain.ExitCode;

import java.io.PrintWriter;

/** Prints what a load did, file by file, the rows it refused, and that the counts add up. */
final class LoadReportPrinter {

    private LoadReportPrinter() {
    }

    /** Prints the report and returns the exit code: 3 when a file was refused whole, 0 otherwise. */
    static int print(LoadReport report, PrintWriter out) {
        if (report.alreadyLoaded()) {
            out.println("This exact content was loaded before: nothing to do. What that load did:");
        }
        for (LoadFile file : report.files()) {
            if (file.refused()) {
                out.println("  " + file.name() + ": NOT LOADED, nothing from it was taken in. " + file.problem());
                continue;
            }
            int unchanged = file.accepted() - file.inserted() - file.updated();
            StringBuilder line = new StringBuilder("  " + file.name() + ": " + (file.accepted() + file.rejected())
                    + " rows, " + file.accepted() + " accepted");
            if ("UNCHANGED".equals(file.status())) {
                line.append(" (same content as the current snapshot: nothing changed)");
            } else {
                line.append(" (").append(file.inserted()).append(" new, ").append(file.updated()).append(" changed, ")
                        .append(unchanged).append(" unchanged");
                if (file.removed() > 0) {
                    line.append(", ").append(file.removed()).append(" no longer present");
                }
                line.append(")");
            }
            line.append(", ").append(file.rejected()).append(" rejected");
            if (file.emptyRows() > 0) {
                line.append(", ").append(file.emptyRows()).append(" empty rows skipped");
            }
            out.println(line);
            if (file.ignoredColumns() != null) {
                out.println("      columns ignored (not part of the format): " + file.ignoredColumns());
            }
        }
        if (report.rejectionCount() > 0) {
            out.println("Rejected rows" + (report.rejectionCount() > report.rejections().size()
                    ? " (the first " + report.rejections().size() + " of " + report.rejectionCount() + ")" : "") + ":");
            for (Rejection rejection : report.rejections()) {
                out.println("  " + rejection.describe());
            }
        }
        int rows = report.accepted() + report.rejected();
        out.println("Total: " + rows + " rows = " + report.accepted() + " accepted + " + report.rejected()
                + " rejected" + (report.anyFileRefused() ? "; " + report.refusedFiles().size()
                + " file(s) not loaded (see above)" : "") + ".");
        out.flush();
        return report.anyFileRefused() ? ExitCode.INPUT : ExitCode.DONE;
    }
}
