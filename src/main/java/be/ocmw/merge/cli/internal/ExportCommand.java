package be.ocmw.merge.cli.internal;

import be.ocmw.merge.access.AccessExport;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.domain.InvalidIdentifierException;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.dossiers.DossierExport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;

import java.nio.file.Path;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the current state in the load formats.",
        subcommands = {ExportCommand.Access.class, ExportCommand.Dossiers.class})
class ExportCommand extends GroupCommand {

    static Kbo kbo(String text) {
        try {
            return Kbo.parse(text);
        } catch (InvalidIdentifierException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** An export is a consultation of personal data in full: who asks, and why, is recorded before it is written. */
    abstract static class Export extends DatabaseCommand {

        @Mixin
        ConsultationOption consultation;

        /** Says at once when the output cannot be written (see {@link Outputs}), before any work. */
        protected abstract void checkOutput();

        @Override
        protected void checkArguments() {
            consultation.check();
            checkOutput();
        }

        @Override
        protected String onBehalfOf() {
            return consultation.by.onBehalfOf();
        }
    }

    @Command(name = "access", mixinStandardHelpOptions = true,
            description = "Write the organisation's current access in the portal's export format: DIR/<KBO>/<domain>.csv.")
    static class Access extends Export {

        @Parameters(paramLabel = "KBO", description = "The organisation's KBO number.")
        String kbo;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write into.")
        Path dir;

        @Override
        protected void checkOutput() {
            Outputs.folder(dir);
        }

        @Override
        protected int execute(ConfigurableApplicationContext context, long run) {
            AccessExport export = context.getBean(AccessExport.class);
            consultation.record(context, actor(), "export access", dir.resolve(kbo(kbo).digits()).toString(),
                    export.persons(kbo(kbo)), run);
            Map<String, Integer> counts = export.export(kbo(kbo), dir);
            if (counts.isEmpty()) {
                out().println("No accounts for KBO " + kbo(kbo) + ": nothing written.");
            }
            counts.forEach((domain, count) -> out().println("Wrote " + count + " accounts to "
                    + dir.resolve(kbo(kbo).digits()).resolve(domain + ".csv")));
            out().flush();
            return ExitCode.DONE;
        }
    }

    @Command(name = "dossiers", mixinStandardHelpOptions = true,
            description = "Write the dossiers as CSV (reference;type;insz;kbo;start_date;end_date;predecessor).")
    static class Dossiers extends Export {

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
        Path file;

        @Option(names = "--kbo", paramLabel = "KBO", description = "Only the dossiers of this OCMW.")
        String kbo;

        @Override
        protected void checkOutput() {
            Outputs.file(file);
        }

        @Override
        protected int execute(ConfigurableApplicationContext context, long run) {
            DossierExport export = context.getBean(DossierExport.class);
            consultation.record(context, actor(), "export dossiers", file.toString(), export.persons(kbo == null ? null : kbo(kbo)), run);
            int count = export.export(file, kbo == null ? null : kbo(kbo));
            out().println("Wrote " + count + " dossiers to " + file);
            out().flush();
            return ExitCode.DONE;
        }
    }
}
