package be.ocmw.merge.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts of an organisation as loaded, which the review rows of its workbook must name: implemented by the
 * module that owns them (access), so that the intake reads no table of another module.
 */
public interface LoadedAccounts {

    /** An account as loaded: its domain and username as the export spells them, its INSZ (null: none), its applications. */
    record Loaded(String domain, String username, String insz, List<String> applications) {
    }

    /**
     * An account as the pre-filled workbook lists it (SPEC 4.5), with what the engine suggests about it: blocked, no
     * applications, {@code sameInszAs} the other usernames of the same person in that domain, applications outside the
     * guideline's catalogue.
     */
    record Listed(String domain, String username, String lastName, String firstName, be.ocmw.merge.domain.Insz insz,
                  be.ocmw.merge.domain.Role role, be.ocmw.merge.domain.AccountStatus status, String email, String language,
                  List<String> applications, List<String> sameInszAs, List<String> unknownApplications) {
    }

    /** The e-mail address of the current HTB of organisation {@code kbo} as loaded, if it has one with an address. */
    Optional<String> htbEmail(String kbo);

    /** Every account of organisation {@code kbo}, by domain and username, one at a time (a large OCMW is not held). */
    void each(String kbo, java.util.function.Consumer<Listed> each);

    /** The accounts of organisation {@code kbo}, by {@link #key(String, String)}. */
    Map<String, Loaded> of(String kbo);

    /** How an account is looked up: domain and username in any case. */
    static String key(String domain, String username) {
        return domain.strip().toLowerCase(java.util.Locale.ROOT) + "/" + username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The account {@code username} of {@code domain} among {@code accounts}. */
    static Optional<Loaded> find(Map<String, Loaded> accounts, String domain, String username) {
        return Optional.ofNullable(accounts.get(key(domain, username)));
    }
}
