package be.ocmw.merge.merger.model;

import be.ocmw.merge.domain.Role;
import java.util.Locale;
import java.util.Optional;

/**
 * What a plan counts, each in its group. The spelling of {@link Group#key()} and {@link #key()} is that of
 * {@code summary.json} (SPEC 7) and of the message keys {@code count.<group>.<key>}; the declaration order is the
 * order in which summaries show them.
 */
public enum Count {

    ROLES_WITHDRAWN(Group.CORRECTIONS, "roles_withdrawn"),
    ACCOUNTS_BLOCKED(Group.CORRECTIONS, "accounts_blocked"),
    APPLICATIONS_WITHDRAWN(Group.CORRECTIONS, "applications_withdrawn"),
    HTB(Group.ADMINISTRATORS, "htb"),
    CO_HTB(Group.ADMINISTRATORS, "co_htb"),
    TB(Group.ADMINISTRATORS, "tb"),
    CO_TB(Group.ADMINISTRATORS, "co_tb"),
    SOURCE_ACCOUNTS(Group.ACCOUNTS, "source"),
    ACCOUNTS_TO_CREATE(Group.ACCOUNTS, "to_create"),
    MERGED_DUPLICATES(Group.ACCOUNTS, "merged_duplicates"),
    ALREADY_IN_TARGET(Group.ACCOUNTS, "already_in_target"),
    ACCOUNTS_TO_UPDATE(Group.ACCOUNTS, "to_update"),
    NOT_COPIED(Group.ACCOUNTS, "not_copied"),
    GRANTS_TO_CREATE(Group.GRANTS, "to_create"),
    DOSSIERS_TO_CLOSE(Group.DOSSIERS, "to_close"),
    DOSSIERS_TO_REOPEN(Group.DOSSIERS, "to_reopen"),
    DOSSIERS_AFTER_CUTOVER(Group.DOSSIERS, "after_cutover"),
    REQUESTS_TO_RELINK(Group.ONLINE_REQUESTS, "to_relink");

    /** The groups of a summary, one per section of it; what the plan takes away comes before what it adds. */
    public enum Group {
        CORRECTIONS, ADMINISTRATORS, ACCOUNTS, GRANTS, DOSSIERS, ONLINE_REQUESTS;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Group group;
    private final String key;

    Count(Group group, String key) {
        this.group = group;
        this.key = key;
    }

    public Group group() {
        return group;
    }

    public String key() {
        return key;
    }

    /** {@code dossiers.to_close}: how a count is named where one name must say it all (a finding, the console). */
    public String qualifiedKey() {
        return group.key() + "." + key;
    }

    /** The count a role is counted under when it is an administrator's: HTB, co-HTB, TB or co-TB. */
    public static Optional<Count> administrators(Role role) {
        return Optional.ofNullable(role == null ? null : switch (role) {
            case HTB -> HTB;
            case CO_HTB -> CO_HTB;
            case TB -> TB;
            case CO_TB -> CO_TB;
            case SB, USER -> null;
        });
    }

    /** The count stored as {@code key} in {@code group} of a summary. */
    static Optional<Count> of(String group, String key) {
        for (Count count : values()) {
            if (count.group.key().equals(group) && count.key.equals(key)) {
                return Optional.of(count);
            }
        }
        return Optional.empty();
    }
}
