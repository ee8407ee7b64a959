package be.ocmw.merge.plan;

import java.util.Map;

/**
 * One change a plan makes. {@code kind}: CREATE_ORGANISATION, SET_NIS, CREATE_ACCOUNT, UPDATE_ACCOUNT.
 * {@code subject} is what it changes, in words that stay the same from one computation to the next (so the
 * fingerprint does); {@code detail} the values, as the apply writes them.
 */
public record PlanChange(String kind, String targetKbo, String domain, String subject, Map<String, Object> detail) {
}
