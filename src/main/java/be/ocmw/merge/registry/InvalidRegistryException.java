package be.ocmw.merge.registry;

import be.ocmw.merge.domain.ExitCode;

import java.util.stream.Collectors;

/** Thrown by a command that needs a valid registry and got one with violations; lists them all. */
public class InvalidRegistryException extends RuntimeException implements ExitCode.Carrier {

    private final transient RegistryResult result;

    public InvalidRegistryException(RegistryResult result) {
        super("The merger registry " + result.file() + " has " + result.violations().size() + " problem(s):\n"
                + result.violations().stream().map(v -> "  " + v.describe(result.file().toString()))
                .collect(Collectors.joining("\n")));
        this.result = result;
    }

    public RegistryResult result() {
        return result;
    }

    @Override
    public int exitCode() {
        return ExitCode.INPUT;
    }
}
