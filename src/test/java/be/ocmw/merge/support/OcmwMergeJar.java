package be.ocmw.merge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real jar, as an operator or a scheduler would, and captures what it says and how it ends. */
public final class OcmwMergeJar {

    private final Path workDir;
    private final Map<String, String> environment = new HashMap<>();
    private final java.util.Set<String> unset = new java.util.HashSet<>();

    private OcmwMergeJar(Path workDir) {
        this.workDir = workDir;
    }

    /** The jar run from this folder (its ./.ocmw is the embedded database, its ./jobs the registry). */
    public static OcmwMergeJar in(Path workDir) {
        return new OcmwMergeJar(workDir);
    }

    public OcmwMergeJar env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The jar run without a setting the harness gives by default (OCMW_FOUR_EYES): as on a real machine. */
    public OcmwMergeJar unset(String name) {
        unset.add(name);
        return this;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("ocmw.jar", "target/ocmw-merge.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: functional tests run after 'mvn package'");
        }
        return jar;
    }

    /** Runs the jar to its end. */
    public Run run(String... args) {
        return start(args).await();
    }

    /** The developers' tools jar built beside the product's ({@code make sample-data}, {@code make bench}). */
    public static Path toolsJar() {
        return jar().resolveSibling("ocmw-merge-tools.jar");
    }

    /** Runs a command of the tools jar on the product's jar, as the Makefile does. */
    public Run tools(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", jar().toString(), "-Dloader.path=" + toolsJar(),
                "-Dloader.main=be.ocmw.merge.cli.internal.Tools", "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(List.of(args));
        return start(command).await();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts the jar without waiting, for tests that kill it or run two at once: through the launcher of the quick start
     * ({@link QuickStart}: the jar extracted with its class data sharing archive, as {@code make build} leaves it), or
     * the plain jar when there is none.
     */
    public Started start(String... args) {
        Path launcher = QuickStart.launcher(jar());
        List<String> command = new ArrayList<>(launcher != null ? List.of(launcher.toString())
                : List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return start(command);
    }

    private Started start(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OCMW_"));
        // each test's database stops when its last command is done, unless the test is about the idle time
        builder.environment().put("OCMW_DB_IDLE", "0");
        // the tests' one OS account plays the coordinator and the operator: four eyes compares their --by names, unless a
        // test is about the accounts (env("OCMW_FOUR_EYES", "accounts"))
        builder.environment().put("OCMW_FOUR_EYES", "names");
        builder.environment().putAll(environment);
        builder.environment().keySet().removeAll(unset);
        try {
            Path out = Files.createTempFile("ocmw-out", ".txt");
            Path err = Files.createTempFile("ocmw-err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            return new Started(builder.start(), out, err, System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar process under way. */
    public record Started(Process process, Path out, Path err, long startNanos) {

        public Run await() {
            try {
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the jar did not finish within 3 minutes");
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
                Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8), elapsed);
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                return run;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What the process has printed so far. */
        public String outputSoFar() {
            try {
                return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How a run ended, and how long it took from start to end. */
    public record Run(int exitCode, String out, String err, Duration elapsed) {

        /** Both streams, for assertions that do not care where a message went. */
        public String output() {
            return out + err;
        }
    }
}
