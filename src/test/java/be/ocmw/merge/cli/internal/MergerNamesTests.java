package be.ocmw.merge.cli.internal;

import be.ocmw.merge.cli.UsageException;
import be.ocmw.merge.support.Registries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The merger a command names, found in the registry before anything starts. */
class MergerNamesTests {

    @Test
    void aMergerIsFoundByItsIdOrItsNameInAnyCase() {
        RegistryOption registry = shipped();

        assertThat(MergerNames.resolve(registry, "pajottegem")).isEqualTo("pajottegem");
        assertThat(MergerNames.resolve(registry, "PAJOTTEGEM ")).isEqualTo("pajottegem");
        assertThat(MergerNames.resolve(registry, "Pajottegem")).isEqualTo("pajottegem");
    }

    @Test
    void aTypoIsAnsweredWithTheMergersItMayMean() {
        RegistryOption registry = shipped();

        assertThatThrownBy(() -> MergerNames.resolve(registry, "pajotegem")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown merger 'pajotegem'; did you mean pajottegem?")
                .hasMessageContaining("hasselt");
        assertThatThrownBy(() -> MergerNames.resolve(registry, "merelbeke")).isInstanceOf(UsageException.class)
                .hasMessageContaining("did you mean merelbeke-melle?");
        assertThatThrownBy(() -> MergerNames.resolve(registry, "zzz")).isInstanceOf(UsageException.class)
                .hasMessageNotContaining("did you mean");
    }

    private static RegistryOption shipped() {
        RegistryOption registry = new RegistryOption();
        registry.file = Registries.shipped();
        return registry;
    }
}
