package be.ocmw.merge.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three kinds of merger the guideline distinguishes, by what happens to the KBO and NIS numbers. */
public enum Scenario {

    /** A new organisation with a new KBO and a new NIS code; every participant disappears. */
    NEW_KBO_NEW_NIS(1),
    /** One participant is retained with its KBO but gets a new NIS code from the effective date. */
    KEEP_KBO_NEW_NIS(2),
    /** One participant absorbs the others and keeps both its KBO and its NIS code. */
    KEEP_KBO_KEEP_NIS(3);

    private final int number;

    Scenario(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Whether the merged OCMW is one of the participants (scenarios 2 and 3). */
    public boolean keepsKbo() {
        return this != NEW_KBO_NEW_NIS;
    }

    /** Reads {@code 1}, {@code 2}, {@code 3} or the name ({@code KEEP_KBO_NEW_NIS}, any case). */
    public static Optional<Scenario> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        return Arrays.stream(values())
                .filter(s -> value.equals(String.valueOf(s.number)) || value.toUpperCase(Locale.ROOT).equals(s.name()))
                .findFirst();
    }
}
