package be.ocmw.merge.cli.internal;

import be.ocmw.merge.audit.Consultation;
import be.ocmw.merge.audit.Consultations;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.InvalidIdentifierException;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.dossiers.DossierRef;
import be.ocmw.merge.explain.Explanation;
import be.ocmw.merge.explain.Explanations;
import be.ocmw.merge.explain.PersonQuery;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain from what the engine stored why a person has (or will have, or does not have) their "
                + "access in the merged OCMW, or where a dossier went: the source accounts, the rule behind every "
                + "attribute, the plan and its approval, the apply run and its audit rows, and what changed since.",
                "INSZ are shown masked; a look-up by INSZ is recorded in the consultation log."})
class ExplainCommand extends DatabaseCommand {

    @Parameters(index = "0", paramLabel = "MERGER", description = "The merger's id or name (see mergers list).")
    String merger;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    static class Subject {

        @Option(names = "--insz", paramLabel = "INSZ", description = "The person's national number (with or without dots).")
        String insz;

        @Option(names = "--username", paramLabel = "USERNAME", description = "An account's username in one of the OCMWs.")
        String username;

        @Option(names = "--dossier", paramLabel = "KBO/REFERENCE",
                description = "A dossier: the KBO it is registered under and its reference there (0212.978.247/GAL-0014).")
        String dossier;
    }

    @Option(names = "--kbo", paramLabel = "KBO", description = "With --username: the OCMW whose account is meant, when "
            + "the username is used in several.")
    String kbo;

    @Option(names = "--lang", paramLabel = "en|nl|fr", defaultValue = "en",
            description = "The language of the explanation: en (default, as the console), nl or fr.")
    String language;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the explanation to this file (UTF-8); an "
            + "existing file is never overwritten.")
    Path file;

    @Option(names = "--reason", paramLabel = "TEXT", description = "With --insz: why you look the person up, kept in the "
            + "consultation log (default: \"(no reason given)\").")
    String reason;

    @Mixin
    ByOption by;

    @Mixin
    RegistryOption registry;

    private PersonQuery person;
    private DossierRef ref;
    private ReportText text;

    @Override
    protected void checkArguments() {
        merger = MergerNames.resolve(registry, merger);
        if (kbo != null && subject.username == null) {
            throw new UsageException("--kbo goes with --username: it says in which OCMW the username is meant");
        }
        if (subject.insz != null) {
            try {
                person = new PersonQuery.ByInsz(Insz.parse(subject.insz));
            } catch (InvalidIdentifierException e) {
                throw new UsageException("--insz is not a valid INSZ: " + e.getMessage());
            }
        } else if (subject.username != null) {
            if (subject.username.isBlank()) {
                throw new UsageException("--username: give the account's username");
            }
            try {
                person = new PersonQuery.ByUsername(subject.username, kbo == null ? null : Kbo.parse(kbo));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--kbo " + kbo + ": " + e.getMessage());
            }
        } else {
            ref = dossier(subject.dossier);
        }
        try {
            text = language.strip().equalsIgnoreCase("en") ? ReportText.of(Locale.ENGLISH)
                    : ReportText.of(ReportText.language(language));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lang " + language + ": en, nl or fr");
        }
        if (file != null) {
            Outputs.file(file);
            if (Files.exists(file)) {
                throw new UsageException("'" + file + "' given with --out exists: an explanation never overwrites a file; "
                        + "choose another name");
            }
        }
    }

    private static DossierRef dossier(String dossier) {
        int slash = dossier.indexOf('/');
        if (slash <= 0 || slash == dossier.length() - 1) {
            throw new UsageException("--dossier " + dossier + ": name it as KBO/REFERENCE, e.g. 0212.978.247/GAL-0014");
        }
        try {
            return new DossierRef(Kbo.parse(dossier.substring(0, slash)).digits(), dossier.substring(slash + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dossier " + dossier + ": " + e.getMessage());
        }
    }

    @Override
    protected String onBehalfOf() {
        return by.onBehalfOf();
    }

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) throws IOException {
        Merger found = MergerCommands.merger(context, merger);
        Explanations explanations = context.getBean(Explanations.class);
        Explanation explanation = ref != null ? explanations.dossier(found, ref, text)
                : explanations.person(found, person, text);
        if (person instanceof PersonQuery.ByInsz) {
            // A national number typed in full looks a person up: the network's rules log that, even when nobody is found.
            context.getBean(Consultations.class).record(Consultation.of(actor(),
                    Consultation.Channel.COMMAND_LINE, "explain --insz", found.id(), file == null ? null : file.toString(),
                    explanation.found() ? 1 : 0, Consultation.reasonOrNone(reason), run));
        }
        PrintWriter out = out();
        explanation.write(out);
        if (file != null) {
            StringWriter written = new StringWriter();
            explanation.write(new PrintWriter(written));
            try {
                Files.writeString(file, written.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                throw new UsageException("'" + file + "' given with --out appeared while explaining: it is not overwritten");
            }
            out.println("Written to " + file.toAbsolutePath().normalize());
            out.flush();
        }
        return ExitCode.DONE;
    }
}
