package be.ocmw.merge.intake;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an OCMW decides for one of its accounts in the {@code Gebruikers} sheet of its workbook (SPEC 4.5). A
 * disappearing OCMW says whether the account is copied into the merged OCMW; the merged OCMW, and the OCMW that stays
 * (scenarios 2 and 3), whose accounts are already the merged OCMW's, says whether it keeps or blocks it: those
 * decisions are corrections (SPEC 5.7).
 */
public enum ReviewDecision {

    COPY(false, "Overnemen", "Reprendre"),
    DO_NOT_COPY(false, "Niet overnemen", "Ne pas reprendre"),
    COPY_BLOCKED(false, "Geblokkeerd overnemen", "Reprendre bloqué"),
    KEEP(true, "Behouden", "Conserver"),
    BLOCK(true, "Blokkeren", "Bloquer");

    private final boolean merged;
    private final String dutch;
    private final String french;

    ReviewDecision(boolean merged, String dutch, String french) {
        this.merged = merged;
        this.dutch = dutch;
        this.french = french;
    }

    /** A decision of the merged OCMW's own review (keep, block), rather than of a disappearing OCMW's (copy or not). */
    public boolean merged() {
        return merged;
    }

    /** As the workbook's dropdown says it in {@code language} ("nl" or "fr"). */
    public String spelled(String language) {
        return "fr".equalsIgnoreCase(language) ? french : dutch;
    }

    /** The decisions one kind of workbook offers, in its dropdown's order; the first is what an empty cell means. */
    public static List<ReviewDecision> offered(boolean merged) {
        return Arrays.stream(values()).filter(d -> d.merged == merged).toList();
    }

    /** The decision {@code text} spells, in Dutch or French, any case, accents or not; empty: the first offered. */
    public static Optional<ReviewDecision> parse(String text, boolean merged) {
        String key = plain(text);
        if (key.isEmpty()) {
            return Optional.of(offered(merged).get(0));
        }
        return offered(merged).stream().filter(d -> plain(d.dutch).equals(key) || plain(d.french).equals(key)).findFirst();
    }

    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }
}
