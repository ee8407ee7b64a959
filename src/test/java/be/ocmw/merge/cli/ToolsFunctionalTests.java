package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.sampledata.SampleData;
import be.ocmw.merge.support.ContentDigest;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's jar ships the product only; the sample data and benchmark commands run on it from the tools jar. */
class ToolsFunctionalTests {

    @TempDir
    Path workDir;

    @Test
    void theProductsJarHoldsNoSampleDataOrBenchmarkCodeAndKnowsNoSuchCommand() throws Exception {
        List<String> entries;
        try (JarFile jar = new JarFile(OcmwMergeJar.jar().toFile())) {
            entries = jar.stream().map(e -> e.getName()).filter(name -> name.endsWith(".class")).toList();
        }
        assertThat(entries).anyMatch(name -> name.endsWith("be/ocmw/merge/merger/MergerRuns.class"));
        assertThat(entries).noneMatch(name -> name.contains("be/ocmw/merge/sampledata/")
                || name.contains("cli/internal/Bench") || name.contains("cli/internal/SampleDataCommand")
                || name.contains("cli/internal/Tools"));

        Run run = OcmwMergeJar.in(workDir).run("sample-data", "--out", "sample");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(workDir.resolve("sample")).doesNotExist();
    }

    @Test
    void theToolsWriteTheSampleDataOnTheProductsJarAsTheGeneratorDoes() {
        Run run = OcmwMergeJar.in(workDir).tools("sample-data", "--out", "by-tools");
        new SampleData(2025, 1).write(workDir.resolve("in-process"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.out()).contains("Wrote sample data to by-tools");
        assertThat(ContentDigest.ofFolder(workDir.resolve("by-tools")))
                .isEqualTo(ContentDigest.ofFolder(workDir.resolve("in-process")));
    }
}
