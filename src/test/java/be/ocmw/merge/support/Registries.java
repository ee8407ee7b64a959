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
    /**
     * The shipped registry with texts replaced (text, replacement, …; each text must be there), in a temporary file of its
     * own: a merger given a notify list, a participant a contact.
     */
    public static Path shippedWith(String... replacements) {
        try {
            String text = Files.readString(shipped());
            for (int i = 0; i < replacements.length; i += 2) {
                if (!text.contains(replacements[i])) {
                    throw new IllegalStateException("the shipped registry changed: '" + replacements[i] + "' is not in it");
                }
                text = text.replace(replacements[i], replacements[i + 1]);
            }
            Path file = Files.createTempFile("ocmw-registry", ".yml");
            Files.writeString(file, text);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path shipped() {
        return projectDir().resolve("jobs/mergers-2025.yml");
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("ocmw.project.dir", ".")).toAbsolutePath().normalize();
    }
}
