package be.ocmw.merge.merger;

import be.ocmw.merge.registry.Merger;

import java.time.OffsetDateTime;

/**
 * How much drift the latest reconciliation after {@code since} found in an applied merger and did not correct: what
 * turns a merger's standing from APPLIED into DRIFT. Implemented by the reconciliation, which owns the drift it finds
 * (the merger cannot depend on it: the reconciliation applies its corrections through the merger).
 */
public interface OpenDrift {

    int openSince(Merger merger, OffsetDateTime since);
}
