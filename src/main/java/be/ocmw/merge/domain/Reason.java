package be.ocmw.merge.domain;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.BiFunction;

/**
 * Why a value, a row or a file is refused, as data: the message {@code reason.<key>} of the report bundles with its
 * values, optionally followed by the reason it narrows down ({@code cause}: "sheet 'OCMW', row 4 (KBO-nummer)" then
 * what is wrong with the KBO number). Reports put it in the reader's language; {@link #english()} is what the console
 * and the log show. Values are text as every language shows them (dates dd/MM/yyyy). A reason without a key holds
 * words only: a refusal stored before reasons had keys, shown as it was written.
 */
public record Reason(String key, List<String> args, Reason cause) {

    /** An exception that says why in words for every language (a refused apply, a file that cannot be read). */
    public interface Carrier {
        Reason reason();
    }

    private static final DateTimeFormatter BELGIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public Reason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The message {@code reason.<key>} with these values. */
    public static Reason of(String key, Object... values) {
        return new Reason(key, Arrays.stream(values).map(Reason::text).toList(), null);
    }

    /** Words without a message: shown as they are in every language. */
    public static Reason words(String text) {
        return new Reason(null, List.of(text == null ? "" : text), null);
    }

    /** This reason (where) followed by what is wrong there. */
    public Reason then(Reason detail) {
        return new Reason(key, args, cause == null ? detail : cause.then(detail));
    }

    /**
     * This reason about a given value, as the message of one kind of value: {@code characters} about {@code '12x'}
     * becomes {@code kbo.characters} with {@code '12x'} first.
     */
    public Reason about(String kind, Object value) {
        List<String> all = new java.util.ArrayList<>();
        all.add(text(value));
        all.addAll(args);
        return new Reason(kind + key, all, cause);
    }

    /** In the words a bundle gives: {@code words} looks up a message key with its values. */
    public String in(BiFunction<String, Object[], String> words) {
        String own = key == null ? String.join(" ", args) : words.apply("reason." + key, args.toArray());
        return cause == null ? own : own + ": " + cause.in(words);
    }

    /** Whether this reason, or one it narrows down to, is the message {@code reason.<key>}. */
    public boolean mentions(String key) {
        return key.equals(this.key) || (cause != null && cause.mentions(key));
    }

    public String english() {
        return in(English::get);
    }

    @Override
    public String toString() {
        return english();
    }

    private static String text(Object value) {
        return value instanceof LocalDate date ? BELGIAN.format(date) : String.valueOf(value);
    }

    /** The English bundle, loaded once: what the console and the log say. */
    private static final class English {
        private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("messages/report", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        static String get(String key, Object[] values) {
            try {
                return new MessageFormat(BUNDLE.getString(key), Locale.ENGLISH).format(values);
            } catch (MissingResourceException e) {
                // a key without words is a programming slip the bundle test catches; the log still says what it was
                return key + Arrays.toString(values);
            }
        }
    }
}
