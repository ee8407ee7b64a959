package be.ocmw.merge.scheduling;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The nights as serve's health and metrics show them, whichever serve of the cluster ran them (they are read from the
 * database): the {@code nightly} health and the {@code ocmw_nightly_*} metrics.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class NightlyMonitoring {

    @Bean
    NightlyHealth nightlyHealthIndicator(NightlyAttempts attempts) {
        return new NightlyHealth(attempts);
    }

    /** {@code ocmw_nightly_failed} 1 while the latest night failed after its retry; when the latest night completed. */
    @Bean
    MeterBinder nightlyMetrics(NightlyAttempts attempts) {
        return registry -> {
            Gauge.builder("ocmw.nightly.failed", attempts, a -> a.latest().filter(NightlyAttempts.Attempt::givenUp).isPresent() ? 1 : 0)
                    .description("1 while the latest nightly reconciliation failed after its retry, else 0")
                    .register(registry);
            TimeGauge.builder("ocmw.nightly.last.completed", attempts, TimeUnit.SECONDS,
                            a -> a.lastCompleted().map(at -> (double) at.toEpochSecond()).orElse(Double.NaN))
                    .description("When the latest nightly reconciliation completed (seconds since 1970)")
                    .register(registry);
        };
    }
}
