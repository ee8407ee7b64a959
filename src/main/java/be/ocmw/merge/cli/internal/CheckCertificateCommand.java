package be.ocmw.merge.cli.internal;

import be.ocmw.merge.chaman.CertificateCheck;
import be.ocmw.merge.chaman.CertificateVerdict;
import be.ocmw.merge.chaman.Channel;
import be.ocmw.merge.domain.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Needs no database: answers at once. Exit 0 accepted, 4 refused (like a plan that cannot be applied), 3 unreadable. */
@Command(name = "check-certificate", mixinStandardHelpOptions = true,
        description = "Check a ChaMan channel certificate (.cer, X.509 DER or PEM) against ChaMan's rules; "
                + "exit 0 when accepted, 4 when a rule refuses it, 3 when the file cannot be read.")
class CheckCertificateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The certificate file.")
    Path file;

    @Option(names = "--channel", required = true, paramLabel = "ftp|rest",
            description = "The channel it is for: ftp (never self-signed) or rest (self-signed allowed).")
    String channel;

    @Option(names = "--lang", defaultValue = "nl", paramLabel = "nl|fr", description = "The language of the verdict (default nl).")
    String language;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Channel chosen;
        try {
            chosen = Channel.of(channel);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Locale locale = Languages.of(spec, language);
        CertificateVerdict verdict;
        try {
            verdict = new CertificateCheck(Clock.systemUTC()).check(file, chosen);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("ocmw-merge: " + e.getMessage());
            return ExitCode.INPUT;
        }
        spec.commandLine().getOut().println(verdict.describe(locale));
        spec.commandLine().getOut().flush();
        return verdict.accepted() ? ExitCode.DONE : ExitCode.BLOCKED;
    }
}
