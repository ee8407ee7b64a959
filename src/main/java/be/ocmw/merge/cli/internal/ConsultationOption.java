package be.ocmw.merge.cli.internal;

import be.ocmw.merge.audit.Consultation;
import be.ocmw.merge.audit.Consultations;
import be.ocmw.merge.cli.UsageException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/**
 * {@code --reason} and {@code --by} of a command that hands out personal data in full (the exports): refused without a
 * reason, and recorded in the consultation log before the data is written.
 */
class ConsultationOption {

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the data is needed (required): kept in the "
            + "consultation log with who and when.")
    String reason;

    @picocli.CommandLine.Mixin
    ByOption by;

    void check() {
        if (reason == null || reason.isBlank()) {
            throw new UsageException("--reason \"…\" is required: the export holds personal data in full (national "
                    + "numbers, names), and every consultation is logged with who, when and why");
        }
    }

    void record(ConfigurableApplicationContext context, be.ocmw.merge.domain.Actor actor, String what, String file, long persons, long run) {
        context.getBean(Consultations.class).record(Consultation.of(actor, Consultation.Channel.COMMAND_LINE, what, null,
                file, persons, reason, run));
    }
}
