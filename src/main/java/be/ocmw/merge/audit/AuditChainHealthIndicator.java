package be.ocmw.merge.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code auditChain} in serve's health: the latest recorded verification of the hash chains (each night, and every
 * {@code audit verify}). UP when intact or never verified yet; DEGRADED (the service runs, the security officer must
 * be told) when rows were changed outside ocmw-merge.
 */
@Component
@ConditionalOnWebApplication
class AuditChainHealthIndicator implements HealthIndicator {

    private final AuditChain chain;

    AuditChainHealthIndicator(AuditChain chain) {
        this.chain = chain;
    }

    @Override
    public Health health() {
        return chain.latest().map(check -> (check.intact() ? Health.up() : Health.status(new Status("DEGRADED")))
                        .withDetail("verifiedAt", check.at().toString()).withDetail("intact", check.intact())
                        .withDetail("auditRows", check.auditRows()).withDetail("problems", check.problems())
                        .build())
                .orElseGet(() -> Health.up().withDetail("verifiedAt", "never yet").build());
    }
}
