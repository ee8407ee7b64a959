package be.ocmw.merge.registry;

import be.ocmw.merge.support.Registries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one registry of a process: read once, read again when the file changes, refused whole when invalid. */
class RegistryTests {

    @TempDir
    Path folder;

    @Test
    void theFileIsReadOnceAndAgainWhenItChanges() throws Exception {
        Path file = Registries.write(folder, "mergers.yml", Registries.VALID);
        Registry registry = new Registry(new RegistrySettings(file));

        RegistryResult first = registry.result();
        assertThat(registry.result()).as("unchanged: not read again").isSameAs(first);
        assertThat(registry.current().find("hasselt")).isPresent();

        Files.writeString(file, Registries.breaking("id: hasselt", "id: hasselt-genk"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(registry.current().find("hasselt")).isEmpty();
        assertThat(registry.current().find("hasselt-genk")).isPresent();
    }

    @Test
    void anInvalidRegistryIsRefusedWithItsViolationsAndAMissingOneSaysSo() throws Exception {
        Path file = Registries.write(folder, "broken.yml",
                Registries.breaking("kbo: \"0212.600.838\"", "kbo: \"0212.600.837\""));
        Registry broken = new Registry(new RegistrySettings(file));
        Registry missing = new Registry(new RegistrySettings(folder.resolve("no-such.yml")));

        assertThat(broken.result().valid()).isFalse();
        assertThatThrownBy(broken::current).isInstanceOf(InvalidRegistryException.class).hasMessageContaining("0212.600.837");
        assertThat(missing.exists()).isFalse();
        assertThatThrownBy(missing::current).hasMessageContaining("no-such.yml");
    }
}
