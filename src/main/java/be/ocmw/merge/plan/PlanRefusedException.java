package be.ocmw.merge.plan;

/** Apply refused: the plan is BLOCKED, or not the one that was approved. Nothing was applied. */
public class PlanRefusedException extends RuntimeException {

    public PlanRefusedException(String message) {
        super(message);
    }
}
