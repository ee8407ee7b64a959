package be.ocmw.merge.domain;

/**
 * How a value from a file or a command line is quoted in a message or report: whole when it is short, otherwise its
 * first characters, "…" and its full length, so that a 100 000-character cell or a 5 MB line never floods a console,
 * a report or an annotated copy.
 */
public final class Readable {

    /** The characters of a value a message shows at most. */
    public static final int SHOWN = 80;

    private Readable() {
    }

    /**
     * The message with every run of more than twice {@link #SHOWN} characters without a space shortened: the last
     * guard for messages that quote what somebody typed (picocli's own, a library's), so that nothing floods a
     * console. (Twice: a value quoted with {@link #shorten} already is left as it is.)
     */
    public static String shortenLongWords(String message) {
        if (message == null || message.length() <= 2 * SHOWN) {
            return message;
        }
        java.util.regex.Matcher word = LONG_WORD.matcher(message);
        StringBuilder shortened = new StringBuilder();
        while (word.find()) {
            word.appendReplacement(shortened, java.util.regex.Matcher.quoteReplacement(shorten(word.group())));
        }
        return word.appendTail(shortened).toString();
    }

    private static final java.util.regex.Pattern LONG_WORD = java.util.regex.Pattern.compile("\\S{" + (2 * SHOWN + 1) + ",}");

    public static String shorten(String text) {
        if (text == null || text.length() <= SHOWN) {
            return text;
        }
        // never cut a character written as two (an emoji, a rare name)
        int end = Character.isHighSurrogate(text.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
        return text.substring(0, end) + "… (" + String.format("%,d", text.length()) + " characters)";
    }
}
