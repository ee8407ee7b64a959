package be.ocmw.merge.explain;

import java.io.PrintWriter;
import java.util.List;

/**
 * An explanation in the reader's language: a title and sections of lines, the same on the console, in a file and on the
 * dashboard. {@code found}: whether the person or dossier asked about is known to the merger at all.
 */
public record Explanation(String title, boolean found, List<Section> sections) {

    public Explanation {
        sections = List.copyOf(sections);
    }

    /** A heading (empty: none) and its lines. */
    public record Section(String heading, List<String> lines) {

        public Section {
            lines = List.copyOf(lines);
        }
    }

    /** As plain text: the title, then each section's heading and its lines indented. */
    public void write(PrintWriter out) {
        out.println(title);
        for (Section section : sections) {
            String indent = "  ";
            if (!section.heading().isEmpty()) {
                out.println(section.heading());
                indent = "  - ";
            }
            for (String line : section.lines()) {
                out.println(indent + line);
            }
        }
        out.flush();
    }
}
