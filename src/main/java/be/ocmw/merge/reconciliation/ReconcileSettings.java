package be.ocmw.merge.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ocmw.reconcile.*}: safe corrections stop (and change nothing) when there are more than
 * {@code maxCorrections} of them, or more than {@code maxPercent} % of the target's accounts.
 */
@ConfigurationProperties("ocmw.reconcile")
public record ReconcileSettings(int maxCorrections, int maxPercent) {
}
