package be.ocmw.merge.access;

import java.util.Locale;
import java.util.Optional;

/** What an account is in access management, with the names the portal used over the years. */
public enum Role {

    HTB("HTB"), CO_HTB("co-HTB"), TB("TB"), CO_TB("co-TB"), SB("SB"), USER("USER");

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s\\-_]");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** How exports write it. */
    public String label() {
        return label;
    }

    /** Organisation-level administrators, exported in {@code Hoofdtoegangsbeheerders}, not in a domain. */
    public boolean organisationLevel() {
        return this == HTB || this == CO_HTB;
    }

    /**
     * Reads HTB (or VTE), co-HTB, TB (or LB), co-TB (or Co-LB), SB, USER (or Gebruiker, Utilisateur), in any
     * case and with or without dash or space.
     */
    public static Optional<Role> parse(String text) {
        String key = SEPARATORS.matcher(text.toUpperCase(Locale.ROOT)).replaceAll("");
        return Optional.ofNullable(switch (key) {
            case "HTB", "VTE" -> HTB;
            case "COHTB", "COVTE" -> CO_HTB;
            case "TB", "LB" -> TB;
            case "COTB", "COLB" -> CO_TB;
            case "SB" -> SB;
            case "USER", "GEBRUIKER", "UTILISATEUR" -> USER;
            default -> null;
        });
    }
}
