package be.ocmw.merge.cli.internal;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.sampledata.SampleData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sample-data", mixinStandardHelpOptions = true,
        description = "Write the deterministic sample data (make sample-data), or the large benchmark files.")
class SampleDataCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write.")
    Path out;

    @Option(names = "--scale", defaultValue = "1", description = "Multiply the number of people (default 1).")
    int scale;

    @Option(names = "--seed", defaultValue = "2025", description = "The random seed (default 2025).")
    long seed;

    @Option(names = "--bench-access-rows", defaultValue = "0",
            description = "Instead: write bench-access/ with one xlsx export of this many rows.")
    int benchAccessRows;

    @Option(names = "--bench-dossiers", defaultValue = "0",
            description = "Instead: write bench-dossiers.csv with this many dossiers across 20 OCMWs.")
    int benchDossiers;

    @Option(names = "--bench-merger-accounts", defaultValue = "0",
            description = "Instead: write bench-merger/ (registry, exports of 20 OCMWs, submission) with this many accounts.")
    int benchMergerAccounts;

    @Option(names = "--bench-wave", paramLabel = "ACCOUNTS,DOSSIERS", split = ",",
            description = "Instead: write bench-wave/ (every merger of --registry, its OCMWs' exports, the dossiers, a "
                    + "submission per merger) with this many accounts and running dossiers in all.")
    int[] benchWave;

    @Option(names = "--registry", defaultValue = "jobs/mergers-2025.yml", description = "The registry of --bench-wave.")
    java.nio.file.Path registry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SampleData data = new SampleData(seed, scale);
        if (benchWave != null) {
            if (benchWave.length != 2) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--bench-wave ACCOUNTS,DOSSIERS");
            }
            SampleData.Wave wave = data.writeWave(out.resolve("bench-wave"), registry, benchWave[0], benchWave[1]);
            spec.commandLine().getOut().println("Wrote the benchmark wave to " + out.resolve("bench-wave") + ": "
                    + wave.mergers().size() + " mergers, " + wave.ocmws() + " OCMWs, " + wave.accounts() + " accounts, "
                    + wave.dossiers() + " running dossiers");
            spec.commandLine().getOut().println("mergers: " + String.join(" ", wave.mergers()));
        } else if (benchMergerAccounts > 0) {
            data.writeBenchMerger(out.resolve("bench-merger"), 20, benchMergerAccounts);
            spec.commandLine().getOut().println("Wrote the benchmark merger to " + out.resolve("bench-merger"));
        } else if (benchAccessRows > 0 || benchDossiers > 0) {
            data.writeBench(out, benchAccessRows, benchDossiers);
            spec.commandLine().getOut().println("Wrote the benchmark files to " + out);
        } else {
            SampleData.Summary summary = data.write(out);
            spec.commandLine().getOut().println("Wrote sample data to " + out + ": " + summary.accounts() + " accounts, "
                    + summary.dossiers() + " dossiers, " + summary.onlineRequests() + " OCMW Online requests, "
                    + summary.submissions() + " HTB submissions");
        }
        spec.commandLine().getOut().flush();
        return ExitCode.DONE;
    }
}
