package be.ocmw.merge.cli.internal;

import be.ocmw.merge.OcmwMergeApplication;
import be.ocmw.merge.cli.OcmwMergeCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code ocmw-merge-tools}: the developers' commands, outside the product's jar ({@code target/ocmw-merge-tools.jar},
 * built from the test sources): the sample data of {@code make sample-data} and the benchmark's data, floors and
 * drift of {@code make bench}. They run on the product's jar and its database (see {@code TOOLS} in the Makefile).
 */
@Command(name = "ocmw-merge-tools", mixinStandardHelpOptions = true,
        description = "Sample data and benchmark tools for the developers of ocmw-merge (not part of the product).",
        subcommands = {SampleDataCommand.class, BenchReadCommand.class, BenchFloorCommand.class, BenchDriftCommand.class,
                HelpCommand.class})
public class Tools extends GroupCommand {

    public static void main(String[] args) {
        System.exit(OcmwMergeCli.run(OcmwMergeApplication.class, new Tools(), args));
    }
}
