package be.ocmw.merge.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.json.JsonMapper;
import be.ocmw.merge.audit.AuditTrail;
import be.ocmw.merge.domain.AccountStatus;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.domain.Role;
import be.ocmw.merge.access.internal.StoredAccessChanges;
import be.ocmw.merge.merger.model.ChangeKind;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.merger.model.PlanChange.SourceAccount;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the engine stored about one person's access in a merger, domain by domain, for the explanations: their accounts
 * in the old OCMWs as the plan found them (the snapshot in force when the plan was computed), the merged OCMW's own
 * account, the plan's change for them as stored in {@code plan_change}, the account the merged OCMW has now, its audit
 * rows, and what changed in the old OCMWs since the plan. Reads only; never plans again.
 */
@Component
public class AccessStory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    AccessStory(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * An account as a snapshot holds it: {@code order} its OCMW's place in the registry (-1 for the merged OCMW),
     * {@code loadedAt} and {@code file} the load it comes from, {@code run} the run that made it (a load or an apply).
     */
    public record Account(Kbo kbo, String organisation, int order, String domain, String username, String lastName,
                          String firstName, Role role, Insz insz, AccountStatus status, String email, List<String> applications,
                          OffsetDateTime loadedAt, String file, long run) {

        public Account {
            applications = List.copyOf(applications);
        }

        public String name() {
            return firstName + " " + lastName;
        }

        /** How the plan names it among a change's sources: "OCMW Gooik: jpeeters". */
        public String label() {
            return new SourceAccount(kbo, organisation, username).label();
        }

        public boolean administrator() {
            return role.designated();
        }
    }

    /**
     * The plan's change for the person in a domain, as stored: an account it creates ({@code applications} all of
     * them) or the merged OCMW's own account it updates ({@code applications} those it adds; {@code role} and
     * {@code status} null when they stay). {@code sources} the source accounts' labels the plan stored with it.
     */
    public record Planned(ChangeKind kind, String username, String lastName, String firstName, Role role,
                          AccountStatus status, String email, List<String> applications, List<String> sources) {

        public Planned {
            applications = List.copyOf(applications);
            sources = List.copyOf(sources);
        }

        public String name() {
            return firstName + " " + lastName;
        }
    }

    /**
     * One domain of the person's access. {@code sources}: their accounts in the old OCMWs as the plan found them, in
     * registry order (now, when there is no plan); {@code own}: the merged OCMW's own account from before the plan
     * (null: none); {@code planned}: the plan's change (null: none); {@code now}: the merged OCMW's account today (null:
     * none); {@code administrators}: whom the plan makes administrator of this domain; {@code audit}: the audit rows of
     * the merged OCMW's account; {@code since}: the audit rows of the source accounts written after the plan (a reload).
     */
    public record Domain(String name, List<Account> sources, Account own, Planned planned, Account now,
                         List<Planned> administrators, List<AuditTrail.Entry> audit, List<AuditTrail.Entry> since,
                         List<PlanChange.Correction> corrections) {

        public Domain {
            corrections = List.copyOf(corrections);
        }

        public boolean main() {
            return name.equalsIgnoreCase(AccessFormat.MAIN_ADMINISTRATORS);
        }

        /** The merged OCMW's account the plan creates or updates, or has today: the drift and the findings name it. */
        public Optional<String> targetUsername() {
            return Optional.ofNullable(planned != null ? planned.username() : now != null ? now.username()
                    : own != null ? own.username() : corrections.isEmpty() ? null : corrections.get(0).username());
        }
    }

    /** A person's access in a merger: {@code insz} null for an account without one. Empty when nothing names them. */
    public record Person(Insz insz, List<Domain> domains) {

        public boolean found() {
            return !domains.isEmpty();
        }

        /** The name the person goes by: the merged OCMW's account, else their first source account. */
        public Optional<String> name() {
            return domains.stream().map(d -> d.planned() != null ? d.planned().name() : d.now() != null ? d.now().name()
                            : d.own() != null ? d.own().name() : d.sources().isEmpty() ? null : d.sources().get(0).name())
                    .filter(java.util.Objects::nonNull).findFirst();
        }
    }

    /**
     * The person with this INSZ in the merger: in the old OCMWs, in the merged one, or only in the plan (an
     * administrator the submissions designate who had no account). {@code rows} the plan whose changes to read and
     * {@code rowsRun} the run that computed them (both null: no plan yet).
     */
    public Person ofInsz(Merger merger, Insz insz, Long rows, Long rowsRun) {
        Map<String, List<Account>> sources = byDomain(accounts(merger, sources(merger), "a.insz = :insz", insz.digits(), rowsRun));
        Map<String, List<Account>> target = byDomain(accounts(merger, target(merger), "a.insz = :insz", insz.digits(), null));
        Map<String, Planned> created = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (rows != null) {
            jdbc.sql("select domain, kind, detail::text from plan_change where plan_id = :plan and kind = 'CREATE_ACCOUNT' "
                            + "and detail->>'insz' = :insz")
                    .param("plan", rows).param("insz", insz.digits())
                    .query(rs -> {
                        created.put(rs.getString(1), planned(rs.getString(2), rs.getString(3)));
                    });
        }
        Map<String, List<PlanChange.Correction>> corrections = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (rows != null) {
            // what the latest plan takes away; else what an earlier one took away (applied or not: the audit rows tell)
            StoredAccessChanges stored = new StoredAccessChanges(jdbc);
            List<PlanChange.Correction> latest = stored.corrections(rows).stream()
                    .filter(c -> c.insz() != null && c.insz().equals(insz)).toList();
            (latest.isEmpty() ? stored.correctionsOfPerson(merger.target().kbo().digits(), insz.digits()) : latest)
                    .forEach(c -> corrections.computeIfAbsent(c.domain(), k -> new ArrayList<>()).add(c));
        }
        java.util.TreeSet<String> domains = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        domains.addAll(corrections.keySet());
        domains.addAll(sources.keySet());
        domains.addAll(target.keySet());
        domains.addAll(created.keySet());
        List<Domain> result = new ArrayList<>();
        for (String domain : domains) {
            List<Account> mine = sources.getOrDefault(domain, List.of());
            Account now = target.getOrDefault(domain, List.of()).stream().findFirst().orElse(null);
            Account own = now != null && (rowsRun == null || now.run() <= rowsRun) ? now : null;
            Planned planned = created.get(domain);
            if (planned == null && own != null && rows != null) {
                planned = change(rows, "UPDATE_ACCOUNT", domain, own.username(), null).orElse(null);
            }
            if (planned != null && now != null && !now.username().equalsIgnoreCase(planned.username())) {
                now = account(merger, target(merger), domain, planned.username()).orElse(now);
            }
            result.add(domain(merger, rows, rowsRun, domain, mine, own, planned, now,
                    corrections.getOrDefault(domain, List.of())));
        }
        return new Person(insz, result);
    }

    /** An account without INSZ of an old OCMW: copied as it is when its username is free (SPEC 5.3), on its own. */
    public Person ofAccount(Merger merger, Account account, Long rows, Long rowsRun) {
        Account asPlanned = accounts(merger, List.of(account.kbo().digits()), "lower(a.domain) = lower(:domain) and a.username = :username",
                null, rowsRun, account.domain(), account.username()).stream().findFirst().orElse(account);
        Planned planned = rows == null ? null
                : change(rows, "CREATE_ACCOUNT", account.domain(), null, asPlanned.label()).orElse(null);
        Account now = planned == null ? null : account(merger, target(merger), account.domain(), planned.username()).orElse(null);
        return new Person(null, List.of(domain(merger, rows, rowsRun, account.domain(), List.of(asPlanned), null, planned, now,
                List.of())));
    }

    /** The live accounts with this username in the merger's OCMWs (old and merged), every domain; {@code kbo} narrows. */
    public List<Account> withUsername(Merger merger, String username, Kbo kbo) {
        List<String> kbos = new ArrayList<>(sources(merger));
        kbos.addAll(target(merger));
        if (kbo != null) {
            kbos.retainAll(List.of(kbo.digits()));
        }
        return accounts(merger, kbos, "lower(a.username) = lower(:username)", null, null, null, username);
    }

    /** The INSZ of the account plan {@code rows} creates in the merged OCMW under this username, if it has one. */
    public Optional<Insz> plannedInsz(Merger merger, long rows, String username) {
        return jdbc.sql("""
                        select detail->>'insz' from plan_change
                        where plan_id = :plan and kind = 'CREATE_ACCOUNT' and target_kbo = :target
                          and lower(detail->>'username') = lower(:username) and detail->>'insz' is not null
                        order by seq limit 1""")
                .param("plan", rows).param("target", merger.target().kbo().digits()).param("username", username.strip())
                .query(String.class).optional().map(Insz::new);
    }

    /**
     * The live accounts of the merger's OCMWs whose username is {@code words} or whose name contains them (first name
     * then last name, or the other way round), at most {@code limit}, by name.
     */
    public List<Account> search(Merger merger, String words, int limit) {
        List<String> kbos = new ArrayList<>(sources(merger));
        kbos.addAll(target(merger));
        String like = "%" + words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                .toLowerCase(Locale.ROOT) + "%";
        return accounts(merger, kbos, """
                        (lower(a.username) = lower(:username) or lower(a.first_name || ' ' || a.last_name) like :like
                         or lower(a.last_name || ' ' || a.first_name) like :like)""", null, null, null, words.strip(), like)
                .stream().sorted(Comparator.comparing(Account::lastName).thenComparing(Account::firstName)
                        .thenComparingInt(Account::order)).limit(limit).toList();
    }

    private Domain domain(Merger merger, Long rows, Long rowsRun, String domain, List<Account> sources, Account own,
                          Planned planned, Account now, List<PlanChange.Correction> corrections) {
        List<Planned> administrators = new ArrayList<>();
        if (rows != null) {
            jdbc.sql("""
                            select kind, detail::text from plan_change
                            where plan_id = :plan and lower(domain) = lower(:domain) and kind in ('CREATE_ACCOUNT', 'UPDATE_ACCOUNT')
                              and detail->>'role' in ('HTB', 'CO_HTB', 'TB', 'CO_TB') order by seq""")
                    .param("plan", rows).param("domain", domain)
                    .query(rs -> {
                        administrators.add(planned(rs.getString(1), rs.getString(2)));
                    });
        }
        String targetKbo = merger.target().kbo().digits();
        String username = planned != null ? planned.username() : now != null ? now.username() : own != null ? own.username()
                : corrections.isEmpty() ? null : corrections.get(0).username();
        List<AuditTrail.Entry> trail = username == null ? List.of() : audit.of("account", targetKbo + "/" + domain + "/" + username);
        List<AuditTrail.Entry> since = new ArrayList<>();
        if (rowsRun != null) {
            for (Account source : sources) {
                audit.of("account", source.kbo().digits() + "/" + domain + "/" + source.username()).stream()
                        .filter(entry -> entry.run() > rowsRun).forEach(since::add);
            }
        }
        since.sort(Comparator.comparingLong(AuditTrail.Entry::id));
        return new Domain(domain, sources, own, planned, now, administrators, trail, since, corrections);
    }

    private Optional<Planned> change(long rows, String kind, String domain, String username, String sourceLabel) {
        return jdbc.sql("""
                        select kind, detail::text from plan_change
                        where plan_id = :plan and kind = :kind and lower(domain) = lower(:domain)
                          and (cast(:username as text) is null or detail->>'username' = :username)
                          and (cast(:label as text) is null or (detail->>'insz' is null and detail->'sources' @> jsonb_build_array(cast(:label as text))))
                        order by seq limit 1""")
                .param("plan", rows).param("kind", kind).param("domain", domain).param("username", username)
                .param("label", sourceLabel)
                .query((rs, n) -> planned(rs.getString(1), rs.getString(2))).optional();
    }

    private static Planned planned(String kind, String detail) {
        ChangeKind change = ChangeKind.valueOf(kind);
        PlannedDetail values = JSON.readValue(detail, PlannedDetail.class);
        List<String> applications = change == ChangeKind.CREATE_ACCOUNT ? values.applications() : values.addApplications();
        return new Planned(change, values.username(), values.lastName(), values.firstName(), values.role(),
                values.status(), values.email(), applications == null ? List.of() : applications,
                values.sources() == null ? List.of() : values.sources());
    }

    /** A planned change's detail as {@code plan_change} keeps it (see {@code PlanChange.detail()}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlannedDetail(String username, @JsonProperty("last_name") String lastName,
                         @JsonProperty("first_name") String firstName, Role role, AccountStatus status, String email,
                         List<String> applications, @JsonProperty("add_applications") List<String> addApplications,
                         List<String> sources) {
    }

    private Optional<Account> account(Merger merger, List<String> kbos, String domain, String username) {
        return accounts(merger, kbos, "lower(a.domain) = lower(:domain) and a.username = :username", null, null, domain, username)
                .stream().findFirst();
    }

    private List<Account> accounts(Merger merger, List<String> kbos, String where, String insz, Long atRun) {
        return accounts(merger, kbos, where, insz, atRun, null, null);
    }

    private List<Account> accounts(Merger merger, List<String> kbos, String where, String insz, Long atRun, String domain,
                                   String username) {
        return accounts(merger, kbos, where, insz, atRun, domain, username, null);
    }

    /**
     * The accounts of these organisations that meet {@code where}: those of the snapshot in force after run {@code atRun}
     * (the one loaded by then and not yet replaced, without the accounts later runs added), or the live ones (null).
     */
    private List<Account> accounts(Merger merger, List<String> kbos, String where, String insz, Long atRun, String domain,
                                   String username, String like) {
        if (kbos.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.kbo, a.domain, a.username, a.last_name, a.first_name, a.role, a.insz, a.status, a.email,
                               a.applications, s.loaded_at, s.source_file, coalesce(a.created_by_run, s.loaded_by_run, 0) as run
                        from account a join access_snapshot s on s.id = a.snapshot_id
                        """ + "where a.kbo = any(:kbos) and " + where + "\n" + """
                          and (cast(:at as bigint) is null and s.status = 'CURRENT'
                              or s.status in ('CURRENT', 'REPLACED') and s.loaded_by_run <= :at
                                 and (s.replaced_by is null
                                      or (select r.loaded_by_run from access_snapshot r where r.id = s.replaced_by) > :at)
                                 and (a.created_by_run is null or a.created_by_run <= :at))
                        order by a.domain, a.username""")
                .param("kbos", kbos.toArray(String[]::new)).param("insz", insz).param("at", atRun, java.sql.Types.BIGINT)
                .param("domain", domain).param("username", username).param("like", like)
                .query((rs, n) -> account(merger, rs)).list()
                .stream().sorted(Comparator.comparingInt(Account::order).thenComparing(Account::username)).toList();
    }

    private static Account account(Merger merger, ResultSet rs) throws SQLException {
        Kbo kbo = new Kbo(rs.getString("kbo"));
        int order = -1;
        String organisation = merger.target().name();
        if (!kbo.equals(merger.target().kbo())) {
            for (int i = 0; i < merger.participants().size(); i++) {
                if (merger.participants().get(i).kbo().equals(kbo)) {
                    order = i;
                    organisation = merger.participants().get(i).name();
                }
            }
        }
        String insz = rs.getString("insz");
        return new Account(kbo, organisation, order, rs.getString("domain"), rs.getString("username"),
                rs.getString("last_name"), rs.getString("first_name"), Role.valueOf(rs.getString("role")),
                insz == null ? null : new Insz(insz), AccountStatus.valueOf(rs.getString("status")), rs.getString("email"),
                List.of((String[]) rs.getArray("applications").getArray()), rs.getObject("loaded_at", OffsetDateTime.class),
                rs.getString("source_file"), rs.getLong("run"));
    }

    private static Map<String, List<Account>> byDomain(List<Account> accounts) {
        Map<String, List<Account>> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        accounts.forEach(a -> result.computeIfAbsent(a.domain(), k -> new ArrayList<>()).add(a));
        return result;
    }

    /** The old OCMWs whose accounts the merger merges (SPEC 5.1). */
    private static List<String> sources(Merger merger) {
        return merger.disappearing().stream().map(Ocmw::kbo).map(Kbo::digits).toList();
    }

    private static List<String> target(Merger merger) {
        return List.of(merger.target().kbo().digits());
    }
}
