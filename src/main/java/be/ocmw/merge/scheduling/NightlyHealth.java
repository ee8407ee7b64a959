package be.ocmw.merge.scheduling;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code nightly}: the latest night's reconciliation. UP when it completed (or none ran yet, or its retry is still to
 * come); DEGRADED when it failed after its retry, until a night completes again. DEGRADED keeps the dashboard
 * reachable (HTTP 200) while saying that somebody must act.
 */
class NightlyHealth implements HealthIndicator {

    /** Up, but an operator must act: ordered between DOWN and UP in {@code management.endpoint.health.status.order}. */
    static final Status DEGRADED = new Status("DEGRADED");

    private final NightlyAttempts attempts;

    NightlyHealth(NightlyAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public Health health() {
        return attempts.latest().map(latest -> {
            Health.Builder health = latest.givenUp() ? Health.status(DEGRADED) : Health.up();
            health.withDetail("night", latest.night().toString()).withDetail("attempt", latest.attempt())
                    .withDetail("outcome", latest.outcome().name()).withDetail("at", latest.at().toString());
            if (latest.error() != null) {
                health.withDetail("error", latest.error());
            }
            if (latest.outcome() == NightlyAttempts.Outcome.FAILED && !latest.givenUp()) {
                health.withDetail("retry", "to come");
            }
            attempts.lastCompleted().ifPresent(at -> health.withDetail("lastCompleted", at.toString()));
            return health.build();
        }).orElseGet(() -> Health.up().withDetail("night", "none yet").build());
    }
}
