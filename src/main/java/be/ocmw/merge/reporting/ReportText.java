package be.ocmw.merge.reporting;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of the coordinator reports, from the {@code messages/report} bundles: Dutch (the base bundle)
 * or French. Never falls back to the machine's own language.
 */
public final class ReportText {

    public static final Locale DUTCH = be.ocmw.merge.domain.Language.DUTCH.locale();
    public static final Locale FRENCH = be.ocmw.merge.domain.Language.FRENCH.locale();

    private final ResourceBundle bundle;
    private final Locale locale;

    private ReportText(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static ReportText of(Locale locale) {
        return new ReportText(ResourceBundle.getBundle("messages/report", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    /** {@code nl} or {@code fr}; names the bad value otherwise. */
    public static Locale language(String code) {
        return be.ocmw.merge.domain.Language.parse(code == null ? "nl" : code).map(be.ocmw.merge.domain.Language::locale)
                .orElseThrow(() -> new IllegalArgumentException("unknown language '" + code + "': nl or fr"));
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    public String get(String key, Object... values) {
        return new MessageFormat(bundle.getString(key), locale).format(values);
    }

    /** Values as a message shows them in every language: dates the Belgian way (dd/MM/yyyy), the rest as text. */
    public static java.util.List<String> values(Object... values) {
        return java.util.Arrays.stream(values).map(v -> v instanceof java.time.LocalDate date
                ? java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date) : String.valueOf(v)).toList();
    }

    /** A date as a Belgian reader writes it (dd/MM/yyyy). */
    public static String date(java.time.LocalDate date) {
        return values(date).get(0);
    }

    /** A moment as a Belgian reader writes it, in Brussels time (dd/MM/yyyy HH:mm): see {@link Times}. */
    public static String dateTime(java.time.OffsetDateTime at) {
        return Times.moment(at);
    }

    /**
     * Who acted, as every report and page shows it (SPEC 10): the name it was done for and the account it was done from,
     * "coordinator (OS-account jdoe)"; an act recorded before accounts were shows its name alone. Empty for nobody.
     */
    public String who(be.ocmw.merge.domain.Actor actor) {
        if (actor == null) {
            return "";
        }
        if (actor.account() == null) {
            return actor.name();
        }
        String kind = "who." + actor.account().kind().name().toLowerCase(Locale.ROOT);
        return actor.onBehalf() ? get(kind, actor.name(), actor.account().id()) : get(kind + ".self", actor.name());
    }

    /** A moment of any kind, in Belgian time (for templates: {@code ${t.moment(x)}}). */
    public String moment(Object at) {
        return Times.moment(at);
    }

    /** The English words of a finding message, for the console, the log and summary.json. */
    public static String english(String key, java.util.List<String> values) {
        return of(Locale.ENGLISH).get(key, values.toArray());
    }

    /** Why something was refused, in this language. */
    public String reason(be.ocmw.merge.domain.Reason reason) {
        return reason.in(this::get);
    }

    /** A message without values (for templates, whose expressions do not call varargs methods). */
    public String text(String key) {
        return get(key);
    }

    public boolean has(String key) {
        try {
            bundle.getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }
}
