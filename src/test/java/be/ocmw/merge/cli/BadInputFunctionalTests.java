package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the real jar says to input it cannot use: short, naming what is wrong, with the exit code of the contract. */
class BadInputFunctionalTests {

    @TempDir
    Path workDir;

    OcmwMergeJar jar;

    @BeforeEach
    void jar() throws Exception {
        Files.createDirectories(workDir.resolve("jobs"));
        Files.copy(Registries.shipped(), workDir.resolve("jobs/mergers-2025.yml"));
        jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", TestDatabase.freshDatabaseUrl());
    }

    @Test
    void aHundredThousandCharacterMergerIdOrCommandIsQuotedShort() {
        String id = "p".repeat(100_000);

        Run merger = jar.run("plan", id, "--out", "out");
        Run command = jar.run(id);

        assertThat(merger.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(merger.err()).contains("unknown merger 'pppp").contains("… (100,000 characters)");
        assertThat(merger.output().length()).isLessThan(2_000);
        assertThat(command.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(command.output().length()).isLessThan(2_000);
    }

    @Test
    void aFiveMegabyteHeaderLineIsRefusedInAFewLines() throws Exception {
        Path file = workDir.resolve("export/0212978247/Maatschappelijk Welzijn.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Naam;" + "x".repeat(5 * 1024 * 1024) + "\nPeeters;Jan\n");

        Run run = jar.run("load", "access", "export");

        assertThat(run.exitCode()).as(run.output().substring(0, Math.min(500, run.output().length())))
                .isEqualTo(ExitCode.INPUT);
        assertThat(run.output()).contains("lacks the column").contains("characters)");
        assertThat(run.output().length()).isLessThan(3_000);
    }

    @Test
    void aSubmissionsFolderWhoseEntriesCannotBeReadSaysWhichAndExits3() throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("submissions"));
        Files.createSymbolicLink(dir.resolve("loop.xlsx"), dir.resolve("loop.xlsx"));
        Files.createSymbolicLink(dir.resolve("gone.xlsx"), workDir.resolve("nowhere.xlsx"));
        Files.writeString(dir.resolve("notes.txt"), "not a workbook");

        Run run = jar.run("intake", "submissions");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.INPUT);
        assertThat(run.out()).contains("loop.xlsx: NOT TAKEN IN").contains("gone.xlsx: NOT TAKEN IN")
                .contains("a link that leads nowhere").contains("notes.txt: NOT TAKEN IN").contains("not an Excel workbook");
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsAUsageErrorNamingItBeforeAnyWork() throws Exception {
        Path file = Files.writeString(workDir.resolve("a-file"), "in the way");

        Run template = jar.run("template", "--out", "a-file/template.xlsx");
        Run plan = jar.run("plan", "pajottegem", "--out", "a-file");

        for (Run run : new Run[]{template, plan}) {
            assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("cannot write in the folder").contains("a-file")
                    .doesNotContain("Exception").doesNotContain("run the same command again");
        }
        assertThat(workDir.resolve(".ocmw")).as("no database was started for a plan that cannot write").doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("in the way");
    }
}
