package be.ocmw.merge.cli.internal;

import be.ocmw.merge.access.AccessLoader;
import be.ocmw.merge.batch.LoadReport;
import be.ocmw.merge.dossiers.DossierLoader;
import be.ocmw.merge.online.OnlineRequestLoader;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load the current state: the portal's access exports, dossiers, OCMW Online requests.",
        subcommands = {LoadCommand.Access.class, LoadCommand.Dossiers.class, LoadCommand.OnlineRequests.class})
class LoadCommand extends GroupCommand {

    /** A load creates the database when there is none yet and prints what it took in and what it refused. */
    abstract static class Loading extends DatabaseCommand {

        @Override
        protected boolean createsDatabase() {
            return true;
        }

        protected abstract LoadReport load(ConfigurableApplicationContext context, long run);

        @Override
        protected int execute(ConfigurableApplicationContext context, long run) {
            return LoadReportPrinter.print(load(context, run), out());
        }
    }

    @Command(name = "access", mixinStandardHelpOptions = true,
            description = "Load the portal's user exports: DIR/<KBO>/<domain>.csv or .xlsx, one folder per organisation, "
                    + "and Hoofdtoegangsbeheerders.csv for its HTB and co-HTB. Loading a domain again replaces its "
                    + "snapshot (the old one is kept); the same files again change nothing. A file that would remove "
                    + "more than half of its domain's accounts is refused (exit 3) unless --allow-shrink.")
    static class Access extends Loading {

        @Parameters(paramLabel = "DIR", description = "The export folder.")
        Path dir;

        @Option(names = "--allow-shrink", description = "The accounts a new export lacks are really gone: load it even "
                + "when it removes more than ocmw.load.max-shrink-percent (50 %%) of a domain's accounts.")
        boolean allowShrink;

        @Mixin
        RegistryOption registry;

        @Override
        protected LoadReport load(ConfigurableApplicationContext context, long run) {
            return context.getBean(AccessLoader.class).load(dir, allowShrink, run);
        }
    }

    @Command(name = "dossiers", mixinStandardHelpOptions = true,
            description = "Load the dossier export of the social software (CSV: reference;type;insz;kbo;start_date;end_date). "
                    + "Loading the same file again changes nothing; a changed row updates its dossier.")
    static class Dossiers extends Loading {

        @Parameters(paramLabel = "FILE", description = "The dossier CSV file.")
        Path file;

        @Override
        protected LoadReport load(ConfigurableApplicationContext context, long run) {
            return context.getBean(DossierLoader.class).load(file, run);
        }
    }

    @Command(name = "online-requests", mixinStandardHelpOptions = true,
            description = "Load the OCMW Online help requests (CSV: reference;submitted_on;kbo;read). Idempotent.")
    static class OnlineRequests extends Loading {

        @Parameters(paramLabel = "FILE", description = "The request CSV file.")
        Path file;

        @Override
        protected LoadReport load(ConfigurableApplicationContext context, long run) {
            return context.getBean(OnlineRequestLoader.class).load(file, run);
        }
    }
}
