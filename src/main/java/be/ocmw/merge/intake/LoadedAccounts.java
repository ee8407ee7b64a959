package be.ocmw.merge.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts of an organisation as loaded, which the review rows of its workbook must name: implemented by the
 * module that owns them (access), so that the intake reads no table of another module.
 */
public interface LoadedAccounts {

    /** An account as loaded: its domain and username as the export spells them, and its applications. */
    record Loaded(String domain, String username, List<String> applications) {
    }

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
