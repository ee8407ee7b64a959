package be.ocmw.merge.domain;

import java.util.Optional;

/**
 * A text a person types that the engine keeps and shows again — who acts ({@code --by}, a dashboard comment's author),
 * a comment, a reason, a search — with its documented maximum length (docs/commands.md). Such a text holds no control
 * characters: an ESC sequence would recolour or clear the terminal of whoever reads it later, a NUL cannot be stored,
 * and a newline would forge a line of a one-line field. A refusal is a {@link Reason}, so the command line (exit 2) and
 * the dashboard (a plain message) say the same.
 */
public enum FreeText {

    /** Who acts or for whom: {@code --by}. */
    NAME(100),
    /** An approval's or withdrawal's comment: {@code --comment}. */
    COMMENT(2000),
    /** Why personal data is consulted in full: {@code --reason}. */
    REASON(1000),
    /** What is looked up: {@code explain --username/--dossier}, the dashboard's search box. */
    SEARCH(200);

    private final int max;

    FreeText(int max) {
        this.max = max;
    }

    public int max() {
        return max;
    }

    /**
     * What is wrong with the value as a text of this kind (named {@code field}, e.g. {@code --comment}), or empty when it
     * may be kept. A null value is no text and has nothing wrong.
     */
    public Optional<Reason> problem(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<Reason> control = controlProblem(field, value);
        if (control.isPresent()) {
            return control;
        }
        if (value.length() > max) {
            return Optional.of(Reason.of("text.too_long", field, value.length(), max));
        }
        return Optional.empty();
    }

    /** The first control character in a typed value (see {@link #control}), as a refusal; empty when it has none. */
    public static Optional<Reason> controlProblem(String field, String value) {
        return controlProblem(value).map(words -> Reason.of("text.control", field, words[0], words[1], words[2]));
    }

    /**
     * The same for a field of a page, whose name means nothing to the person who filled it in: the refusal says which
     * character, where, and what was typed, not the field's technical name.
     */
    public static Optional<Reason> controlProblemInField(String value) {
        return controlProblem(value).map(words -> Reason.of("text.control.field", words[0], words[1], words[2]));
    }

    /** The character (U+…), its position (from 1) and the value quoted without it, or empty. */
    private static Optional<String[]> controlProblem(String value) {
        for (int i = 0; value != null && i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (control(cp)) {
                return Optional.of(new String[]{String.format("U+%04X", cp), Integer.toString(i + 1),
                        "'" + Readable.shorten(shown(value)) + "'"});
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /**
     * Whether a character may not stand in a typed one-line text: the C0 and C1 control characters (ESC, BEL, backspace,
     * NUL, tab, newline, DEL, CSI …) and the invisible marks that reorder what a terminal or a page shows (bidirectional
     * overrides and isolates).
     */
    public static boolean control(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x2028 || cp == 0x2029;
    }

    /**
     * What somebody typed, as the engine keeps or shows it again: national numbers masked, control characters made
     * visible ({@link #cleaned}). For texts stored before they were checked as well as for new ones.
     */
    public static String shown(String typed) {
        return Insz.maskedIn(cleaned(typed));
    }

    /**
     * The text with its control characters replaced by {@code �}: for showing a value that was stored before such texts
     * were refused, or that came from a file, without letting it drive a terminal. Line breaks ({@code \n}) stay.
     */
    public static String cleaned(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder cleaned = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (control(c) && c != '\n') {
                if (cleaned == null) {
                    cleaned = new StringBuilder(text);
                }
                cleaned.setCharAt(i, '\uFFFD');
            }
        }
        return cleaned == null ? text : cleaned.toString();
    }
}
