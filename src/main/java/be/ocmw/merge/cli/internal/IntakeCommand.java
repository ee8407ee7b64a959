package be.ocmw.merge.cli.internal;

import be.ocmw.merge.batch.LoadFile;
import be.ocmw.merge.batch.Rejection;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.intake.Intake;
import be.ocmw.merge.intake.IntakeReports;
import be.ocmw.merge.intake.IntakeResult;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

@Command(name = "intake", mixinStandardHelpOptions = true,
        description = "Read every HTB submission workbook (*.xlsx) in DIR: check each row, keep the latest submission "
                + "per OCMW, record disagreements and missing or late submissions for the planner.")
class IntakeCommand extends DatabaseCommand {

    @Override
    protected boolean createsDatabase() {
        return true;
    }

    @Parameters(paramLabel = "DIR", description = "The folder with the submission workbooks.")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write intake-summary.json, intake-report.xlsx and an annotated <name>.checked.xlsx per workbook here.")
    Path out;

    @Option(names = "--lang", paramLabel = "nl|fr", defaultValue = "nl",
            description = "The language of intake-report.xlsx and the annotated copies: nl (default) or fr.")
    String language;

    @Mixin
    RegistryOption registry;

    private Locale locale;

    @Override
    protected void checkArguments() {
        locale = Languages.of(spec, language);
        if (out != null) {
            Outputs.folder(out);
        }
    }

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        IntakeResult result = context.getBean(Intake.class).intake(dir, run);
        PrintWriter print = out();
        if (result.load().alreadyLoaded()) {
            print.println("These exact workbooks were taken in before: nothing to do. What that intake did:");
        }
        print.println("Intake of " + dir + ": " + result.load().files().size() + " workbook(s)");
        for (LoadFile file : result.load().files()) {
            if (file.refused()) {
                print.println("  " + file.name() + ": NOT TAKEN IN, nothing from it was loaded. " + file.problem());
                continue;
            }
            var submission = result.submissions().stream().filter(s -> s.file().equals(file.name())).findFirst();
            StringBuilder line = new StringBuilder("  " + file.name() + ": ");
            submission.ifPresent(s -> line.append(s.ocmw()).append(" (").append(new be.ocmw.merge.domain.Kbo(s.kbo())).append(") for ").append(s.merger())
                    .append(", submitted ").append(s.submittedOn()).append(s.late() ? " (LATE)" : "")
                    .append(s.current() ? "" : ", superseded by a later submission").append("; "));
            line.append(file.accepted() + file.rejected()).append(" rows, ").append(file.accepted()).append(" accepted, ")
                    .append(file.rejected()).append(" rejected");
            if ("UNCHANGED".equals(file.status())) {
                line.append(" (taken in before)");
            }
            print.println(line);
            if (file.passwordColumns() != null) {
                print.println("      column(s) that look like passwords were not read: " + file.passwordColumns());
            }
        }
        if (result.load().rejectionCount() > 0) {
            print.println("Rejected rows:");
            for (Rejection rejection : result.load().rejections()) {
                print.println("  " + rejection.describe());
            }
            if (result.load().rejectionCount() > result.load().rejections().size()) {
                print.println("  … and " + (result.load().rejectionCount() - result.load().rejections().size()) + " more");
            }
        }
        if (!result.findings().isEmpty()) {
            print.println("Findings for the planner:");
            for (IntakeResult.Finding finding : result.findings()) {
                print.printf("  %-12s %-9s %-19s %s%n", finding.merger(), finding.severity(), finding.code(), finding.detail());
            }
        }
        int rows = result.load().accepted() + result.load().rejected();
        print.println("Total: " + rows + " rows = " + result.load().accepted() + " accepted + " + result.load().rejected()
                + " rejected" + (result.load().anyFileRefused()
                ? "; " + result.load().refusedFiles().size() + " workbook(s) not taken in" : "") + ".");
        if (out != null) {
            List<Path> written = context.getBean(IntakeReports.class).write(result, out, ReportText.of(locale));
            print.println("Reports: " + written.get(0) + ", " + written.get(1) + ", and " + (written.size() - 2)
                    + " annotated copies (*.checked.xlsx) in " + out);
        }
        print.flush();
        return result.load().anyFileRefused() ? ExitCode.INPUT : ExitCode.DONE;
    }
}
