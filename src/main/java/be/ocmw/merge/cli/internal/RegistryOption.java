package be.ocmw.merge.cli.internal;

import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.registry.RegistryResult;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --registry FILE}, for every command that reads the merger registry. */
class RegistryOption {

    @Option(names = "--registry", paramLabel = "FILE", defaultValue = "jobs/mergers-2025.yml",
            description = "The merger registry (default: ${DEFAULT-VALUE}).")
    Path file;

    /** For the commands that need no database: the file read here and now. */
    RegistryResult load() {
        return RegistryLoader.load(file);
    }

    /** For the commands that start the application: its one registry ({@code ocmw.registry.file}) is this file. */
    String property() {
        return "--ocmw.registry.file=" + file.toAbsolutePath();
    }
}
