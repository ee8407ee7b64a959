package be.ocmw.merge.registry;

import be.ocmw.merge.domain.Kbo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The valid mergers of one registry file, in file order. */
public record MergerRegistry(Path file, List<Merger> mergers) {

    public MergerRegistry {
        mergers = List.copyOf(mergers);
    }

    public Optional<Merger> find(String id) {
        return mergers.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The merger a KBO takes part in, as participant or target; a KBO is in at most one. */
    public Optional<Merger> mergerOf(Kbo kbo) {
        return mergers.stream().filter(m -> m.involves(kbo)).findFirst();
    }
}
