package be.ocmw.merge.domain;

import java.util.Locale;

/**
 * The identity an act was authenticated as (SPEC 10): the operating-system account that ran a command, or the
 * dashboard's user as the users file or the organisation's OpenID Connect provider knows them. Stored as its
 * {@link #key()} ({@code os:jdoe}, {@code users:coordinator}, {@code oidc:an.peeters}), a canonical form of the two
 * fields, never a text to show: {@link #id()} and {@link #kind()} are what pages and reports show.
 */
public record Account(Kind kind, String id) {

    /** Where the identity comes from. */
    public enum Kind {
        /** The operating-system account that ran the command. */
        OS("os"),
        /** A dashboard user of the users file ({@code serve --users}, or the demo's). */
        USERS_FILE("users"),
        /** A dashboard user logged in through the organisation's OpenID Connect provider. */
        OIDC("oidc");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public Account {
        if (kind == null) {
            throw new IllegalArgumentException("an account has a kind");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an account has a name");
        }
        id = FreeText.shown(id.strip());
    }

    public static Account os(String user) {
        return new Account(Kind.OS, user);
    }

    /** The operating-system account of this process ({@code unknown} when the JVM cannot tell). */
    public static Account currentOsUser() {
        String user = System.getProperty("user.name");
        return os(user == null || user.isBlank() ? "unknown" : user);
    }

    /** The stored form: the kind's prefix, a colon, the name. */
    public String key() {
        return kind.prefix + ":" + id;
    }

    /** The account of a stored {@link #key()}; null for null (acts recorded before accounts were). */
    public static Account ofKey(String key) {
        if (key == null) {
            return null;
        }
        int colon = key.indexOf(':');
        for (Kind kind : Kind.values()) {
            if (colon > 0 && kind.prefix.equals(key.substring(0, colon))) {
                return new Account(kind, key.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("not a stored account: " + Readable.shorten(key));
    }

    /**
     * Whether the two are one person's: the same name, whatever the kind, without regard to case. An OS account and a
     * dashboard user of one name are taken for one person: four eyes errs on the side of refusing.
     */
    public boolean samePersonAs(Account other) {
        return other != null && id.toLowerCase(Locale.ROOT).equals(other.id.toLowerCase(Locale.ROOT));
    }
}
