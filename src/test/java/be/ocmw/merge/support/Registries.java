package be.ocmw.merge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small registry files for tests: a valid one of each scenario, to break one rule at a time. */
public final class Registries {

    /** Three valid mergers, one per scenario, with placeholder KBO numbers that have valid check digits. */
    public static final String VALID = resource("/registries/valid.yml");

    private Registries() {
    }

    /** The valid registry with one piece of text replaced; the text must occur exactly once. */
    public static String breaking(String text, String replacement) {
        int first = VALID.indexOf(text);
        if (first < 0 || VALID.indexOf(text, first + 1) >= 0) {
            throw new IllegalArgumentException("not exactly once in the valid registry: " + text);
        }
        return VALID.replace(text, replacement);
    }

    private static String resource(String name) {
        try (var in = Registries.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path folder, String name, String content) {
        try {
            Path file = folder.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's own registry file. */
    public static Path shipped() {
        return projectDir().resolve("jobs/mergers-2025.yml");
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("ocmw.project.dir", ".")).toAbsolutePath().normalize();
    }
}
