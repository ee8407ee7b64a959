package be.ocmw.merge.notify;

import be.ocmw.merge.reconciliation.Drift;
import be.ocmw.merge.registry.Merger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one merger's digest after reconciliation run {@code run} says: the drift that is new since the digest of
 * run {@code since} (null: the first digest, everything is new), how much is open in all, and the mail it was sent
 * in (null when nothing was new, or nobody is on the merger's notify list).
 */
public record DriftDigest(Merger merger, long run, LocalDate night, Long since, List<Drift> fresh, int open, Long mail) {

    public DriftDigest {
        fresh = List.copyOf(fresh);
    }

    /** The new drift by code, in the order of the codes (the reconciliation's report order). */
    public Map<Drift.Code, List<Drift>> byCode() {
        return fresh.stream().collect(Collectors.groupingBy(Drift::code, () -> new java.util.EnumMap<>(Drift.Code.class),
                Collectors.toList()));
    }
}
