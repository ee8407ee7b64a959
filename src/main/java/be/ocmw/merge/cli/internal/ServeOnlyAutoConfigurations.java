package be.ocmw.merge.cli.internal;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * Health, metrics, observations and mail are serve's (its monitoring, its nightly mails): a command without a web
 * server skips their auto-configurations before their conditions are even read, so that {@code status} or
 * {@code explain} does not start a meter registry, bind JVM metrics and wrap the batch jobs in observations it never
 * shows (about 0.2 s of a 1.2 s command). A command that sends mail says so ({@code ocmw.mail.needed}) and gets mail.
 * Decision: docs/decisions/monitoring-on-serve-only.md.
 */
public class ServeOnlyAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final List<String> PACKAGES = List.of("org.springframework.boot.actuate.",
            "org.springframework.boot.micrometer.", "org.springframework.boot.health.", "org.springframework.boot.mail.");
    private static final List<String> PARTS = List.of(".actuate.", ".metrics.", ".health.", ".observation.");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean served = !"none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", "servlet"));
        // a command that mails (campaign --send) has mail too, still without the monitoring
        boolean mails = Boolean.parseBoolean(environment.getProperty("ocmw.mail.needed", "false"));
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String candidate = autoConfigurationClasses[i];
            match[i] = served || candidate == null || !serveOnly(candidate)
                    || (mails && candidate.startsWith("org.springframework.boot.mail."));
        }
        return match;
    }

    static boolean serveOnly(String autoConfiguration) {
        return PACKAGES.stream().anyMatch(autoConfiguration::startsWith) || PARTS.stream().anyMatch(autoConfiguration::contains)
                || autoConfiguration.endsWith("EndpointAutoConfiguration") || autoConfiguration.endsWith("ObservationAutoConfiguration");
    }
}
