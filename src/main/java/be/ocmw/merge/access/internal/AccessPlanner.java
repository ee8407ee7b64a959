package be.ocmw.merge.access.internal;

import be.ocmw.merge.merger.model.MergerPlan.TargetAccount.Action;
import be.ocmw.merge.domain.Role;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.access.AccessFormat;
import be.ocmw.merge.domain.AccountStatus;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.merger.model.MergerPlan.TargetAccount;
import be.ocmw.merge.merger.model.ChangeKind;
import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.finding.Severity;
import be.ocmw.merge.merger.model.PlanChange.CreateAccount;
import be.ocmw.merge.merger.model.PlanChange.SourceAccount;
import be.ocmw.merge.merger.model.PlanChange.UpdateAccount;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Works out, domain by domain, the target's accounts after the merger (SPEC 5.2 and 5.3): one account per
 * person (INSZ) with the union of their applications, active if active anywhere, names and e-mail from the
 * target's own account or else the first source in registry order; administrators only as the submissions
 * designate them; accounts without INSZ copied when their username is free. Everything it notices is a
 * finding. It reads nothing and writes nothing: the inputs are given, the changes returned.
 */
public final class AccessPlanner {

    static final String MAIN = AccessFormat.MAIN_ADMINISTRATORS;
    static final Set<Role> ADMIN_ROLES = java.util.EnumSet.of(Role.HTB, Role.CO_HTB, Role.TB, Role.CO_TB, Role.SB);

    /** A live account of a source or of the target. {@code order} is the organisation's place in the registry. */
    public record Account(String kbo, String organisation, int order, String domain, String username, String lastName,
                          String firstName, Role role, Insz insz, AccountStatus status, String email, String language,
                          List<String> applications) {
    }

    /**
     * A person a current submission designates; {@code source} the submission that does, in words
     * ("OCMW Gooik, 12/11/2024, gooik.xlsx, Beheerders row 3").
     */
    public record Designation(Role role, String domain, Insz insz, String lastName, String firstName, String email,
                              String language, String source) {
    }

    /**
     * What a disappearing OCMW's review decides for one of its accounts (SPEC 4.5): not copied ({@code copy} false),
     * copied blocked, applications left out ({@code leaveOut}); {@code source} the submission row, in words.
     */
    public record SourceReview(String kbo, String domain, String username, boolean copy, boolean blocked,
                               List<String> leaveOut, String source) {

        public SourceReview {
            leaveOut = List.copyOf(leaveOut);
        }

        String key() {
            return kbo + "/" + Review.key(domain, username);
        }
    }

    /**
     * What the merged OCMW's own review decides for one of its accounts (SPEC 4.5): block it, withdraw
     * {@code withdraw}; {@code source} the submission row that says so, in words.
     */
    public record Review(String domain, String username, boolean block, List<String> withdraw, String source) {

        public Review {
            withdraw = List.copyOf(withdraw);
        }

        String key() {
            return key(domain, username);
        }

        static String key(String domain, String username) {
            return domain.toLowerCase(Locale.ROOT) + "/" + username.toLowerCase(Locale.ROOT);
        }
    }

    private final String targetKbo;
    private final Kbo target;
    /** The old OCMWs' numbers, each read once (a plan of thousands of accounts names a handful of organisations). */
    private final Map<String, Kbo> sourceKbos = new HashMap<>();
    private final Map<String, Set<String>> catalogue;
    private final List<PlanChange> changes = new ArrayList<>();
    private final List<PlanChange.Correction> corrections = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<TargetAccount> accounts = new ArrayList<>();
    private final Map<Count, Integer> counts = new EnumMap<>(Count.class);
    /** The merged OCMW's review, by domain and username (lower case). */
    private final Map<String, Review> reviews = new HashMap<>();

    public AccessPlanner(String targetKbo, Map<String, Set<String>> catalogue) {
        this.targetKbo = targetKbo;
        this.target = new Kbo(targetKbo);
        this.catalogue = catalogue;
        for (Count count : Count.values()) {
            if (count.group() == Count.Group.ADMINISTRATORS || count.group() == Count.Group.ACCOUNTS
                    || count.group() == Count.Group.GRANTS || count.group() == Count.Group.CORRECTIONS) {
                counts.put(count, 0);
            }
        }
    }

    /** What the merged OCMW gets, then what it loses (the corrections, applied last). */
    public List<PlanChange> changes() {
        List<PlanChange> all = new ArrayList<>(changes);
        all.addAll(corrections);
        return all;
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<TargetAccount> accounts() {
        return accounts;
    }

    /** The counts of the access groups: administrators, accounts, grants. */
    public PlanCounts counts() {
        return new PlanCounts(counts);
    }

    public void plan(List<Account> sources, List<Account> target, List<Designation> designations) {
        plan(sources, target, designations, List.of());
    }

    /** With the merged OCMW's own review of its accounts ({@code review}): what it blocks or withdraws is a correction. */
    public void plan(List<Account> sources, List<Account> target, List<Designation> designations, List<Review> review) {
        plan(sources, target, designations, review, List.of());
    }

    /**
     * With the disappearing OCMWs' reviews of their accounts too ({@code sourceReviews}): an account not to copy is left
     * out (a designated administrator not to copy is a conflict that blocks the plan), one to copy blocked counts as
     * blocked, applications left out are not copied.
     */
    public void plan(List<Account> sources, List<Account> target, List<Designation> designations, List<Review> review,
                     List<SourceReview> sourceReviews) {
        review.forEach(r -> reviews.put(r.key(), r));
        // every account of the old OCMWs counts, also those their review says not to copy
        counts.put(Count.SOURCE_ACCOUNTS, sources.size());
        sources = asReviewed(sources, designations, sourceReviews);
        TreeSet<String> domains = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sources.forEach(a -> domains.add(a.domain()));
        target.forEach(a -> domains.add(a.domain()));
        designations.forEach(d -> domains.add(d.domain() == null ? MAIN : d.domain()));
        for (String domain : domains) {
            planDomain(domain,
                    sources.stream().filter(a -> a.domain().equalsIgnoreCase(domain))
                            .sorted(Comparator.comparingInt(Account::order).thenComparing(Account::username)).toList(),
                    target.stream().filter(a -> a.domain().equalsIgnoreCase(domain))
                            .sorted(Comparator.comparing(Account::username)).toList(),
                    designations.stream().filter(d -> domain.equalsIgnoreCase(d.domain() == null ? MAIN : d.domain())).toList());
        }
    }

    private void planDomain(String domain, List<Account> sources, List<Account> target, List<Designation> designated) {
        boolean main = domain.equalsIgnoreCase(MAIN);
        Map<Insz, Designation> designationByInsz = new LinkedHashMap<>();
        // the HTB or TB first, so that someone named both HTB and co-HTB is HTB
        designated.stream().sorted(Comparator.comparing(d -> d.role().deputy() ? 1 : 0))
                .forEach(d -> designationByInsz.putIfAbsent(d.insz(), d));
        Map<String, Account> taken = new HashMap<>();
        target.forEach(a -> taken.put(a.username().toLowerCase(Locale.ROOT), a));
        Set<String> visited = new HashSet<>();
        Set<String> planned = new HashSet<>();
        Map<Insz, Account> targetByInsz = new LinkedHashMap<>();
        target.stream().filter(a -> a.insz() != null).forEach(a -> targetByInsz.putIfAbsent(a.insz(), a));
        Map<Insz, List<Account>> groups = new LinkedHashMap<>();
        List<Account> withoutInsz = new ArrayList<>();
        for (Account source : sources) {
            if (source.insz() == null) {
                withoutInsz.add(source);
            } else {
                groups.computeIfAbsent(source.insz(), k -> new ArrayList<>()).add(source);
            }
        }
        designationByInsz.keySet().forEach(insz -> groups.putIfAbsent(insz, new ArrayList<>()));
        targetByInsz.keySet().forEach(insz -> groups.putIfAbsent(insz, new ArrayList<>()));

        for (Map.Entry<Insz, List<Account>> group : groups.entrySet()) {
            Insz insz = group.getKey();
            Account existing = targetByInsz.get(insz);
            Designation designation = designationByInsz.get(insz);
            List<Account> members = group.getValue();
            if (main && designation == null) {
                members.forEach(m -> finding("ADMIN_NOT_DESIGNATED", Severity.INFO, m.kbo(), m.username(), "ADMIN_NOT_DESIGNATED.main",
                        describe(m), m.role().label(), m.organisation()));
                if (existing != null && ADMIN_ROLES.contains(existing.role())) {
                    // "Van Toegangsbeheerder veranderen": the one no longer designated leaves the organisation-level
                    // administrators; their accounts in the domains stay
                    visited.add(Review.key(domain, existing.username()));
                    withdrawRole(existing, null, designatedInWords(designated));
                }
                counts.merge(Count.NOT_COPIED, members.size(), Integer::sum);
                continue;
            }
            if (existing != null) {
                visited.add(Review.key(domain, existing.username()));
            }
            planPerson(domain, insz, existing, designation, members, taken, planned, designated);
        }
        for (Account source : withoutInsz) {
            planWithoutInsz(domain, source, taken, planned);
        }
        // the merged OCMW's accounts no rule above looked at (no INSZ): only its own review changes them
        for (Account account : target) {
            if (!visited.contains(Review.key(domain, account.username()))) {
                reviewed(account, account.status().active(), new ArrayList<>(account.applications()));
            }
        }
    }

    /** The source accounts as their OCMWs' reviews decide them: left out, blocked, or with applications left out. */
    private List<Account> asReviewed(List<Account> sources, List<Designation> designations, List<SourceReview> decisions) {
        if (decisions.isEmpty()) {
            return sources;
        }
        Map<String, SourceReview> byAccount = new HashMap<>();
        decisions.forEach(d -> byAccount.put(d.key(), d));
        Set<String> designated = new HashSet<>();
        designations.forEach(d -> designated.add(Review.key(d.domain() == null ? MAIN : d.domain(), d.insz().digits())));
        List<Account> kept = new ArrayList<>(sources.size());
        for (Account account : sources) {
            SourceReview decision = byAccount.get(account.kbo() + "/" + Review.key(account.domain(), account.username()));
            if (decision == null) {
                kept.add(account);
                continue;
            }
            String who = describe(account);
            if (!decision.copy()) {
                if (account.insz() != null && designated.contains(Review.key(account.domain(), account.insz().digits()))) {
                    finding("REVIEW_CONFLICT", Severity.BLOCKING, account.kbo(), account.username(), "REVIEW_CONFLICT", who,
                            account.organisation(), account.domain(), decision.source());
                    kept.add(account);
                } else {
                    finding("REVIEW_NOT_COPIED", Severity.INFO, account.kbo(), account.username(), "REVIEW_NOT_COPIED", who,
                            account.organisation(), account.domain(), decision.source());
                    counts.merge(Count.NOT_COPIED, 1, Integer::sum);
                }
                continue;
            }
            if (decision.blocked() && account.status().active()) {
                finding("REVIEW_COPIED_BLOCKED", Severity.INFO, account.kbo(), account.username(), "REVIEW_COPIED_BLOCKED", who,
                        account.organisation(), decision.source());
            }
            List<String> leftOut = decision.leaveOut().stream().filter(account.applications()::contains).toList();
            if (!leftOut.isEmpty()) {
                finding("REVIEW_APPLICATION_LEFT_OUT", Severity.INFO, account.kbo(), account.username(),
                        "REVIEW_APPLICATION_LEFT_OUT", who, account.organisation(), String.join(", ", leftOut), decision.source());
            }
            kept.add(new Account(account.kbo(), account.organisation(), account.order(), account.domain(), account.username(),
                    account.lastName(), account.firstName(), account.role(), account.insz(),
                    decision.blocked() ? AccountStatus.GEBLOKKEERD : account.status(), account.email(), account.language(),
                    account.applications().stream().filter(a -> !leftOut.contains(a)).toList()));
        }
        return kept;
    }

    /**
     * Who the current submissions designate, each with the submissions that do: the why of a withdrawal
     * ("Marie Peeters (HTB): OCMW Gooik, 12/11/2024 (gooik.xlsx, Beheerders:2); OCMW Galmaarden, …"), empty for nobody.
     */
    private static String designatedInWords(List<Designation> designated) {
        Map<String, List<String>> people = new LinkedHashMap<>();
        designated.stream().sorted(Comparator.comparing(d -> d.role().deputy() ? 1 : 0))
                .forEach(d -> people.computeIfAbsent(d.firstName() + " " + d.lastName() + " (" + d.role().label() + ")",
                        k -> new ArrayList<>()).add(d.source()));
        return people.isEmpty() ? "" : people.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join("; ", e.getValue().stream().filter(Objects::nonNull).distinct().toList()))
                .reduce((a, b) -> a + " — " + b).orElseThrow();
    }

    /**
     * A correction: {@code account} of the merged OCMW loses its role ({@code newRole} USER in a domain, null at the
     * organisation level); {@code designated} who the submissions designate instead, in words.
     */
    private void withdrawRole(Account account, Role newRole, String designated) {
        be.ocmw.merge.domain.Reason why = newRole == null
                ? be.ocmw.merge.domain.Reason.of("correction.role.main", account.role().label())
                : be.ocmw.merge.domain.Reason.of("correction.role.domain", account.role().label(), account.domain());
        corrections.add(new PlanChange.Correction(ChangeKind.WITHDRAW_ROLE, target, account.domain(), account.username(),
                account.lastName(), account.firstName(), account.insz(), account.role(), newRole, List.of(), why,
                designated));
        counts.merge(Count.ROLES_WITHDRAWN, 1, Integer::sum);
    }

    /**
     * The merged OCMW's review of one of its accounts that the rules would leave {@code active} with {@code applications}:
     * a block, applications withdrawn, each a correction. Returns whether the account stays active.
     */
    private boolean reviewed(Account account, boolean active, java.util.Collection<String> applications) {
        Review review = reviews.get(Review.key(account.domain(), account.username()));
        if (review == null) {
            return active;
        }
        if (review.block() && account.status().active()) {
            corrections.add(new PlanChange.Correction(ChangeKind.BLOCK_ACCOUNT, target, account.domain(),
                    account.username(), account.lastName(), account.firstName(), account.insz(), account.role(), null,
                    List.of(), be.ocmw.merge.domain.Reason.of("correction.block"), review.source()));
            counts.merge(Count.ACCOUNTS_BLOCKED, 1, Integer::sum);
        }
        List<String> withdrawn = review.withdraw().stream().filter(account.applications()::contains).sorted().toList();
        if (!withdrawn.isEmpty()) {
            corrections.add(new PlanChange.Correction(ChangeKind.WITHDRAW_APPLICATIONS, target, account.domain(),
                    account.username(), account.lastName(), account.firstName(), account.insz(), account.role(), null,
                    withdrawn, be.ocmw.merge.domain.Reason.of("correction.applications", String.join(", ", withdrawn)),
                    review.source()));
            counts.merge(Count.APPLICATIONS_WITHDRAWN, withdrawn.size(), Integer::sum);
        }
        applications.removeAll(review.withdraw());
        return active && !review.block();
    }

    private void planPerson(String domain, Insz insz, Account existing, Designation designation, List<Account> members,
                            Map<String, Account> taken, Set<String> planned, List<Designation> designated) {
        Role role = designation != null ? designation.role()
                : existing != null && !ADMIN_ROLES.contains(existing.role()) ? existing.role() : Role.USER;
        if (designation == null) {
            for (Account member : members) {
                if (ADMIN_ROLES.contains(member.role())) {
                    finding("ADMIN_NOT_DESIGNATED", Severity.INFO, member.kbo(), member.username(), "ADMIN_NOT_DESIGNATED.domain",
                            describe(member), member.role().label(), member.organisation(), domain);
                }
            }
            if (existing != null && ADMIN_ROLES.contains(existing.role())) {
                withdrawRole(existing, role, designatedInWords(designated));
            }
        } else {
            Count.administrators(designation.role()).ifPresent(count -> counts.merge(count, 1, Integer::sum));
        }
        TreeSet<String> applications = new TreeSet<>();
        if (existing != null) {
            applications.addAll(existing.applications());
        }
        members.forEach(m -> applications.addAll(m.applications()));
        if (domain.equalsIgnoreCase(MAIN)) {
            applications.clear();
        }
        boolean active = (existing != null && existing.status().active())
                || members.stream().anyMatch(m -> m.status().active())
                || (existing == null && members.isEmpty());
        if (existing != null) {
            active = reviewed(existing, active, applications);
        }
        AccountStatus status = active ? AccountStatus.ACTIEF : AccountStatus.GEBLOKKEERD;
        Account first = existing != null ? existing : members.isEmpty() ? null : members.get(0);
        String lastName = first != null ? first.lastName() : designation.lastName();
        String firstName = first != null ? first.firstName() : designation.firstName();
        Set<String> names = new TreeSet<>();
        names.add(nameKey(lastName, firstName));
        members.forEach(m -> names.add(nameKey(m.lastName(), m.firstName())));
        if (names.size() > 1) {
            finding("NAME_MISMATCH", Severity.WARNING, null, insz.masked(), "NAME_MISMATCH", insz.masked(),
                    String.join(", ", members.stream().map(m -> m.firstName() + " " + m.lastName() + " (" + m.organisation() + ")")
                            .distinct().toList()), firstName + " " + lastName);
        }
        String email = existing != null && notBlank(existing.email()) ? existing.email()
                : members.stream().map(Account::email).filter(AccessPlanner::notBlank).findFirst()
                .orElse(designation != null ? designation.email() : null);
        Set<String> emails = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (existing != null && notBlank(existing.email())) {
            emails.add(existing.email());
        }
        members.stream().map(Account::email).filter(AccessPlanner::notBlank).forEach(emails::add);
        if (emails.size() > 1) {
            finding("EMAIL_DIFFERS", Severity.WARNING, null, insz.masked(), "EMAIL_DIFFERS", firstName + " " + lastName,
                    String.join(", ", emails), email);
        }
        String language = existing != null && existing.language() != null ? existing.language()
                : members.stream().map(Account::language).filter(Objects::nonNull).findFirst()
                .orElse(designation != null ? designation.language() : null);
        unknownApplications(domain, applications, firstName + " " + lastName);
        List<String> mergedFrom = members.stream().map(m -> m.organisation() + ": " + m.username()).toList();

        if (existing != null) {
            counts.merge(Count.ALREADY_IN_TARGET, members.size(), Integer::sum);
            List<String> added = applications.stream().filter(a -> !existing.applications().contains(a)).toList();
            // a block is a correction of its own; the update only ever activates
            AccountStatus newStatus = status == existing.status() || !status.active() ? null : status;
            // a withdrawn administrator role is a correction of its own; the update gives a role
            Role newRole = role == existing.role() || (designation == null && ADMIN_ROLES.contains(existing.role())) ? null : role;
            Action action = Action.UNCHANGED;
            if (!added.isEmpty() || newStatus != null || newRole != null) {
                changes.add(new UpdateAccount(target, domain, existing.username(), added, newStatus,
                        newRole,
                        sources(members)));
                counts.merge(Count.ACCOUNTS_TO_UPDATE, 1, Integer::sum);
                counts.merge(Count.GRANTS_TO_CREATE, added.size(), Integer::sum);
                action = Action.UPDATE;
            }
            accounts.add(new TargetAccount(domain, existing.username(), existing.lastName(), existing.firstName(), insz,
                    role, status, existing.email(), List.copyOf(applications), action, mergedFrom));
            return;
        }
        String wanted = members.isEmpty() ? derivedUsername(firstName, lastName) : members.get(0).username();
        String username = free(wanted, taken, planned);
        if (!username.equals(wanted) && !members.isEmpty()) {
            Account holder = taken.get(wanted.toLowerCase(Locale.ROOT));
            if (holder != null) {
                finding("USERNAME_RENAMED", Severity.WARNING, targetKbo, username, "USERNAME_RENAMED", wanted, firstName + " " + lastName,
                        members.get(0).organisation(), domain, holder.firstName() + " " + holder.lastName(), username);
            } else {
                finding("USERNAME_RENAMED", Severity.WARNING, targetKbo, username, "USERNAME_RENAMED.unknown", wanted,
                        firstName + " " + lastName, members.get(0).organisation(), domain, username);
            }
        }
        planned.add(username.toLowerCase(Locale.ROOT));
        counts.merge(Count.ACCOUNTS_TO_CREATE, 1, Integer::sum);
        counts.merge(Count.MERGED_DUPLICATES, Math.max(0, members.size() - 1), Integer::sum);
        counts.merge(Count.GRANTS_TO_CREATE, applications.size(), Integer::sum);
        changes.add(new CreateAccount(target, domain, username, lastName, firstName, role, insz, status, email,
                language,
                List.copyOf(applications), sources(members)));
        accounts.add(new TargetAccount(domain, username, lastName, firstName, insz, role, status, email,
                List.copyOf(applications), Action.CREATE, mergedFrom));
    }

    private void planWithoutInsz(String domain, Account source, Map<String, Account> taken, Set<String> planned) {
        String key = source.username().toLowerCase(Locale.ROOT);
        Account holder = taken.get(key);
        if (holder != null && holder.insz() == null && nameKey(holder.lastName(), holder.firstName())
                .equals(nameKey(source.lastName(), source.firstName()))) {
            // copied by an earlier apply: nothing to do again
            counts.merge(Count.ALREADY_IN_TARGET, 1, Integer::sum);
            return;
        }
        if (holder != null || planned.contains(key)) {
            counts.merge(Count.NOT_COPIED, 1, Integer::sum);
            finding("NO_INSZ", Severity.WARNING, source.kbo(), source.username(), "NO_INSZ.taken", describe(source),
                    source.organisation(), domain);
            return;
        }
        Role role = ADMIN_ROLES.contains(source.role()) ? Role.USER : source.role();
        if (role != source.role()) {
            finding("ADMIN_NOT_DESIGNATED", Severity.INFO, source.kbo(), source.username(), "ADMIN_NOT_DESIGNATED.no_insz",
                    describe(source), source.role().label(), source.organisation());
        }
        finding("NO_INSZ", Severity.WARNING, source.kbo(), source.username(), "NO_INSZ.copied", describe(source),
                source.organisation());
        TreeSet<String> applications = new TreeSet<>(source.applications());
        unknownApplications(domain, applications, source.firstName() + " " + source.lastName());
        planned.add(key);
        counts.merge(Count.ACCOUNTS_TO_CREATE, 1, Integer::sum);
        counts.merge(Count.GRANTS_TO_CREATE, applications.size(), Integer::sum);
        List<String> mergedFrom = List.of(source.organisation() + ": " + source.username());
        changes.add(new CreateAccount(target, domain, source.username(), source.lastName(), source.firstName(), role, null,
                source.status(), source.email(), source.language(), List.copyOf(applications), sources(List.of(source))));
        accounts.add(new TargetAccount(domain, source.username(), source.lastName(), source.firstName(), null, role,
                source.status(), source.email(), List.copyOf(applications), Action.CREATE, mergedFrom));
    }

    private void unknownApplications(String domain, Set<String> applications, String who) {
        Set<String> known = catalogue.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(domain))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (known == null) {
            return;
        }
        List<String> unknown = applications.stream().filter(a -> !known.contains(a)).toList();
        if (!unknown.isEmpty()) {
            finding("UNKNOWN_APPLICATION", Severity.WARNING, targetKbo, who, "UNKNOWN_APPLICATION", who, domain,
                    String.join(", ", unknown));
        }
    }

    /** The accounts a change stands for, as the plan names them. */
    private List<SourceAccount> sources(List<Account> members) {
        return members.stream().map(m -> new SourceAccount(sourceKbos.computeIfAbsent(m.kbo(), Kbo::new), m.organisation(),
                m.username())).toList();
    }


    private static String free(String wanted, Map<String, Account> taken, Set<String> planned) {
        String candidate = wanted;
        for (int n = 2; taken.containsKey(candidate.toLowerCase(Locale.ROOT)) || planned.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = wanted + n;
        }
        return candidate;
    }

    static String derivedUsername(String firstName, String lastName) {
        String ascii = Normalizer.normalize(firstName.substring(0, 1) + lastName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]", "");
        return ascii.toLowerCase(Locale.ROOT);
    }

    private static String nameKey(String lastName, String firstName) {
        return (lastName.strip() + "|" + firstName.strip()).toLowerCase(Locale.ROOT);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }


    private static String describe(Account account) {
        return account.firstName() + " " + account.lastName() + " (" + account.username()
                + (account.insz() == null ? "" : ", " + account.insz().masked()) + ")";
    }


    private void finding(String code, Severity severity, String kbo, String subject, String message, Object... values) {
        findings.add(Finding.of(code, severity, kbo, subject, message, values));
    }

    /** Scenario 3: what both OCMWs could clean up, one finding per organisation and kind. */
    public void cleanUpSuggestions(List<Account> accounts) {
        Map<Organisation, List<Account>> byOrganisation = new TreeMap<>(
                Comparator.comparing(Organisation::kbo).thenComparing(Organisation::name));
        accounts.stream().filter(a -> !a.domain().equalsIgnoreCase(MAIN))
                .forEach(a -> byOrganisation.computeIfAbsent(new Organisation(a.kbo(), a.organisation()), k -> new ArrayList<>()).add(a));
        byOrganisation.forEach((key, list) -> {
            String kbo = key.kbo();
            String organisation = key.name();
            suggest(kbo, "CLEANUP_BLOCKED_ACCOUNTS", organisation,
                    list.stream().filter(a -> a.status() == AccountStatus.GEBLOKKEERD).toList());
            suggest(kbo, "CLEANUP_NO_APPLICATIONS", organisation,
                    list.stream().filter(a -> a.applications().isEmpty()).toList());
            Map<String, List<Account>> byPerson = new TreeMap<>();
            list.stream().filter(a -> a.insz() != null)
                    .forEach(a -> byPerson.computeIfAbsent(a.domain() + "|" + a.insz().digits(), k -> new ArrayList<>()).add(a));
            suggest(kbo, "CLEANUP_SAME_PERSON_TWICE", organisation,
                    byPerson.values().stream().filter(l -> l.size() > 1).flatMap(List::stream).toList());
        });
    }

    private record Organisation(String kbo, String name) {
    }

    private void suggest(String kbo, String code, String organisation, List<Account> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        List<String> usernames = accounts.stream().map(Account::username).sorted().toList();
        // the first twenty by name; the report's reader counts the rest from the number
        String listed = String.join(", ", usernames.subList(0, Math.min(20, usernames.size())))
                + (usernames.size() > 20 ? ", … (+" + (usernames.size() - 20) + ")" : "");
        finding(code, Severity.INFO, kbo, organisation, code, organisation, accounts.size(), listed);
    }
}
