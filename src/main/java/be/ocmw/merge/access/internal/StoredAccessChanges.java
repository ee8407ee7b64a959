package be.ocmw.merge.access.internal;

import be.ocmw.merge.merger.model.MergerPlan.TargetAccount.Action;
import be.ocmw.merge.domain.Role;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.AccountStatus;
import be.ocmw.merge.merger.model.CanonicalJson;
import be.ocmw.merge.merger.model.ChangeKind;
import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.MergerPart.Contribution;
import be.ocmw.merge.merger.model.MergerPlan.TargetAccount;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.merger.model.PlanCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The access changes of a stored plan as its apply's reports show them, read back from {@code plan_change} when the
 * apply did not compute the plan itself (it executed the approved plan as stored, or finished an interrupted one);
 * and what an apply of access changes does, counted from the changes either way.
 */
public final class StoredAccessChanges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public StoredAccessChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The changes of plan {@code rows}: its account changes given as the accounts they create or update (all the
     * reports show of them); its changes the other ones (organisation and NIS).
     */
    public Contribution read(long rows) {
        // an updated account is shown as the plan shows it: the target's account with the role, status and applications it gets
        Map<Integer, TargetAccount> current = new HashMap<>();
        jdbc.sql("""
                        select c.seq, a.last_name, a.first_name, a.insz, a.role, a.status, a.email, a.applications
                        from plan_change c
                                 join live_account a on a.kbo = c.target_kbo and a.domain = c.domain and a.username = c.detail->>'username'
                        where c.plan_id = :id and c.kind = 'UPDATE_ACCOUNT'""")
                .param("id", rows)
                .query(rs -> {
                    current.put(rs.getInt(1), new TargetAccount(null, null, rs.getString(2), rs.getString(3),
                            insz(rs.getString(4)), Role.valueOf(rs.getString(5)), AccountStatus.valueOf(rs.getString(6)),
                            rs.getString(7), List.of((String[]) rs.getArray(8).getArray()), Action.UPDATE, List.of()));
                });
        List<PlanChange> changes = new ArrayList<>();
        List<TargetAccount> accounts = new ArrayList<>();
        Counter counter = new Counter();
        // the database takes the account changes apart, and hands their lists over as JSON text: a JSON document per
        // account read here, or a database array made of each list, cost several times as much
        jdbc.sql("""
                        select seq, kind, target_kbo, domain, subject, detail->>'username' as username,
                               detail->>'last_name' as last_name, detail->>'first_name' as first_name, detail->>'insz' as insz,
                               detail->>'role' as role, detail->>'status' as status, detail->>'email' as email,
                               detail->>'applications' as applications, detail->>'add_applications' as add_applications,
                               detail->>'sources' as sources,
                               case when kind in ('CREATE_ACCOUNT', 'UPDATE_ACCOUNT') then null else cast(detail as text) end as other
                        from plan_change where plan_id = :id order by seq""")
                .param("id", rows)
                .query(rs -> {
                    String kind = rs.getString("kind");
                    Role role = rs.getString("role") == null ? null : Role.valueOf(rs.getString("role"));
                    if (kind.equals("CREATE_ACCOUNT")) {
                        List<String> applications = CanonicalJson.strings(rs.getString("applications"));
                        List<String> sources = CanonicalJson.strings(rs.getString("sources"));
                        counter.add(true, role, sources.size(), applications.size());
                        accounts.add(new TargetAccount(rs.getString("domain"), rs.getString("username"),
                                rs.getString("last_name"), rs.getString("first_name"), insz(rs.getString("insz")), role,
                                AccountStatus.valueOf(rs.getString("status")), rs.getString("email"), applications, Action.CREATE,
                                sources));
                    } else if (kind.equals("UPDATE_ACCOUNT")) {
                        List<String> added = CanonicalJson.strings(rs.getString("add_applications"));
                        List<String> sources = CanonicalJson.strings(rs.getString("sources"));
                        counter.add(false, role, sources.size(), added.size());
                        TargetAccount now = current.get(rs.getInt("seq"));
                        TreeSet<String> applications = new TreeSet<>(now == null ? List.of() : now.applications());
                        applications.addAll(added);
                        AccountStatus status = rs.getString("status") == null ? null : AccountStatus.valueOf(rs.getString("status"));
                        accounts.add(new TargetAccount(rs.getString("domain"), rs.getString("username"),
                                now == null ? "" : now.lastName(), now == null ? "" : now.firstName(), now == null ? null : now.insz(),
                                role != null ? role : now == null ? null : now.role(),
                                status != null ? status : now == null ? null : now.status(), now == null ? null : now.email(),
                                List.copyOf(applications), Action.UPDATE, sources));
                    } else if (ChangeKind.valueOf(kind).correction()) {
                        PlanChange.Correction correction = correction(ChangeKind.valueOf(kind), new Kbo(rs.getString("target_kbo")),
                                rs.getString("domain"), JSON.readTree(rs.getString("other")));
                        counter.add(correction);
                        changes.add(correction);
                    } else {
                        changes.add(organisationChange(kind, new Kbo(rs.getString("target_kbo")), rs.getString("subject"),
                                JSON.readTree(rs.getString("other"))));
                    }
                });
        return new Contribution(counter.counts(), changes, corrected(accounts, changes), List.of(), null);
    }

    /** The accounts as they are once the plan's corrections are made too: the role left, blocked, applications withdrawn. */
    private static List<TargetAccount> corrected(List<TargetAccount> accounts, List<PlanChange> changes) {
        Map<String, List<PlanChange.Correction>> byAccount = new HashMap<>();
        changes.stream().filter(PlanChange.Correction.class::isInstance).map(PlanChange.Correction.class::cast)
                .forEach(c -> byAccount.computeIfAbsent(key(c.domain(), c.username()), k -> new ArrayList<>()).add(c));
        if (byAccount.isEmpty()) {
            return accounts;
        }
        List<TargetAccount> result = new ArrayList<>(accounts.size());
        for (TargetAccount account : accounts) {
            TargetAccount now = account;
            for (PlanChange.Correction c : byAccount.getOrDefault(key(account.domain(), account.username()), List.of())) {
                Role role = c.kind() == ChangeKind.WITHDRAW_ROLE && c.newRole() != null ? c.newRole() : now.role();
                AccountStatus status = c.kind() == ChangeKind.BLOCK_ACCOUNT ? AccountStatus.GEBLOKKEERD : now.status();
                List<String> applications = now.applications().stream().filter(a -> !c.applications().contains(a)).toList();
                now = new TargetAccount(now.domain(), now.username(), now.lastName(), now.firstName(), now.insz(), role, status,
                        now.email(), applications, now.action(), now.mergedFrom());
            }
            result.add(now);
        }
        return result;
    }

    private static String key(String domain, String username) {
        return domain.toLowerCase(Locale.ROOT) + "/" + username.toLowerCase(Locale.ROOT);
    }

    private static PlanChange organisationChange(String kind, Kbo targetKbo, String subject, JsonNode detail) {
        LocalDate validFrom = LocalDate.parse(detail.get("valid_from").asString());
        return switch (kind) {
            case "CREATE_ORGANISATION" -> new PlanChange.CreateOrganisation(targetKbo, subject, detail.get("name").asString(),
                    detail.get("nis").asString(), validFrom);
            case "SET_NIS" -> new PlanChange.SetNis(targetKbo, subject, detail.get("name").asString(),
                    detail.get("previous_nis").asString(), detail.get("nis").asString(), validFrom);
            default -> throw new IllegalStateException("a stored change of unknown kind " + kind);
        };
    }

    /** The corrections of stored plan {@code rows}, in the plan's order. */
    public List<PlanChange.Correction> corrections(long rows) {
        return jdbc.sql("""
                        select kind, target_kbo, domain, cast(detail as text) from plan_change
                        where plan_id = :id and kind in ('WITHDRAW_ROLE', 'BLOCK_ACCOUNT', 'WITHDRAW_APPLICATIONS') order by seq""")
                .param("id", rows)
                .query((rs, n) -> correction(ChangeKind.valueOf(rs.getString(1)), new Kbo(rs.getString(2)), rs.getString(3),
                        JSON.readTree(rs.getString(4))))
                .list();
    }

    /**
     * The latest correction of each kind that any plan made for the merged OCMW's accounts of person {@code insz}: what
     * an explanation tells after a later plan that has none.
     */
    public List<PlanChange.Correction> correctionsOfPerson(String targetKbo, String insz) {
        return jdbc.sql("""
                        select distinct on (lower(domain), detail ->> 'username', kind) kind, target_kbo, domain, cast(detail as text)
                        from plan_change
                        where target_kbo = :target and detail ->> 'insz' = :insz
                          and kind in ('WITHDRAW_ROLE', 'BLOCK_ACCOUNT', 'WITHDRAW_APPLICATIONS')
                        order by lower(domain), detail ->> 'username', kind, plan_id desc""")
                .param("target", targetKbo).param("insz", insz)
                .query((rs, n) -> correction(ChangeKind.valueOf(rs.getString(1)), new Kbo(rs.getString(2)), rs.getString(3),
                        JSON.readTree(rs.getString(4))))
                .list();
    }

    private static PlanChange.Correction correction(ChangeKind kind, Kbo target, String domain, JsonNode detail) {
        List<String> applications = new ArrayList<>();
        if (detail.has("applications")) {
            detail.get("applications").forEach(a -> applications.add(a.asString()));
        }
        List<String> args = new ArrayList<>();
        detail.get("why_args").forEach(a -> args.add(a.asString()));
        JsonNode newRole = detail.get("new_role");
        return new PlanChange.Correction(kind, target, domain, detail.get("username").asString(),
                detail.get("last_name").asString(), detail.get("first_name").asString(),
                detail.get("insz").isNull() ? null : new Insz(detail.get("insz").asString()),
                Role.valueOf(detail.get("role").asString()),
                newRole == null || newRole.isNull() ? null : Role.valueOf(newRole.asString()), applications,
                new be.ocmw.merge.domain.Reason(detail.get("why_key").asString(), args, null), detail.get("source").asString());
    }

    private static Insz insz(String digits) {
        return digits == null ? null : new Insz(digits);
    }

    /** What an apply of these changes does: a second apply, which has none, reports zeros. */
    public static PlanCounts counts(List<PlanChange> changes) {
        Counter counter = new Counter();
        for (PlanChange change : changes) {
            if (change instanceof PlanChange.CreateAccount create) {
                counter.add(true, create.role(), create.sources().size(), create.applications().size());
            } else if (change instanceof PlanChange.UpdateAccount update) {
                counter.add(false, update.role(), update.sources().size(), update.addApplications().size());
            } else if (change instanceof PlanChange.Correction correction) {
                counter.add(correction);
            }
        }
        return counter.counts();
    }

    /** The counts of an apply, a change at a time. */
    private static final class Counter {

        private final Map<Count, Integer> administrators = new EnumMap<>(Count.class);
        private int sources;
        private int created;
        private int updated;
        private int merged;
        private int already;
        private int grants;
        private final Map<Count, Integer> corrections = new EnumMap<>(Map.of(Count.ROLES_WITHDRAWN, 0,
                Count.ACCOUNTS_BLOCKED, 0, Count.APPLICATIONS_WITHDRAWN, 0));

        /** A correction: a role withdrawn, an account blocked, or so many applications withdrawn. */
        void add(PlanChange.Correction correction) {
            switch (correction.kind()) {
                case WITHDRAW_ROLE -> corrections.merge(Count.ROLES_WITHDRAWN, 1, Integer::sum);
                case BLOCK_ACCOUNT -> corrections.merge(Count.ACCOUNTS_BLOCKED, 1, Integer::sum);
                case WITHDRAW_APPLICATIONS -> corrections.merge(Count.APPLICATIONS_WITHDRAWN,
                        correction.applications().size(), Integer::sum);
                default -> throw new IllegalStateException(correction.kind() + " is not a correction");
            }
        }

        Counter() {
            List.of(Count.HTB, Count.CO_HTB, Count.TB, Count.CO_TB).forEach(count -> administrators.put(count, 0));
        }

        /** An account change: created or updated, the role it gives (if any), the accounts it stands for, the grants. */
        void add(boolean create, Role role, int sourceAccounts, int addedGrants) {
            Count.administrators(role).ifPresent(count -> administrators.merge(count, 1, Integer::sum));
            sources += sourceAccounts;
            if (create) {
                created++;
                merged += Math.max(0, sourceAccounts - 1);
            } else {
                updated++;
                already += sourceAccounts;
            }
            grants += addedGrants;
        }

        PlanCounts counts() {
            return new PlanCounts(administrators).plus(new PlanCounts(corrections))
                    .with(Count.SOURCE_ACCOUNTS, sources)
                    .with(Count.ACCOUNTS_TO_CREATE, created)
                    .with(Count.MERGED_DUPLICATES, merged)
                    .with(Count.ALREADY_IN_TARGET, already)
                    .with(Count.ACCOUNTS_TO_UPDATE, updated)
                    .with(Count.NOT_COPIED, 0)
                    .with(Count.GRANTS_TO_CREATE, grants);
        }
    }
}
