package be.ocmw.merge.domain;

import java.util.Locale;
import java.util.Optional;

/** What an account is in access management, with the names the portal used over the years. */
public enum Role {

    HTB("HTB"), CO_HTB("co-HTB"), TB("TB"), CO_TB("co-TB"), SB("SB"), USER("USER");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** How exports write it. */
    public String label() {
        return label;
    }

    /** A deputy (co-HTB, co-TB): second to the HTB or TB of the same level. */
    public boolean deputy() {
        return this == CO_HTB || this == CO_TB;
    }

    /** The administrators a submission designates (HTB, co-HTB, TB, co-TB); an SB is not designated. */
    public boolean designated() {
        return this == HTB || this == CO_HTB || this == TB || this == CO_TB;
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
        StringBuilder letters = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '_' && !Character.isWhitespace(c)) {
                letters.append(c);
            }
        }
        String key = letters.toString().toUpperCase(Locale.ROOT);
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
