package be.ocmw.merge.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** {@code ocmw.registry.file} ({@code OCMW_REGISTRY}, {@code --registry}): the merger registry every part reads. */
@ConfigurationProperties("ocmw.registry")
public record RegistrySettings(@DefaultValue("jobs/mergers-2025.yml") Path file) {
}
