package be.ocmw.merge.registry;

import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.domain.NisCode;

/** An OCMW as the registry names it: the merged one or a participant. */
public record Ocmw(String name, Kbo kbo, NisCode nis) {
}
