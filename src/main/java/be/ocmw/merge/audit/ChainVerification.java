package be.ocmw.merge.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@code audit verify} found: whether both chains match their tables, how much it checked, the head of each chain
 * (to be kept elsewhere: a later verification against a head noted today proves nothing before it was rewritten) and
 * the problems, first one first.
 */
public record ChainVerification(OffsetDateTime at, long auditRows, long consultations, long seals, String auditHead,
                                String consultationHead, List<ChainProblem> problems, boolean more) {

    /** How many problems a verification lists at most (the first one is what matters; the rest show the extent). */
    public static final int SHOWN = 50;

    public boolean intact() {
        return problems.isEmpty();
    }

    public ChainProblem first() {
        return problems.isEmpty() ? null : problems.get(0);
    }
}
