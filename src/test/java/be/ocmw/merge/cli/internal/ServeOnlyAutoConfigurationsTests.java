package be.ocmw.merge.cli.internal;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ServeOnlyAutoConfigurationsTests {

    static final String[] CANDIDATES = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayEndpointAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"};

    @Test
    void aCommandWithoutWebServerSkipsMonitoringAndMailButKeepsTheDatabaseAndTheJobs() {
        boolean[] matched = filter("none").match(CANDIDATES, null);

        assertThat(matched).containsExactly(false, false, false, false, false, false, false, true, true, true);
    }

    @Test
    void serveKeepsThemAll() {
        boolean[] matched = filter("servlet").match(CANDIDATES, null);

        assertThat(matched).containsOnly(true);
    }

    @Test
    void springBootFindsTheFilter() {
        assertThat(SpringFactoriesLoader.loadFactories(AutoConfigurationImportFilter.class, getClass().getClassLoader()))
                .anyMatch(ServeOnlyAutoConfigurations.class::isInstance);
    }

    private static ServeOnlyAutoConfigurations filter(String webApplicationType) {
        ServeOnlyAutoConfigurations filter = new ServeOnlyAutoConfigurations();
        filter.setEnvironment(new MockEnvironment().withProperty("spring.main.web-application-type", webApplicationType));
        return filter;
    }
}
