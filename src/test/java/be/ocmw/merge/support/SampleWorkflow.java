package be.ocmw.merge.support;

import be.ocmw.merge.sampledata.SampleData;
import be.ocmw.merge.support.OcmwMergeJar.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample workflow of make run on the real jar, step by step, for functional tests that start after it. */
public final class SampleWorkflow {

    private static final Pattern FINGERPRINT = Pattern.compile("fingerprint: (sha256:[0-9a-f]+)");

    private SampleWorkflow() {
    }

    /** The registry in {@code workDir/jobs}, the sample in {@code workDir/sample}, loaded and its submissions taken in. */
    public static void loaded(OcmwMergeJar jar, Path workDir) throws Exception {
        loaded(jar, workDir, 1);
    }

    /** The same with the sample at {@code scale} (1: the sample of make run). */
    public static void loaded(OcmwMergeJar jar, Path workDir, int scale) throws Exception {
        written(workDir, scale);
        for (String[] command : new String[][]{{"load", "access", "sample/access"}, {"intake", "sample/submissions"},
                {"load", "dossiers", "sample/dossiers.csv"}, {"load", "online-requests", "sample/online-requests.csv"}}) {
            Run run = jar.run(command);
            assertThat(run.exitCode()).as(run.output()).isZero();
        }
    }

    /** The databases the sample was loaded into, by scale: what {@link #loadedCopy} copies. */
    private static final Map<Integer, String> LOADED = new HashMap<>();

    /**
     * What {@link #loaded} leaves, without loading again: the registry and the sample written in {@code workDir}, and a
     * new database that is a copy of one the sample was loaded into once per test JVM (through the jar, the same
     * way); its URL.
     */
    public static String loadedCopy(Path workDir) throws Exception {
        return loadedCopy(workDir, 1);
    }

    /** The same with the sample at {@code scale}. */
    public static String loadedCopy(Path workDir, int scale) throws Exception {
        written(workDir, scale);
        return TestDatabase.copyOf(template(scale));
    }

    private static synchronized String template(int scale) throws Exception {
        String url = LOADED.get(scale);
        if (url == null) {
            Path dir = Files.createTempDirectory("ocmw-sample-loaded-" + scale);
            url = TestDatabase.freshDatabaseUrl();
            loaded(OcmwMergeJar.in(dir).env("OCMW_DB_URL", url), dir, scale);
            LOADED.put(scale, url);
        }
        return url;
    }

    private static void written(Path workDir, int scale) throws Exception {
        Files.createDirectories(workDir.resolve("jobs"));
        Files.copy(Registries.shipped(), workDir.resolve("jobs/mergers-2025.yml"));
        new SampleData(2025, scale).write(workDir.resolve("sample"));
    }

    /** The merger planned, approved by the coordinator and applied by the operator; the approved fingerprint. */
    public static String applied(OcmwMergeJar jar, String merger) {
        String fingerprint = fingerprint(jar.run("plan", merger, "--out", "out"));
        Run approve = jar.run("approve", merger, "--fingerprint", fingerprint, "--by", "coordinator");
        assertThat(approve.exitCode()).as(approve.output()).isZero();
        Run apply = jar.run("apply", merger, "--out", "out", "--by", "operator");
        assertThat(apply.exitCode()).as(apply.output()).isZero();
        return fingerprint;
    }

    /** The fingerprint a plan printed. */
    public static String fingerprint(Run plan) {
        Matcher fingerprint = FINGERPRINT.matcher(plan.out());
        assertThat(fingerprint.find()).as(plan.output()).isTrue();
        return fingerprint.group(1);
    }
}
