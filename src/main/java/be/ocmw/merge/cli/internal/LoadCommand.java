package be.ocmw.merge.cli.internal;

import be.ocmw.merge.dossiers.DossierLoader;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load the current state: the portal's access exports, dossiers, OCMW Online requests.",
        subcommands = {LoadCommand.Dossiers.class})
class LoadCommand extends GroupCommand {

    @Command(name = "dossiers", mixinStandardHelpOptions = true,
            description = "Load the dossier export of the social software (CSV: reference;type;insz;kbo;start_date;end_date). "
                    + "Loading the same file again changes nothing; a changed row updates its dossier.")
    static class Dossiers extends DatabaseCommand {

        @Parameters(paramLabel = "FILE", description = "The dossier CSV file.")
        Path file;

        @Override
        protected int execute(ConfigurableApplicationContext context, long run) {
            return LoadReportPrinter.print(context.getBean(DossierLoader.class).load(file, run), out());
        }
    }
}
