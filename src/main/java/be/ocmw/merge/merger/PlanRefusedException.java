package be.ocmw.merge.merger;

import be.ocmw.merge.audit.ExitCode;

/** Apply refused: the plan is BLOCKED, or not the one that was approved. Nothing was applied. */
public class PlanRefusedException extends RuntimeException implements ExitCode.Carrier {

    public PlanRefusedException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCode.BLOCKED;
    }
}
