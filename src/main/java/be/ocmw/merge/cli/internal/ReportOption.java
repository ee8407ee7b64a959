package be.ocmw.merge.cli.internal;

import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.reporting.ReportText;
import picocli.CommandLine.Option;

/** {@code --lang nl|fr} and {@code --full-insz}, for the commands that write coordinator reports. */
class ReportOption {

    @Option(names = "--lang", paramLabel = "nl|fr", defaultValue = "nl",
            description = "The language of the reports: nl (default) or fr.")
    String language;

    @Option(names = "--full-insz", description = "Show national numbers in full in the reports (masked by default).")
    boolean fullInsz;

    ReportOptions options() {
        try {
            return new ReportOptions(ReportText.language(language), fullInsz);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
