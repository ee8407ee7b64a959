package be.ocmw.merge.registry;

import java.util.stream.Collectors;

/** Thrown by a command that needs a valid registry and got one with violations; lists them all. */
public class InvalidRegistryException extends RuntimeException {

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
}
