package be.ocmw.merge.registry;

import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.domain.Scenario;
import be.ocmw.merge.registry.RegistryViolation.Rule;
import be.ocmw.merge.support.Registries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RegistryLoaderTests {

    @TempDir
    Path folder;

    @Test
    void theShippedRegistryHoldsThe13MergersOf2025() {
        RegistryResult result = RegistryLoader.load(Registries.shipped());

        assertThat(result.violations()).isEmpty();
        MergerRegistry registry = result.registry();
        assertThat(registry.mergers()).extracting(Merger::id).containsExactly(
                "beveren-kruibeke-zwijndrecht", "pajottegem", "nazareth-de-pinte", "merelbeke-melle",
                "bilzen-hoeselt", "tongeren-borgloon", "tessenderlo-ham", "hasselt", "lochristi", "lokeren",
                "tielt", "wingene", "antwerpen");
        assertThat(registry.mergers()).filteredOn(m -> m.scenario() == Scenario.NEW_KBO_NEW_NIS).hasSize(4);
        assertThat(registry.mergers()).filteredOn(m -> m.scenario() == Scenario.KEEP_KBO_NEW_NIS).hasSize(8);
        assertThat(registry.mergers()).allSatisfy(m -> {
            assertThat(m.effectiveDate()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(m.closeDate()).isEqualTo(LocalDate.of(2024, 12, 31));
            assertThat(m.deadline()).isEqualTo(LocalDate.of(2024, 11, 15));
            assertThat(m.target().name()).isEqualTo("OCMW " + m.name());
        });
    }

    @Test
    void theShippedRegistryKnowsWhoIsRetainedAndWhoDisappears() {
        MergerRegistry registry = RegistryLoader.load(Registries.shipped()).registry();

        Merger pajottegem = registry.find("pajottegem").orElseThrow();
        assertThat(pajottegem.target().kbo()).isEqualTo(Kbo.parse("1002.209.443"));
        assertThat(pajottegem.retained()).isEmpty();
        assertThat(pajottegem.disappearing()).extracting(Ocmw::name)
                .containsExactly("OCMW Galmaarden", "OCMW Gooik", "OCMW Herne");

        Merger hasselt = registry.find("hasselt").orElseThrow();
        assertThat(hasselt.retained()).map(Ocmw::name).contains("OCMW Hasselt");
        assertThat(hasselt.target().nis().code()).isEqualTo("71072");
        assertThat(hasselt.disappearing()).extracting(Ocmw::name).containsExactly("OCMW Kortessem");

        Merger antwerpen = registry.find("antwerpen").orElseThrow();
        assertThat(antwerpen.retained()).map(o -> o.nis().code()).contains("11002");
        assertThat(antwerpen.disappearing()).extracting(Ocmw::name).containsExactly("OCMW Borsbeek");
        assertThat(registry.mergerOf(Kbo.parse("0212.680.616"))).contains(antwerpen);
    }

    @Test
    void theCloseDateIsTheDayBeforeTheEffectiveDateWhateverThatIs() {
        Path file = Registries.write(folder, "bastogne.yml", Registries.breaking(
                "effective: 2025-01-01\n    deadline: 2024-11-15\n    target: { name: OCMW Pajottegem",
                "effective: 2024-12-02\n    deadline: 2024-10-15\n    target: { name: OCMW Pajottegem"));

        Merger merger = RegistryLoader.load(file).registry().find("pajottegem").orElseThrow();

        assertThat(merger.closeDate()).isEqualTo(LocalDate.of(2024, 12, 1));
    }

    static Stream<Arguments> brokenRegistries() {
        return Stream.of(
                arguments("scenario 2 target KBO not among the participants",
                        "kbo: \"0212.145.433\", nis: \"71072\"", "kbo: \"0212.520.367\", nis: \"71072\"",
                        "hasselt", Rule.SCENARIO_2_TARGET_KBO_NOT_A_PARTICIPANT, 17),
                arguments("scenario 2 target NIS of a participant",
                        "kbo: \"0212.145.433\", nis: \"71072\"", "kbo: \"0212.145.433\", nis: \"73040\"",
                        "hasselt", Rule.SCENARIO_2_TARGET_NIS_NOT_NEW, 17),
                arguments("scenario 3 with a NIS code that differs from the retained OCMW's",
                        "kbo: \"0212.235.604\", nis: \"11002\" }\n    participants",
                        "kbo: \"0212.235.604\", nis: \"11009\" }\n    participants",
                        "antwerpen", Rule.SCENARIO_3_TARGET_NIS_NOT_KEPT, 26),
                arguments("scenario 3 target KBO not among the participants",
                        "target: { name: OCMW Antwerpen, kbo: \"0212.235.604\"",
                        "target: { name: OCMW Antwerpen, kbo: \"0212.520.367\"",
                        "antwerpen", Rule.SCENARIO_3_TARGET_KBO_NOT_A_PARTICIPANT, 26),
                arguments("scenario 1 target KBO of a participant",
                        "kbo: \"1002.209.443\"", "kbo: \"0212.978.247\"",
                        "pajottegem", Rule.SCENARIO_1_TARGET_KBO_NOT_NEW, 7),
                arguments("scenario 1 target NIS of a participant",
                        "nis: \"23106\"", "nis: \"23024\"",
                        "pajottegem", Rule.SCENARIO_1_TARGET_NIS_NOT_NEW, 7),
                arguments("a KBO with a wrong check digit",
                        "OCMW Gooik, kbo: \"0212.600.838\"", "OCMW Gooik, kbo: \"0212.600.839\"",
                        "pajottegem", Rule.INVALID_KBO, 10),
                arguments("a NIS code of four digits",
                        "OCMW Herne, kbo: \"0212.281.728\", nis: \"23032\"", "OCMW Herne, kbo: \"0212.281.728\", nis: \"2303\"",
                        "pajottegem", Rule.INVALID_NIS, 11),
                arguments("one KBO in two mergers",
                        "OCMW Borsbeek, kbo: \"0212.680.616\"", "OCMW Borsbeek, kbo: \"0212.224.419\"",
                        "antwerpen", Rule.KBO_IN_TWO_MERGERS, 0),
                arguments("a single participant",
                        "      - { name: OCMW Kortessem, kbo: \"0212.224.419\", nis: \"73040\" }\n", "",
                        "hasselt", Rule.TOO_FEW_PARTICIPANTS, 19),
                arguments("the same participant twice",
                        "OCMW Gooik, kbo: \"0212.600.838\"", "OCMW Gooik, kbo: \"0212.978.247\"",
                        "pajottegem", Rule.DUPLICATE_PARTICIPANT, 10),
                arguments("a key the format does not have",
                        "    scenario: 2\n", "    scenario: 2\n    sceanrio: 2\n",
                        "hasselt", Rule.UNKNOWN_KEY, 15),
                arguments("a missing deadline",
                        "    scenario: 3\n    effective: 2025-01-01\n    deadline: 2024-11-15\n",
                        "    scenario: 3\n    effective: 2025-01-01\n",
                        "antwerpen", Rule.MISSING_KEY, 21),
                arguments("a date that is no date",
                        "    scenario: 3\n    effective: 2025-01-01", "    scenario: 3\n    effective: 2025-02-30",
                        "antwerpen", Rule.INVALID_VALUE, 24),
                arguments("a scenario that does not exist",
                        "    scenario: 3\n", "    scenario: 4\n",
                        "antwerpen", Rule.INVALID_VALUE, 23),
                arguments("an id that is not a slug",
                        "id: hasselt", "id: Hasselt 2025",
                        "Hasselt 2025", Rule.INVALID_VALUE, 12),
                arguments("two mergers with one id",
                        "id: antwerpen", "id: hasselt",
                        "hasselt", Rule.DUPLICATE_ID, 0),
                arguments("a notify address that is no address",
                        "    scenario: 3\n", "    scenario: 3\n    notify: [coordinator@vlaanderen.be, htb.antwerpen]\n",
                        "antwerpen", Rule.INVALID_EMAIL, 24),
                arguments("the same notify address twice",
                        "    scenario: 3\n", "    scenario: 3\n    notify: [htb@antwerpen.be, HTB@Antwerpen.be]\n",
                        "antwerpen", Rule.INVALID_EMAIL, 24),
                arguments("notify as one value, not a list",
                        "    scenario: 3\n", "    scenario: 3\n    notify: htb@antwerpen.be\n",
                        "antwerpen", Rule.INVALID_VALUE, 24),
                arguments("a participant's contact that is no address",
                        "{ name: OCMW Borsbeek, kbo: \"0212.680.616\", nis: \"11007\" }",
                        "{ name: OCMW Borsbeek, kbo: \"0212.680.616\", nis: \"11007\", contact: ocmw.borsbeek }",
                        "antwerpen", Rule.INVALID_EMAIL, 29),
                arguments("the same contact for two participants",
                        "      - { name: OCMW Antwerpen, kbo: \"0212.235.604\", nis: \"11002\" }\n"
                                + "      - { name: OCMW Borsbeek, kbo: \"0212.680.616\", nis: \"11007\" }\n",
                        "      - { name: OCMW Antwerpen, kbo: \"0212.235.604\", nis: \"11002\", contact: ocmw@antwerpen.be }\n"
                                + "      - { name: OCMW Borsbeek, kbo: \"0212.680.616\", nis: \"11007\", contact: OCMW@antwerpen.be }\n",
                        "antwerpen", Rule.INVALID_EMAIL, 29),
                arguments("a language that is neither nl nor fr",
                        "    scenario: 3\n", "    scenario: 3\n    language: de\n",
                        "antwerpen", Rule.INVALID_VALUE, 24),
                arguments("a deadline after the effective date",
                        "    scenario: 3\n    effective: 2025-01-01\n    deadline: 2024-11-15\n",
                        "    scenario: 3\n    effective: 2025-01-01\n    deadline: 2025-02-15\n",
                        "antwerpen", Rule.DEADLINE_AFTER_EFFECTIVE_DATE, 25)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRegistries")
    void aBrokenRegistryIsRefusedNamingTheMergerTheRuleAndTheLine(String why, String text, String replacement,
                                                                   String merger, Rule rule, int line) {
        Path file = Registries.write(folder, "broken.yml", Registries.breaking(text, replacement));

        RegistryResult result = RegistryLoader.load(file);

        assertThat(result.valid()).isFalse();
        assertThat(result.mergers()).isEmpty();
        assertThat(result.violations()).as(why).anySatisfy(v -> {
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.merger()).isEqualTo(merger);
            if (line > 0) {
                assertThat(v.line()).isEqualTo(line);
            }
        });
        assertThatThrownBy(result::registry).isInstanceOf(InvalidRegistryException.class)
                .hasMessageContaining("[" + rule + "]").hasMessageContaining(merger);
    }

    @Test
    void aMergerSaysInWhichLanguageItsCoordinatorsReadAndWhomTheNightTells() {
        Path file = Registries.write(folder, "notify.yml", Registries.breaking("    scenario: 3\n",
                "    scenario: 3\n    language: fr\n    notify: [coordinator@vlaanderen.be, htb@antwerpen.be]\n"));

        MergerRegistry registry = RegistryLoader.load(file).registry();

        Merger antwerpen = registry.find("antwerpen").orElseThrow();
        assertThat(antwerpen.language()).isEqualTo(be.ocmw.merge.domain.Language.FRENCH);
        assertThat(antwerpen.recipients()).extracting(be.ocmw.merge.domain.EmailAddress::address)
                .containsExactly("coordinator@vlaanderen.be", "htb@antwerpen.be");
        Merger hasselt = registry.find("hasselt").orElseThrow();
        assertThat(hasselt.language()).as("Dutch unless said").isEqualTo(be.ocmw.merge.domain.Language.DUTCH);
        assertThat(hasselt.recipients()).as("nobody unless listed").isEmpty();
    }

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
        String twice = Registries.breaking("OCMW Gooik, kbo: \"0212.600.838\"", "OCMW Gooik, kbo: \"0212.600.839\"")
                .replace("kbo: \"0212.145.433\", nis: \"71072\"", "kbo: \"0212.520.367\", nis: \"71072\"")
                .replace("    scenario: 3\n", "    scenario: 3\n    colour: blue\n");
        Path file = Registries.write(folder, "broken.yml", twice);

        RegistryResult result = RegistryLoader.load(file);

        assertThat(result.violations()).extracting(RegistryViolation::rule)
                .contains(Rule.INVALID_KBO, Rule.SCENARIO_2_TARGET_KBO_NOT_A_PARTICIPANT, Rule.UNKNOWN_KEY);
    }

    @Test
    void yamlThatDoesNotParseIsReportedWithItsLine() {
        Path file = Registries.write(folder, "broken.yml", Registries.breaking(
                "    name: Hasselt\n", "    name: [Hasselt\n"));

        RegistryResult result = RegistryLoader.load(file);

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.YAML_SYNTAX);
            assertThat(v.line()).isBetween(14, 16);
        });
    }

    @Test
    void aMissingFileIsReportedAsUnreadable() {
        RegistryResult result = RegistryLoader.load(folder.resolve("nowhere.yml"));

        assertThat(result.violations()).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo(Rule.FILE_UNREADABLE))
                .satisfies(v -> assertThat(v.message()).contains("does not exist"));
    }

    @Test
    void scenariosMayBeWrittenByName() {
        Path file = Registries.write(folder, "named.yml", Registries.breaking("scenario: 2", "scenario: KEEP_KBO_NEW_NIS"));

        assertThat(RegistryLoader.load(file).registry().find("hasselt").orElseThrow().scenario())
                .isEqualTo(Scenario.KEEP_KBO_NEW_NIS);
    }

    @Test
    void describesAViolationAsFileLineMergerRuleAndMessage() {
        RegistryViolation violation = new RegistryViolation("hasselt", Rule.UNKNOWN_KEY, "unknown key 'x'", 16);

        assertThat(violation.describe("jobs/m.yml")).isEqualTo("jobs/m.yml:16: merger 'hasselt': [UNKNOWN_KEY] unknown key 'x'");
    }
}
