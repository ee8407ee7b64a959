package be.ocmw.merge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small registry files for tests: a valid one of each scenario, to break one rule at a time. */
public final class Registries {

    /** Three valid mergers, one per scenario, with placeholder KBO numbers that have valid check digits. */
    public static final String VALID = """
            mergers:
              - id: pajottegem
                name: Pajottegem
                scenario: 1
                effective: 2025-01-01
                deadline: 2024-11-15
                target: { name: OCMW Pajottegem, kbo: "1002.209.443", nis: "23106" }
                participants:
                  - { name: OCMW Galmaarden, kbo: "0212.978.247", nis: "23023" }
                  - { name: OCMW Gooik, kbo: "0212.600.838", nis: "23024" }
                  - { name: OCMW Herne, kbo: "0212.281.728", nis: "23032" }
              - id: hasselt
                name: Hasselt
                scenario: 2
                effective: 2025-01-01
                deadline: 2024-11-15
                target: { name: OCMW Hasselt, kbo: "0212.145.433", nis: "71072" }
                participants:
                  - { name: OCMW Hasselt, kbo: "0212.145.433", nis: "71022" }
                  - { name: OCMW Kortessem, kbo: "0212.224.419", nis: "73040" }
              - id: antwerpen
                name: Antwerpen
                scenario: 3
                effective: 2025-01-01
                deadline: 2024-11-15
                target: { name: OCMW Antwerpen, kbo: "0212.235.604", nis: "11002" }
                participants:
                  - { name: OCMW Antwerpen, kbo: "0212.235.604", nis: "11002" }
                  - { name: OCMW Borsbeek, kbo: "0212.680.616", nis: "11007" }
            """;

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
