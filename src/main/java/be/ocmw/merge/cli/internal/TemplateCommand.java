package be.ocmw.merge.cli.internal;

import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.domain.Language;
import be.ocmw.merge.intake.ReviewWorkbooks;
import be.ocmw.merge.intake.SubmissionTemplate;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Registry;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"Without MERGER: write the blank HTB submission workbook to FILE (sheets Instructies, OCMW, "
                + "Beheerders; dropdowns for Rol and Taal).",
                "With MERGER: write DIR/<merger>/<KBO>-<name>.xlsx per participant, pre-filled from what is loaded "
                        + "(SPEC 4.5): sheet OCMW filled in, Beheerders with the OCMW's current administrators, Gebruikers "
                        + "with every account to review (INSZ masked), in the merger's language. After the apply: one "
                        + "workbook for the merged OCMW (Behouden/Blokkeren, Toepassingen intrekken)."})
class TemplateCommand extends DatabaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MERGER", description = "The merger's id or name (see mergers list).")
    String merger;

    @Option(names = "--out", paramLabel = "FILE|DIR", required = true,
            description = "Without MERGER the .xlsx file to write; with MERGER the folder to write into.")
    Path out;

    @Option(names = "--lang", paramLabel = "nl|fr", description = "With MERGER: the workbooks' language (default: the merger's).")
    String language;

    @Mixin
    RegistryOption registry;

    private Language lang;

    @Override
    protected void checkArguments() {
        if (merger == null) {
            if (language != null) {
                throw new UsageException("--lang goes with MERGER: the blank workbook is Dutch");
            }
            return;
        }
        merger = MergerNames.resolve(registry, merger);
        if (language != null) {
            lang = switch (language.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "nl" -> Language.DUTCH;
                case "fr" -> Language.FRENCH;
                default -> throw new UsageException("--lang " + language + ": nl or fr");
            };
        }
        if (Files.isRegularFile(out)) {
            throw new UsageException("--out " + out + " is a file: with MERGER it is the folder the workbooks go into");
        }
    }

    @Override
    protected Integer withoutDatabase() {
        if (merger != null) {
            return null;
        }
        SubmissionTemplate.write(Outputs.file(out));
        out().println("Wrote the blank HTB submission workbook to " + out);
        out().flush();
        return ExitCode.DONE;
    }

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        Merger found = context.getBean(Registry.class).current().find(merger).orElseThrow();
        boolean applied = context.getBean(StoredPlans.class).applied(found);
        List<ReviewWorkbooks.Written> written = context.getBean(ReviewWorkbooks.class).write(found, out, applied, lang);
        out().println((applied ? "The merger is applied: the merged OCMW's review workbook" : "The pre-filled workbooks")
                + " of " + found.id() + " (" + found.name() + "):");
        for (ReviewWorkbooks.Written workbook : written) {
            out().println("  " + workbook.file() + ": " + workbook.organisation().name() + " ("
                    + workbook.organisation().kbo().formatted() + "), " + workbook.accounts() + " account(s) to review"
                    + (workbook.merged() ? ", keep or block (its accounts are the merged OCMW's)" : ", copy or not"));
        }
        out().flush();
        return ExitCode.DONE;
    }
}
