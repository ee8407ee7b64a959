package be.ocmw.merge.domain;

import java.util.Locale;

/**
 * Who acts (SPEC 10): the {@link Account} the act was authenticated as, and the name it was done for — {@code --by}
 * on the command line ("on behalf of"), else the account's own name. {@code account} is null only for acts recorded
 * before accounts were, and for the engine's own runs that nobody started.
 */
public record Actor(String name, Account account) {

    public Actor {
        if (name == null || name.isBlank()) {
            if (account == null) {
                throw new IllegalArgumentException("an actor has a name or an account");
            }
            name = account.id();
        }
        name = FreeText.shown(name.strip());
    }

    /** The account acting for itself. */
    public static Actor of(Account account) {
        return new Actor(null, account);
    }

    /** The account acting on behalf of {@code name} ({@code --by}; blank or null: for itself). */
    public static Actor onBehalfOf(String name, Account account) {
        return new Actor(name, account);
    }

    /** The account's stored form ({@link Account#key()}), null for an actor without one. */
    public String accountKey() {
        return account == null ? null : account.key();
    }

    /** The actor of a stored name and account key ({@link #accountKey()}); null when neither holds anything. */
    public static Actor stored(String name, String accountKey) {
        return name == null && accountKey == null ? null : new Actor(name, Account.ofKey(accountKey));
    }

    /** Whether the name differs from the account's: what a page shows as "on behalf of". */
    public boolean onBehalf() {
        return account != null && !name.equalsIgnoreCase(account.id());
    }

    /** How four eyes tells two people apart ({@code OCMW_FOUR_EYES}). */
    public enum FourEyes {
        /**
         * By the authenticated accounts (the default): the same account, or the same name, is the same person. Where one
         * side has no account (an act from before accounts were recorded), by the names.
         */
        ACCOUNTS,
        /** By the names only ({@code --by}): for the sample run and tests, where one OS account plays every part. */
        NAMES;

        /** Whether {@code a} and {@code b} are, under this rule, one person. */
        public boolean samePerson(Actor a, Actor b) {
            if (a == null || b == null) {
                return false;
            }
            boolean sameName = a.name.toLowerCase(Locale.ROOT).equals(b.name.toLowerCase(Locale.ROOT));
            if (this == NAMES || a.account == null || b.account == null) {
                return sameName;
            }
            return sameName || a.account.samePersonAs(b.account);
        }
    }
}
