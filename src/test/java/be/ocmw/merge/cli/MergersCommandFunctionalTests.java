package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.Registries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MergersCommandFunctionalTests {

    @TempDir
    Path workDir;

    @Test
    void listShowsThe13MergersWithScenarioAndTargetWithinThreeSecondsWithoutADatabase() {
        Run run = OcmwMergeJar.in(workDir).run("mergers", "list", "--registry", Registries.shipped().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(line -> !line.startsWith(" ") && line.contains("  20")))
                .hasSize(13);
        assertThat(run.out())
                .containsPattern("pajottegem\\s+1 NEW_KBO_NEW_NIS\\s+OCMW Pajottegem\\s+1002\\.209\\.443\\s+23106\\s+2025-01-01\\s+OCMW Galmaarden \\(0212\\.978\\.247, 23023\\)")
                .containsPattern("hasselt\\s+2 KEEP_KBO_NEW_NIS\\s+OCMW Hasselt\\s+0212\\.145\\.433\\s+71072")
                .containsPattern("antwerpen\\s+3 KEEP_KBO_KEEP_NIS\\s+OCMW Antwerpen\\s+0212\\.235\\.604\\s+11002")
                .contains("OCMW Borsbeek (0212.680.616, 11007)")
                .contains("13 mergers in");
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(3));
        assertThat(workDir.resolve(".ocmw")).as("no database was started").doesNotExist();
    }

    @Test
    void listSaysWhoIsMailedTheNewDriftOfEachMergerAndInWhichLanguage() {
        Path registry = Registries.write(workDir, "notify.yml", Registries.breaking("    scenario: 3\n",
                "    scenario: 3\n    language: fr\n    notify: [coordinatrice@vlaanderen.be, htb@antwerpen.be]\n"));

        Run told = OcmwMergeJar.in(workDir).run("mergers", "list", "--registry", registry.toString());
        Run nobody = OcmwMergeJar.in(workDir).run("mergers", "list", "--registry", Registries.shipped().toString());

        assertThat(told.exitCode()).as(told.output()).isZero();
        assertThat(told.out()).contains("Mailed the drift that is new after each night")
                .containsPattern("\\n  antwerpen  fr  coordinatrice@vlaanderen\\.be, htb@antwerpen\\.be\\n")
                .contains("other merger(s): nobody (no notify: list)");
        assertThat(nobody.out()).contains("Nobody is mailed the drift found each night");
    }

    @Test
    void validateAcceptsTheShippedRegistry() {
        Run run = OcmwMergeJar.in(workDir).run("mergers", "validate", "--registry", Registries.shipped().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("13 mergers, all rules satisfied");
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theDefaultRegistryIsJobsMergers2025InTheWorkingFolder() throws Exception {
        Files.createDirectories(workDir.resolve("jobs"));
        Files.copy(Registries.shipped(), workDir.resolve("jobs/mergers-2025.yml"));

        Run run = OcmwMergeJar.in(workDir).run("mergers", "validate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("jobs/mergers-2025.yml: 13 mergers");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            target KBO of a scenario-2 merger not among its participants | kbo: "0212.145.433", nis: "71072" | kbo: "0212.520.367", nis: "71072" | hasselt    | SCENARIO_2_TARGET_KBO_NOT_A_PARTICIPANT
            a scenario-3 NIS that differs                                | target: { name: OCMW Antwerpen, kbo: "0212.235.604", nis: "11002" } | target: { name: OCMW Antwerpen, kbo: "0212.235.604", nis: "11003" } | antwerpen | SCENARIO_3_TARGET_NIS_NOT_KEPT
            a KBO with a wrong check digit                               | OCMW Gooik, kbo: "0212.600.838" | OCMW Gooik, kbo: "0212.600.837" | pajottegem | INVALID_KBO
            one KBO in two mergers                                       | OCMW Borsbeek, kbo: "0212.680.616" | OCMW Borsbeek, kbo: "0212.978.247" | antwerpen | KBO_IN_TWO_MERGERS
            """)
    void validateRefusesABrokenRegistryWithExit3NamingTheMergerAndTheRule(String why, String text, String replacement,
                                                                          String merger, String rule) {
        Path registry = Registries.write(workDir, "broken.yml", Registries.breaking(text, replacement));

        Run run = OcmwMergeJar.in(workDir).run("mergers", "validate", "--registry", registry.toString());

        assertThat(run.exitCode()).as(why).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("merger '" + merger + "'").contains("[" + rule + "]")
                .contains("broken.yml:").doesNotContain("Exception");
    }

    @Test
    void validateRefusesASingleParticipantMerger() {
        Path registry = Registries.write(workDir, "broken.yml", Registries.breaking(
                "      - { name: OCMW Kortessem, kbo: \"0212.224.419\", nis: \"73040\" }\n", ""));

        Run run = OcmwMergeJar.in(workDir).run("mergers", "validate", "--registry", registry.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("merger 'hasselt'").contains("[TOO_FEW_PARTICIPANTS]")
                .contains("at least two participants");
    }

    @Test
    void listRefusesABrokenRegistryTooAndListsEveryProblem() {
        String broken = Registries.breaking("OCMW Gooik, kbo: \"0212.600.838\"", "OCMW Gooik, kbo: \"0212.600.837\"")
                .replace("    scenario: 3\n", "    scenario: 3\n    colour: blue\n");
        Path registry = Registries.write(workDir, "broken.yml", broken);

        Run run = OcmwMergeJar.in(workDir).run("mergers", "list", "--registry", registry.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("2 problem(s)").contains("[INVALID_KBO]").contains("[UNKNOWN_KEY]");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingRegistryFileExits3() {
        Run run = OcmwMergeJar.in(workDir).run("mergers", "validate", "--registry", "no-such.yml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("no-such.yml").contains("does not exist");
    }
}
