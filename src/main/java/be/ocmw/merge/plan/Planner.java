package be.ocmw.merge.plan;

import be.ocmw.merge.batch.CopyWriter;
import be.ocmw.merge.domain.Scenario;
import be.ocmw.merge.plan.internal.AccessPlanner;
import be.ocmw.merge.plan.internal.AccessPlanner.Account;
import be.ocmw.merge.plan.internal.AccessPlanner.Designation;
import be.ocmw.merge.plan.internal.CanonicalJson;
import be.ocmw.merge.plan.internal.DossierPlanner;
import be.ocmw.merge.plan.internal.InputDigest;
import be.ocmw.merge.reporting.Background;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Computes a merger's plan from the current state (loaded access, current submissions, intake findings)
 * without changing any organisation's data, fingerprints it, and stores it with its changes.
 */
@Component
public class Planner {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final TransactionTemplate snapshot;

    Planner(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /**
     * The plan of the merger as the data is now. Everything it reads, and the digest of its inputs, comes from one
     * snapshot of the database: a load that commits meanwhile is either wholly in the plan or not at all.
     */
    public MergerPlan compute(Merger merger) {
        return compute(merger, false);
    }

    /**
     * The same, with the digest of its inputs when {@code digest}: for a plan that is stored and may be executed as
     * stored later (a reconciliation, which only compares, does without).
     */
    public MergerPlan compute(Merger merger, boolean digest) {
        // the database hashes the sources' access while this thread reads and plans
        CompletableFuture<String> sourceFingerprint = Background.supply("source-fingerprint", () -> sourceFingerprint(merger, null));
        return snapshot.execute(tx -> compute(merger, sourceFingerprint, digest));
    }

    /** The digest of everything the plan of this merger is computed from, as the data is now. */
    public String inputDigest(Merger merger) {
        return InputDigest.of(jdbc, merger);
    }

    /**
     * The stored plan (mode PLAN, READY, with {@code approved} as fingerprint when given) that was computed from
     * exactly the inputs there are now: executing it is executing the plan computed now.
     */
    public java.util.Optional<Long> unchangedPlan(Merger merger, String approved) {
        return jdbc.sql("""
                        select id, input_digest from plan
                        where merger_id = :merger and mode = 'PLAN' and status = 'READY' and input_digest is not null
                          and (cast(:approved as text) is null or fingerprint = :approved)
                        order by id desc limit 1""")
                .param("merger", merger.id()).param("approved", approved)
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)})
                .optional()
                .filter(candidate -> candidate[1].equals(inputDigest(merger)))
                .map(candidate -> (Long) candidate[0]);
    }

    private MergerPlan compute(Merger merger, CompletableFuture<String> sourceFingerprint, boolean digest) {
        String inputs = digest ? inputDigest(merger) : null;
        List<Ocmw> sources = sources(merger);
        String target = merger.target().kbo().digits();
        List<Account> sourceAccounts = new ArrayList<>();
        for (int i = 0; i < merger.participants().size(); i++) {
            Ocmw participant = merger.participants().get(i);
            if (sources.contains(participant)) {
                sourceAccounts.addAll(accounts(participant.kbo().digits(), participant.name(), i));
            }
        }
        List<Account> targetAccounts = accounts(target, merger.target().name(), -1);
        AccessPlanner planner = new AccessPlanner(target, catalogue());
        planner.plan(sourceAccounts, targetAccounts, designations(merger));
        if (merger.scenario() == Scenario.KEEP_KBO_KEEP_NIS) {
            List<Account> both = new ArrayList<>(targetAccounts);
            both.addAll(sourceAccounts);
            planner.cleanUpSuggestions(both);
        }

        DossierPlanner.Part dossiers = new DossierPlanner(jdbc, merger).compute();
        List<PlanChange> changes = new ArrayList<>(organisationChanges(merger));
        changes.addAll(planner.changes());
        List<PlanFinding> findings = new ArrayList<>(intakeFindings(merger));
        findings.addAll(accessNotLoaded(merger, sources));
        findings.addAll(planner.findings());
        findings.addAll(dossiers.findings());
        boolean blocked = findings.stream().anyMatch(PlanFinding::blocking);
        String status = blocked ? "BLOCKED" : "READY";
        List<PlanTask> tasks = Tasks.of(merger);

        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Map<String, Integer> access = planner.counts();
        counts.put("administrators", ordered(access, "htb", "co_htb", "tb", "co_tb"));
        counts.put("accounts", ordered(access, "source", "to_create", "merged_duplicates", "already_in_target",
                "to_update", "not_copied"));
        counts.put("grants", Map.of("to_create", access.get("grants_to_create")));
        counts.put("dossiers", dossiers.dossiers());
        counts.put("online_requests", dossiers.onlineRequests());
        String fingerprint = fingerprint(merger, status, changes, dossiers.digest(), findings, tasks);
        return new MergerPlan(merger, status, changes, findings, tasks, counts, planner.accounts(), fingerprint,
                Background.join(sourceFingerprint), inputs);
    }

    /** The dossiers still running on C under the dossier sources, as {@code KBO/reference}: reconciliation's drift. */
    public List<String> runningDossiers(Merger merger) {
        return new DossierPlanner(jdbc, merger).running();
    }

    /** The dossiers under a disappearing KBO that start on or after E, as {@code KBO/reference}. */
    public List<String> dossiersAfterCutover(Merger merger) {
        return new DossierPlanner(jdbc, merger).afterCutoverList();
    }

    /** The OCMW Online requests of the disappearing KBOs not linked to the target, as {@code KBO/reference}. */
    public List<String> unlinkedRequests(Merger merger) {
        return new DossierPlanner(jdbc, merger).unlinked();
    }

    /** Scenario 1: every participant; scenarios 2 and 3: every participant but the retained one. */
    public static List<Ocmw> sources(Merger merger) {
        return merger.scenario() == Scenario.NEW_KBO_NEW_NIS ? merger.participants() : merger.disappearing();
    }

    private List<PlanChange> organisationChanges(Merger merger) {
        List<PlanChange> changes = new ArrayList<>();
        String target = merger.target().kbo().digits();
        boolean exists = jdbc.sql("select count(*) from organisation where kbo = :kbo").param("kbo", target)
                .query(Integer.class).single() > 0;
        if (merger.scenario() == Scenario.NEW_KBO_NEW_NIS && !exists) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("name", merger.target().name());
            detail.put("nis", merger.target().nis().code());
            detail.put("valid_from", merger.effectiveDate().toString());
            changes.add(new PlanChange("CREATE_ORGANISATION", target, null, merger.target().kbo().formatted(), detail));
        }
        if (merger.scenario() == Scenario.KEEP_KBO_NEW_NIS) {
            boolean done = jdbc.sql("select count(*) from organisation_nis where kbo = :kbo and nis = :nis and valid_from = :from")
                    .param("kbo", target).param("nis", merger.target().nis().code()).param("from", merger.effectiveDate())
                    .query(Integer.class).single() > 0;
            if (!done) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("name", merger.target().name());
                detail.put("previous_nis", merger.retained().orElseThrow().nis().code());
                detail.put("nis", merger.target().nis().code());
                detail.put("valid_from", merger.effectiveDate().toString());
                changes.add(new PlanChange("SET_NIS", target, null, merger.target().kbo().formatted(), detail));
            }
        }
        return changes;
    }

    private List<Account> accounts(String kbo, String organisation, int order) {
        return jdbc.sql("""
                        select domain, username, last_name, first_name, role, insz, status, email, language, applications
                        from live_account where kbo = :kbo order by domain, username""")
                .param("kbo", kbo)
                .query((rs, n) -> {
                    Array array = rs.getArray("applications");
                    return new Account(kbo, organisation, order, rs.getString("domain"), rs.getString("username"),
                            rs.getString("last_name"), rs.getString("first_name"), rs.getString("role"), rs.getString("insz"),
                            rs.getString("status"), rs.getString("email"), rs.getString("language"),
                            Arrays.asList((String[]) array.getArray()));
                })
                .list();
    }

    private List<Designation> designations(Merger merger) {
        return jdbc.sql("""
                        select distinct a.role, a.domain, a.insz, a.last_name, a.first_name, a.email, a.language, s.kbo, a.source_row
                        from submission_administrator a join submission s on s.id = a.submission_id
                        where s.merger_id = :merger and s.superseded_by is null
                        order by s.kbo, a.source_row""")
                .param("merger", merger.id())
                .query((rs, n) -> new Designation(rs.getString("role"), rs.getString("domain"), rs.getString("insz"),
                        rs.getString("last_name"), rs.getString("first_name"), rs.getString("email"), rs.getString("language")))
                .list();
    }

    private Map<String, Set<String>> catalogue() {
        Map<String, Set<String>> catalogue = new LinkedHashMap<>();
        jdbc.sql("select domain, name from known_application").query(rs -> {
            catalogue.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        return catalogue;
    }

    private List<PlanFinding> intakeFindings(Merger merger) {
        return jdbc.sql("""
                        select code, severity, kbo, subject, detail, message, cast(args as text) as args from finding
                        where merger_id = :merger and origin = 'INTAKE' order by id""")
                .param("merger", merger.id())
                .query((rs, n) -> finding(rs))
                .list();
    }

    /** The summary stored with a plan (empty when it has none). */
    Map<String, Object> storedSummary(long planId) {
        String json = jdbc.sql("select cast(summary as text) from plan where id = :id").param("id", planId)
                .query(String.class).optional().orElse(null);
        return json == null ? Map.of() : JSON.readValue(json, new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }

    /** The findings stored with a plan, in the order they were found. */
    List<PlanFinding> storedFindings(long planId) {
        return jdbc.sql("""
                        select code, severity, kbo, subject, detail, message, cast(args as text) as args from finding
                        where plan_id = :id order by id""")
                .param("id", planId)
                .query((rs, n) -> finding(rs))
                .list();
    }

    /** The checklist stored with a plan. */
    List<PlanTask> storedTasks(long planId) {
        return jdbc.sql("select code, due, detail from plan_task where plan_id = :id order by seq")
                .param("id", planId)
                .query((rs, n) -> new PlanTask(rs.getString(1), rs.getObject(2, java.time.LocalDate.class), rs.getString(3)))
                .list();
    }

    /** A stored finding, with its message and values when it has them. */
    static PlanFinding finding(java.sql.ResultSet rs) throws java.sql.SQLException {
        String args = rs.getString("args");
        List<String> values = args == null ? List.of() : List.of(JSON.readValue(args, String[].class));
        return new PlanFinding(rs.getString("code"), rs.getString("severity"), rs.getString("kbo"), rs.getString("subject"),
                rs.getString("detail"), rs.getString("message"), values);
    }

    private List<PlanFinding> accessNotLoaded(Merger merger, List<Ocmw> sources) {
        List<PlanFinding> findings = new ArrayList<>();
        for (Ocmw source : sources) {
            boolean loaded = jdbc.sql("select count(*) from access_snapshot where kbo = :kbo and status = 'CURRENT'")
                    .param("kbo", source.kbo().digits()).query(Integer.class).single() > 0;
            if (!loaded) {
                findings.add(PlanFinding.of("ACCESS_NOT_LOADED", "WARNING", source.kbo().digits(), source.name(),
                        "ACCESS_NOT_LOADED", source.name(), source.kbo()));
            }
        }
        return findings;
    }

    private static Map<String, Integer> ordered(Map<String, Integer> values, String... keys) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String key : keys) {
            ordered.put(key, values.getOrDefault(key, 0));
        }
        return ordered;
    }

    /** sha256 over the plan's content in a canonical order: the same state gives the same fingerprint. */
    static String fingerprint(Merger merger, String status, List<PlanChange> changes, String dossiers,
                              List<PlanFinding> findings, List<PlanTask> tasks) {
        MessageDigest digest = sha256();
        update(digest, merger.id() + "|" + merger.scenario() + "|" + merger.effectiveDate() + "|" + merger.target() + "|" + status);
        // the planner makes its changes in a fixed order (domains, then people in registry and username order)
        changes.forEach(change -> update(digest, canonical(change)));
        update(digest, dossiers);
        findings.stream().map(f -> f.code() + "|" + f.severity() + "|" + f.kbo() + "|" + f.subject() + "|" + f.detail())
                .sorted().forEach(line -> update(digest, line));
        tasks.forEach(t -> update(digest, t.code() + "|" + t.due()));
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    static String canonical(PlanChange change) {
        return change.kind() + "|" + change.targetKbo() + "|" + change.domain() + "|" + change.subject() + "|"
                + CanonicalJson.of(change.detail());
    }

    /**
     * The source organisations, fingerprinted: their access, and the dossiers of the dossier sources as they
     * were before {@code plan} (null: as they are). Equal before and after apply proves they were not touched
     * beyond the planned closing of their running dossiers.
     */
    public String sourceFingerprint(Merger merger, Long plan) {
        List<String> kbos = sources(merger).stream().map(o -> o.kbo().digits()).sorted().toList();
        String access = jdbc.sql("select " + InputDigest.multiset("""
                        select row(kbo, domain, username, last_name, first_name, role, insz, status, email, language,
                                   applications) as h
                        from live_account where kbo in (:kbos)"""))
                .param("kbos", kbos).query(String.class).single();
        String dossiers = new DossierPlanner(jdbc, merger).sourceFingerprint(plan == null ? null : changesOf(plan));
        MessageDigest digest = sha256();
        update(digest, access);
        update(digest, dossiers);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Stores a plan with its changes, findings and tasks; returns its id. */
    public long store(MergerPlan plan, String mode, long run) {
        return store(plan, mode, run, null);
    }

    /**
     * Stores a plan; when {@code sameAs} is a stored plan with the same fingerprint (so the same changes), its
     * changes are copied in the database instead of being written out again.
     */
    public long store(MergerPlan plan, String mode, long run, Long sameAs) {
        String summary = JSON.writeValueAsString(plan.counts());
        // the same fingerprint covers the same changes, dossiers and requests (their digest is part of it): shared
        long id = jdbc.sql("""
                        insert into plan (merger_id, mode, status, fingerprint, summary, created_by_run, source_fingerprint,
                                          changes_of)
                        values (:merger, :mode, :status, :fingerprint, cast(:summary as jsonb), :run, :source,
                                (select coalesce(changes_of, id) from plan where id = :sameAs)) returning id""")
                .param("merger", plan.merger().id()).param("mode", mode).param("status", plan.status())
                .param("fingerprint", plan.fingerprint()).param("summary", summary).param("run", run)
                .param("source", plan.sourceFingerprint())
                .param("sameAs", sameAs, java.sql.Types.BIGINT)
                .query(Long.class).single();
        if (sameAs == null) {
            new DossierPlanner(jdbc, plan.merger()).store(id);
            storeChanges(plan, id);
        }
        storeFindingsAndTasks(plan, mode, run, id);
        // the dossier sets were selected again just now: the plan may be executed as stored only if its inputs are
        // still the ones it was computed from
        if (mode.equals("PLAN") && plan.inputDigest() != null && plan.inputDigest().equals(inputDigest(plan.merger()))) {
            jdbc.sql("update plan set input_digest = :digest where id = :id").param("digest", plan.inputDigest()).param("id", id)
                    .update();
        }
        return id;
    }

    /**
     * Stores a copy of stored plan {@code from} in {@code mode}: it shares the changes and dossier and request sets
     * (they are never changed once stored) and gets copies of the findings and tasks. Returns the copy's id.
     */
    public long copy(long from, String mode, long run) {
        long id = jdbc.sql("""
                        insert into plan (merger_id, mode, status, fingerprint, summary, created_by_run, input_digest,
                                          source_fingerprint, changes_of)
                        select merger_id, :mode, status, fingerprint, summary, :run, input_digest, source_fingerprint,
                               coalesce(changes_of, id)
                        from plan where id = :from
                        returning id""")
                .param("mode", mode).param("run", run).param("from", from).query(Long.class).single();
        jdbc.sql("""
                        insert into finding (merger_id, plan_id, origin, code, severity, kbo, subject, detail, message, args, run_id)
                        select merger_id, :id, :mode, code, severity, kbo, subject, detail, message, args, :run
                        from finding where plan_id = :from order by id""")
                .param("id", id).param("from", from).param("mode", mode).param("run", run).update();
        jdbc.sql("""
                        insert into plan_task (plan_id, seq, code, due, detail)
                        select :id, seq, code, due, detail from plan_task where plan_id = :from""")
                .param("id", id).param("from", from).update();
        return id;
    }

    /** The plan whose change, dossier and request rows are those of plan {@code planId}: itself, or the one it shares. */
    public long changesOf(long planId) {
        return changesOf(jdbc, planId);
    }

    static long changesOf(JdbcClient jdbc, long planId) {
        return jdbc.sql("select coalesce(changes_of, id) from plan where id = :id").param("id", planId)
                .query(Long.class).single();
    }

    private void storeChanges(MergerPlan plan, long id) {
        List<PlanChange> ordered = plan.changes().stream()
                .sorted(Comparator.comparing(c -> c.kind().equals("CREATE_ORGANISATION") || c.kind().equals("SET_NIS") ? 0 : 1))
                .toList();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            PlanChange c = ordered.get(i);
            rows.add(new Object[]{id, i + 1, c.kind(), c.targetKbo(), c.domain(), c.subject(), CanonicalJson.of(c.detail())});
        }
        try {
            new CopyWriter<Object[]>(dataSource, "plan_change",
                    List.of("plan_id", "seq", "kind", "target_kbo", "domain", "subject", "detail"), row -> row)
                    .write(new Chunk<>(rows));
        } catch (Exception e) {
            throw new IllegalStateException("cannot store the plan's changes: " + e.getMessage(), e);
        }
    }

    private void storeFindingsAndTasks(MergerPlan plan, String mode, long run, long id) {
        template.batchUpdate("""
                        insert into finding (merger_id, plan_id, origin, code, severity, kbo, subject, detail, message, args, run_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""",
                plan.findings().stream().map(f -> new Object[]{plan.merger().id(), id, mode, f.code(), f.severity(), f.kbo(),
                        f.subject(), f.detail(), f.message(), JSON.writeValueAsString(f.args()), run}).collect(Collectors.toList()));
        List<Object[]> tasks = new ArrayList<>();
        for (int i = 0; i < plan.tasks().size(); i++) {
            PlanTask t = plan.tasks().get(i);
            tasks.add(new Object[]{id, i + 1, t.code(), t.due(), t.detail()});
        }
        template.batchUpdate("insert into plan_task (plan_id, seq, code, due, detail) values (?, ?, ?, ?, ?)", tasks);
    }

    /** The subjects of the changes of a stored plan, as canonical lines, to show what differs from another. */
    public Set<String> storedChanges(long planId) {
        return new TreeSet<>(jdbc.sql("""
                        select kind || '|' || coalesce(target_kbo, 'null') || '|' || coalesce(domain, 'null') || '|' || subject
                        from plan_change where plan_id = :plan""")
                .param("plan", changesOf(planId)).query(String.class).list());
    }
}
