package be.ocmw.merge.registry;

import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.domain.NisCode;

/**
 * An OCMW as the registry names it: the merged one or a participant; {@code contact} the address its pre-filled
 * workbook is mailed to (SPEC 4.6), null when the registry gives none (then its current HTB's, as loaded).
 */
public record Ocmw(String name, Kbo kbo, NisCode nis, be.ocmw.merge.domain.EmailAddress contact) {

    public Ocmw(String name, Kbo kbo, NisCode nis) {
        this(name, kbo, nis, null);
    }

    /** The same OCMW, compared by what identifies it (its KBO), whatever contact the registry gives. */
    public boolean same(Ocmw other) {
        return other != null && kbo.equals(other.kbo());
    }
}
