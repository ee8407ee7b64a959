package be.ocmw.merge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The jar under test as {@code make build} leaves it for a user (extracted, a class data sharing archive from a training
 * run, {@code src/main/launcher/ocmw-merge} beside them), made once from {@code target/ocmw-merge.jar} in
 * {@code target/it-app} and made again when the jar changes. The functional tests run the commands through it, as a
 * user of {@code make run} does: a command starts in about a third of the time of a plain {@code java -jar}, which is
 * most of the functional tests' time. {@code -Docmw.it.quick-start=false} runs them on the plain jar instead.
 */
final class QuickStart {

    private static Path launcher;
    private static boolean tried;

    private QuickStart() {
    }

    /** The launcher to run commands with; null when the quick start is off or could not be made (then: the plain jar). */
    static synchronized Path launcher(Path jar) {
        if (!tried) {
            tried = true;
            if (!"false".equals(System.getProperty("ocmw.it.quick-start"))) {
                launcher = prepare(jar);
            }
        }
        return launcher;
    }

    private static Path prepare(Path jar) {
        Path app = jar.resolveSibling("it-app");
        Path script = app.resolve("ocmw-merge");
        try {
            String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            Path stampFile = app.resolve("made-from");
            if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)
                    && Files.isRegularFile(app.resolve("ocmw-merge.jsa"))) {
                return script;
            }
            delete(app);
            run(jar.getParent(), List.of("java", "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    app.toString()));
            Files.copy(Registries.projectDir().resolve("src/main/launcher/ocmw-merge"), script);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            train(app);
            Files.writeString(stampFile, stamp);
            return script;
        } catch (IOException | RuntimeException e) {
            System.err.println("ocmw-merge functional tests: no quick start (" + e.getMessage() + "), the plain jar is run");
            return null;
        }
    }

    /** The Makefile's training run: a throw-away database with one request, and a plan on it, archived at its exit. */
    private static void train(Path app) throws IOException {
        Path training = Files.createTempDirectory("ocmw-cds-training");
        try {
            Files.createDirectories(training.resolve("jobs"));
            Files.copy(Registries.shipped(), training.resolve("jobs/mergers-2025.yml"));
            Files.writeString(training.resolve("requests.csv"),
                    "reference;submitted_on;kbo;read\nTRAINING-1;2024-02-07;0212978247;true\n", StandardCharsets.UTF_8);
            String jar = app.resolve("ocmw-merge.jar").toString();
            run(training, List.of("java", "-jar", jar, "load", "online-requests", "requests.csv"));
            run(training, List.of("java", "-XX:ArchiveClassesAtExit=" + app.resolve("ocmw-merge.jsa"), "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, "plan", "pajottegem",
                    "--out", "out"));
            if (!Files.isRegularFile(app.resolve("ocmw-merge.jsa"))) {
                throw new IllegalStateException("the training run wrote no archive");
            }
        } finally {
            delete(training);
        }
    }

    private static void run(Path dir, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("OCMW_"));
        builder.environment().put("OCMW_HOME", dir.resolve(".ocmw").toString());
        builder.environment().put("OCMW_DB_IDLE", "0");
        try {
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within 3 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
