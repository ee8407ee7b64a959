package be.ocmw.merge.audit;

import be.ocmw.merge.domain.Reason;

/**
 * One place where a chained table no longer matches its hash chain: the row (or transaction, or seal) and what is
 * wrong there, as a finding for the console and the dashboard, never an exception.
 *
 * @param chain    which chain: the audit trail or the consultation log
 * @param kind     what was found
 * @param rowId    the row it is about (for a missing row: the row after the gap; null when a whole transaction is gone)
 * @param segment  the transaction the row was written in (its segment of the chain); null for a broken seal
 * @param position the row's place in its transaction, or the seal's place in the chain
 */
public record ChainProblem(Chain chain, Kind kind, Long rowId, Long segment, Long position) implements Reason.Carrier {

    /** The tables whose rows are chained. */
    public enum Chain {
        AUDIT("audit"), CONSULTATION("consultation");

        private final String table;

        Chain(String table) {
            this.table = table;
        }

        public String table() {
            return table;
        }
    }

    public enum Kind {
        /** The row's content (or its before/after copy) is not what was hashed when it was written. */
        CHANGED,
        /** Rows its transaction wrote before this one are missing. */
        MISSING_BEFORE,
        /** Rows its transaction wrote after this one (its last one left) are missing. */
        MISSING_AFTER,
        /** Every row of a sealed transaction is missing. */
        MISSING_TRANSACTION,
        /** The row was not written through the chain (no hash), or at a place that was already taken. */
        INSERTED,
        /** Rows of a transaction that was never sealed into the chain: written around it. */
        NOT_SEALED,
        /** The chain of seals itself was changed, cut or reordered. */
        SEAL_BROKEN,
        /** Rows marked as pseudonymised by a purge that does not name them. */
        PURGE_MISMATCH
    }

    /** In words: {0} the table, {1} the row, {2} the transaction, {3} the place. */
    @Override
    public Reason reason() {
        Object[] values = {chain.table(), rowId == null ? "" : rowId, segment == null ? "" : segment,
                position == null ? "" : position};
        return switch (kind) {
            case CHANGED -> Reason.of("chain.changed", values);
            case MISSING_BEFORE -> Reason.of("chain.missing_before", values);
            case MISSING_AFTER -> Reason.of("chain.missing_after", values);
            case MISSING_TRANSACTION -> Reason.of("chain.missing_transaction", values);
            case INSERTED -> Reason.of("chain.inserted", values);
            case NOT_SEALED -> Reason.of("chain.not_sealed", values);
            case SEAL_BROKEN -> Reason.of("chain.seal_broken", values);
            case PURGE_MISMATCH -> Reason.of("chain.purge_mismatch", values);
        };
    }
}
