package be.ocmw.merge.cli.internal;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.reconciliation.MergerDrift;
import be.ocmw.merge.reconciliation.ReconcileRuns;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.stream.Collectors;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Report the drift of every applied merger (or one) since its apply: accounts, grants, dossiers and "
                + "requests still under the old OCMWs. With --apply-safe also apply the additive corrections (never removes "
                + "or blocks), unless they are more than the threshold allows: then nothing changes and the exit code is 4.")
class ReconcileCommand extends DatabaseCommand {

    @Parameters(paramLabel = "MERGER", arity = "0..1", description = "Only this merger (default: every applied merger).")
    String merger;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where reconciliation-summary.json and reconciliation.xlsx go.")
    Path out;

    @Option(names = "--apply-safe", description = "Apply the additive corrections too.")
    boolean applySafe;

    @Option(names = "--lang", paramLabel = "nl|fr", defaultValue = "nl",
            description = "The language of reconciliation.xlsx: nl (default) or fr.")
    String language;

    @Mixin
    RegistryOption registry;

    private java.util.Locale locale;

    @Override
    protected void checkArguments() {
        locale = Languages.of(spec, language);
        if (merger != null) {
            merger = MergerNames.resolve(registry, merger);
        }
        Outputs.folder(out);
    }

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        if (merger != null) {
            MergerCommands.merger(context, merger);
        }
        ReconcileRuns.Result result = context.getBean(ReconcileRuns.class).reconcile(merger, applySafe, out, run,
                be.ocmw.merge.reporting.ReportText.of(locale));
        if (result.mergers().isEmpty()) {
            out().println("No applied merger to reconcile.");
        }
        for (MergerDrift m : result.mergers()) {
            String counts = m.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            out().printf("%s: %s%n", m.merger(), m.drift().isEmpty() ? "no drift" : m.drift().size() + " drift (" + counts + ")");
            if (applySafe) {
                out().printf("  %s%n", m.refused() != null ? "NOT corrected: " + m.refused().english()
                        : m.corrected() + " of " + m.corrections() + " safe corrections applied");
            }
        }
        out().println("Reports: " + result.summary() + ", " + result.workbook());
        out().flush();
        return result.refused() ? ExitCode.BLOCKED : ExitCode.DONE;
    }
}
