package be.ocmw.merge.merger;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.domain.Reason;

/**
 * Apply refused: the plan is BLOCKED, or not the one that was approved. Nothing was applied. The message is the
 * console's English; {@link #reason()} says it in a page's language.
 */
public class PlanRefusedException extends RuntimeException implements ExitCode.Carrier, Reason.Carrier {

    private final transient Reason reason;

    public PlanRefusedException(Reason reason) {
        super(reason.english());
        this.reason = reason;
    }

    @Override
    public Reason reason() {
        return reason;
    }

    @Override
    public int exitCode() {
        return ExitCode.BLOCKED;
    }
}
