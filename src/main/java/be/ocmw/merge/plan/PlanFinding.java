package be.ocmw.merge.plan;

/** Something a coordinator should know about a plan; BLOCKING findings stop it from being applied. */
public record PlanFinding(String code, String severity, String kbo, String subject, String detail) {

    public boolean blocking() {
        return "BLOCKING".equals(severity);
    }
}
