package be.ocmw.merge.domain;

/** Shared handling of the separators people type inside identification numbers. */
final class Digits {

    private Digits() {
    }

    /** Removes the separators of the usual notations (dots, dashes, slashes, spaces) and trims. */
    static String strip(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '-' || c == '/' || c == ' ' || c == '\u00a0' || c == '\t') {
                continue;
            }
            digits.append(c);
        }
        return digits.toString();
    }

    static boolean allDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Quotes a value for a message, shortened so a 5 000-character cell does not flood a report. */
    static String quote(String value) {
        if (value == null) {
            return "(empty)";
        }
        return "'" + Readable.shorten(value) + "'";
    }
}
