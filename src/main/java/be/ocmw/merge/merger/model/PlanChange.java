package be.ocmw.merge.merger.model;

import be.ocmw.merge.domain.Role;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.AccountStatus;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change a plan makes, one record per {@link ChangeKind}. {@code subject} is what it changes, in words that stay
 * the same from one computation to the next (so the fingerprint does); {@link #detail()} its values as the apply
 * writes them and the fingerprint hashes them (in {@link CanonicalJson}: see docs/decisions/fingerprint.md).
 */
public sealed interface PlanChange {

    ChangeKind kind();

    Kbo targetKbo();

    /** The access domain of an account change; null for an organisation change. */
    String domain();

    String subject();

    /** The values as stored in {@code plan_change.detail}: the keys and spelling the apply's SQL reads. */
    Map<String, Object> detail();

    /** An account a change stands for, in an old OCMW: the OCMW's KBO and name and the account's username. */
    record SourceAccount(Kbo kbo, String organisation, String username) {

        /** "OCMW Gooik: jpeeters", as the reports and the stored plan show it. */
        public String label() {
            return organisation + ": " + username;
        }

        static List<String> labels(List<SourceAccount> sources) {
            return sources.stream().map(SourceAccount::label).toList();
        }
    }

    /** Scenario 1: the merged OCMW is a new organisation with its NIS code from E. */
    record CreateOrganisation(Kbo targetKbo, String subject, String name, String nis, LocalDate validFrom)
            implements PlanChange {

        public ChangeKind kind() {
            return ChangeKind.CREATE_ORGANISATION;
        }

        public String domain() {
            return null;
        }

        public Map<String, Object> detail() {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("name", name);
            detail.put("nis", nis);
            detail.put("valid_from", validFrom.toString());
            return detail;
        }
    }

    /** Scenario 2: the retained OCMW gets the new NIS code from E. */
    record SetNis(Kbo targetKbo, String subject, String name, String previousNis, String nis, LocalDate validFrom)
            implements PlanChange {

        public ChangeKind kind() {
            return ChangeKind.SET_NIS;
        }

        public String domain() {
            return null;
        }

        public Map<String, Object> detail() {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("name", name);
            detail.put("previous_nis", previousNis);
            detail.put("nis", nis);
            detail.put("valid_from", validFrom.toString());
            return detail;
        }
    }

    /** An account the merged OCMW gets, merged from {@code sources} (none: a designated administrator who had none). */
    record CreateAccount(Kbo targetKbo, String domain, String username, String lastName, String firstName, Role role,
                         Insz insz, AccountStatus status, String email, String language, List<String> applications,
                         List<SourceAccount> sources) implements PlanChange {

        public CreateAccount {
            applications = List.copyOf(applications);
            sources = List.copyOf(sources);
        }

        public ChangeKind kind() {
            return ChangeKind.CREATE_ACCOUNT;
        }

        public String subject() {
            return domain + "/" + username;
        }

        public Map<String, Object> detail() {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("username", username);
            account.put("last_name", lastName);
            account.put("first_name", firstName);
            account.put("role", role.name());
            account.put("insz", insz == null ? null : insz.digits());
            account.put("status", status.name());
            account.put("email", email);
            account.put("language", language);
            account.put("applications", applications);
            account.put("sources", SourceAccount.labels(sources));
            return account;
        }
    }

    /**
     * What changes on an account the merged OCMW has already: applications it gets ({@code addApplications}, empty
     * when none), and its status and role when they change (null when they stay).
     */
    record UpdateAccount(Kbo targetKbo, String domain, String username, List<String> addApplications, AccountStatus status,
                         Role role, List<SourceAccount> sources) implements PlanChange {

        public UpdateAccount {
            addApplications = List.copyOf(addApplications);
            sources = List.copyOf(sources);
        }

        public ChangeKind kind() {
            return ChangeKind.UPDATE_ACCOUNT;
        }

        public String subject() {
            return domain + "/" + username;
        }

        /** The same change without its role and status: what a reconciliation may correct by itself. */
        public UpdateAccount grantsOnly() {
            return new UpdateAccount(targetKbo, domain, username, addApplications, null, null, sources);
        }

        public Map<String, Object> detail() {
            Map<String, Object> update = new LinkedHashMap<>();
            if (!addApplications.isEmpty()) {
                update.put("add_applications", addApplications);
            }
            if (status != null) {
                update.put("status", status.name());
            }
            if (role != null) {
                update.put("role", role.name());
            }
            update.put("username", username);
            update.put("sources", SourceAccount.labels(sources));
            return update;
        }
    }

    /**
     * What a plan takes away from an account the merged OCMW has (SPEC 5.7), and why. {@code kind} is one of the
     * corrections ({@link ChangeKind#correction()}): {@code WITHDRAW_ROLE} takes {@code role} away ({@code newRole} the
     * role left in a domain, USER; null for an organisation-level administrator, who leaves the organisation-level
     * administrators while their domain accounts stay); {@code BLOCK_ACCOUNT} blocks it; {@code WITHDRAW_APPLICATIONS}
     * withdraws {@code applications}. {@code why} is the message {@code reason.<key>} with its values, as every language
     * says it; {@code source} the submission it comes from ("OCMW Gooik, 12/11/2024, gooik.xlsx, Gebruikers row 4"),
     * empty when none names it.
     */
    record Correction(ChangeKind kind, Kbo targetKbo, String domain, String username, String lastName, String firstName,
                      Insz insz, Role role, Role newRole, List<String> applications, be.ocmw.merge.domain.Reason why,
                      String source) implements PlanChange {

        public Correction {
            if (!kind.correction()) {
                throw new IllegalArgumentException(kind + " is not a correction");
            }
            applications = List.copyOf(applications);
            source = source == null ? "" : source;
        }

        public String subject() {
            return domain + "/" + username;
        }

        /** What changes, before → after, as every language says it: "HTB → no longer a main access manager". */
        public be.ocmw.merge.domain.Reason what() {
            return switch (kind) {
                case WITHDRAW_ROLE -> newRole == null ? be.ocmw.merge.domain.Reason.of("correction.what.leave", role.label())
                        : be.ocmw.merge.domain.Reason.of("correction.what.role", role.label(), newRole.label());
                case BLOCK_ACCOUNT -> be.ocmw.merge.domain.Reason.of("correction.what.block");
                default -> be.ocmw.merge.domain.Reason.of("correction.what.applications", String.join(", ", applications));
            };
        }

        /** The person in words: "Jan Peeters". */
        public String name() {
            return (firstName + " " + lastName).strip();
        }

        public Map<String, Object> detail() {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("username", username);
            detail.put("last_name", lastName);
            detail.put("first_name", firstName);
            detail.put("insz", insz == null ? null : insz.digits());
            detail.put("role", role.name());
            if (kind == ChangeKind.WITHDRAW_ROLE) {
                detail.put("new_role", newRole == null ? null : newRole.name());
            }
            if (kind == ChangeKind.WITHDRAW_APPLICATIONS) {
                detail.put("applications", applications);
            }
            detail.put("why_key", why.key());
            detail.put("why_args", why.args());
            detail.put("source", source);
            return detail;
        }
    }
}
