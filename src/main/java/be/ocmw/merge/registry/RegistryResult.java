package be.ocmw.merge.registry;

import java.nio.file.Path;
import java.util.List;

/** What loading a registry file gave: its mergers, and every violation found (none when it is valid). */
public record RegistryResult(Path file, List<Merger> mergers, List<RegistryViolation> violations) {

    public RegistryResult {
        mergers = List.copyOf(mergers);
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    /** The registry, for a command that needs a valid one. */
    public MergerRegistry registry() {
        if (!valid()) {
            throw new InvalidRegistryException(this);
        }
        return new MergerRegistry(file, mergers);
    }
}
