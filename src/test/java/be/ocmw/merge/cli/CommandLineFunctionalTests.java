package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineFunctionalTests {

    @TempDir
    Path workDir;

    @Test
    void anUnknownCommandExits2WithAShortUsageLine() {
        Run run = OcmwMergeJar.in(workDir).run("merge-everything");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'merge-everything'").contains("Usage: ocmw-merge");
        assertThat(run.err().lines().count()).isLessThan(6);
    }

    @Test
    void anUnknownOptionExits2NamingIt() {
        Run run = OcmwMergeJar.in(workDir).run("mergers", "list", "--colour");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Unknown option: '--colour'").contains("Usage: ocmw-merge mergers list");
    }

    @Test
    void noCommandAtAllExits2WithTheListOfCommands() {
        Run run = OcmwMergeJar.in(workDir).run();

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("mergers").contains("status");
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"", "mergers", "mergers list", "mergers validate", "status"})
    void everyCommandExplainsItselfWithoutADatabase(String command) {
        String[] args = (command + " --help").trim().split(" ");

        Run run = OcmwMergeJar.in(workDir).run(args);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: ocmw-merge " + command);
        assertThat(run.elapsed()).isLessThan(Duration.ofSeconds(3));
        assertThat(workDir.resolve(".ocmw")).doesNotExist();
    }

    @Test
    void helpListsTheExitCodes() {
        Run run = OcmwMergeJar.in(workDir).run("--help");

        assertThat(run.out()).contains("Exit codes: 0 done, 2 usage error, 3 an input file could not be read");
    }
}
