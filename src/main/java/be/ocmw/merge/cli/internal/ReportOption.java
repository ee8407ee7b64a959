package be.ocmw.merge.cli.internal;

import be.ocmw.merge.audit.Consultation;
import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.merger.ReportOptions;
import be.ocmw.merge.reporting.ReportText;
import picocli.CommandLine.Option;

import java.util.Locale;

/** {@code --lang nl|fr}, {@code --full-insz} and its {@code --reason}, for the commands that write coordinator reports. */
class ReportOption {

    @Option(names = "--lang", paramLabel = "nl|fr", defaultValue = "nl",
            description = "The language of the reports: nl (default) or fr.")
    String language;

    @Option(names = "--full-insz", description = "Show national numbers in full in the reports (masked by default); "
            + "needs --reason, and is logged as a consultation of personal data (audit consultations).")
    boolean fullInsz;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why the national numbers are needed in full (with --full-insz): kept in the consultation log.")
    String reason;

    /** Checked before anything starts: full INSZ without a reason are refused as a usage error. */
    void check() {
        if (fullInsz && (reason == null || reason.isBlank())) {
            throw new UsageException("--full-insz needs --reason \"…\": why the national numbers are needed in full "
                    + "(it is logged with who and when, as every consultation of personal data)");
        }
        language();
    }

    ReportOptions options(be.ocmw.merge.domain.Actor actor) {
        check();
        Locale locale = language();
        return fullInsz ? ReportOptions.full(locale, new ReportOptions.Disclosure(actor, Consultation.Channel.COMMAND_LINE,
                reason)) : new ReportOptions(locale, false);
    }

    private Locale language() {
        try {
            return ReportText.language(language);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
