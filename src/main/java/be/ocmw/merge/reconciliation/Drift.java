package be.ocmw.merge.reconciliation;

/**
 * One difference between an applied merger's old OCMWs and the merged one. {@code additive}: a safe
 * correction exists (copy an account or a grant, close and reopen a dossier, link a request).
 */
public record Drift(String merger, String code, String sourceKbo, String subject, String detail, boolean additive) {
}
