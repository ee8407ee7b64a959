package be.ocmw.merge.domain;

import java.util.Locale;
import java.util.Optional;

/** The languages coordinators read: what a merger's mail and reports are written in. */
public enum Language {
    DUTCH("nl", Locale.forLanguageTag("nl-BE")),
    FRENCH("fr", Locale.forLanguageTag("fr-BE"));

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** {@code nl} or {@code fr}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> parse(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
