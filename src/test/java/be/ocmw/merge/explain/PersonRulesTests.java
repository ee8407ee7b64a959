package be.ocmw.merge.explain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonRulesTests {

    @Test
    void aLoadedFileIsNamedWithoutTheFoldersOfTheServerItWasReadOn() {
        assertThat(PersonRules.fileName("/srv/ocmw/sample-data/access/0212978247/Maatschappelijk Welzijn.csv"))
                .isEqualTo("Maatschappelijk Welzijn.csv");
        assertThat(PersonRules.fileName("C:\\exports\\pajottegem-herne.xlsx")).isEqualTo("pajottegem-herne.xlsx");
        assertThat(PersonRules.fileName("merger pajottegem")).isEqualTo("merger pajottegem");
    }
}
