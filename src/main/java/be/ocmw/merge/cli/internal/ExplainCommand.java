package be.ocmw.merge.cli.internal;

import be.ocmw.merge.audit.AuditTrail;
import be.ocmw.merge.audit.ExitCode;
import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.dossiers.DossierRef;
import be.ocmw.merge.dossiers.DossierStory;
import be.ocmw.merge.merger.StoredPlans;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.ReportText;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain from what the engine stored what the merger does (or did) to one dossier: its predecessor "
                + "or successor, the closing and reopening dates, the run and the audit rows.")
class ExplainCommand extends DatabaseCommand {

    @Parameters(index = "0", paramLabel = "MERGER", description = "The merger's id or name (see mergers list).")
    String merger;

    @Option(names = "--dossier", paramLabel = "KBO/REFERENCE", required = true,
            description = "The dossier: the KBO it is registered under and its reference there (0212.978.247/GAL-0014).")
    String dossier;

    @Option(names = "--lang", paramLabel = "nl|fr|en", defaultValue = "en",
            description = "The language of the explanation: en (default, as the console), nl or fr.")
    String language;

    @Mixin
    RegistryOption registry;

    private DossierRef ref;

    @Override
    protected void checkArguments() {
        merger = MergerNames.resolve(registry, merger);
        int slash = dossier.indexOf('/');
        if (slash <= 0 || slash == dossier.length() - 1) {
            throw new UsageException("--dossier " + dossier + ": name it as KBO/REFERENCE, e.g. 0212.978.247/GAL-0014");
        }
        try {
            ref = new DossierRef(Kbo.parse(dossier.substring(0, slash)).digits(), dossier.substring(slash + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dossier " + dossier + ": " + e.getMessage());
        }
        if (!language.equals("en")) {
            try {
                ReportText.language(language);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        Merger found = MergerCommands.merger(context, merger);
        Long rows = context.getBean(StoredPlans.class).latestRows(found).orElse(null);
        PrintWriter out = out();
        var explanation = context.getBean(DossierStory.class).explain(found, ref, rows);
        if (explanation.isEmpty()) {
            out.println("Dossier " + ref.label() + " was not found: there is no such dossier loaded (load dossiers FILE "
                    + "loads the social software's export).");
            out.flush();
            return ExitCode.DONE;
        }
        DossierStory.Explanation story = explanation.get();
        out.printf("Dossier %s (%s), from %s%s%n", ref.label(), story.type(), story.start(),
                story.end() == null ? ", running" : " to " + story.end());
        ReportText text = language.equals("en") ? null : ReportText.of(ReportText.language(language));
        story.story().forEach(reason -> out.println("  " + (text == null ? reason.english() : text.reason(reason))));
        if (!story.audit().isEmpty()) {
            out.println("Audit trail:");
            for (AuditTrail.Entry entry : story.audit()) {
                out.printf("  #%d %s %s by run %d (%s)%n", entry.id(),
                        AuditCommand.TIME.format(entry.at().atZoneSameInstant(be.ocmw.merge.audit.Consultations.ZONE)),
                        entry.action(), entry.run(), entry.command());
            }
        }
        out.flush();
        return ExitCode.DONE;
    }
}
