package be.ocmw.merge.access;

import be.ocmw.merge.access.internal.AccessPlanner;
import be.ocmw.merge.access.internal.AccessPlanner.Account;
import be.ocmw.merge.access.internal.AccessPlanner.Designation;
import be.ocmw.merge.access.internal.StoredAccessChanges;
import be.ocmw.merge.audit.AuditTrail;
import be.ocmw.merge.batch.CopyWriter;
import be.ocmw.merge.domain.Role;
import be.ocmw.merge.domain.AccountStatus;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.Scenario;
import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.finding.Severity;
import be.ocmw.merge.intake.Designations;
import be.ocmw.merge.intake.ReviewDecision;
import be.ocmw.merge.intake.SubmissionFormat;
import be.ocmw.merge.merger.model.CanonicalJson;
import be.ocmw.merge.merger.model.Fingerprint;
import be.ocmw.merge.merger.model.MergerPart;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.Count;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Access's part of a merger (SPEC 5.1 to 5.3): the merged OCMW itself (scenario 1 a new organisation, scenario 2 its
 * new NIS code), and every account of the disappearing OCMWs merged into it per person, with the administrators the
 * submissions designate ({@link AccessPlanner}, the rules). Its changes are stored in {@code plan_change}, applied by
 * {@code applyOrganisationStep} and {@code applyAccountsStep}. What a stored plan gives the merged OCMW's administrators
 * is read by {@link PlannedAdministrators}; what the reconciliation asks of the access tables, by {@link AccessState}.
 */
@Component
public class AccessMergerPart implements MergerPart {

    private static final List<String> ADMINISTRATORS = List.of("htb", "co_htb", "tb", "co_tb");

    private final JdbcClient jdbc;
    private final AccessState state;
    private final DataSource dataSource;
    private final Designations designations;
    private final List<Step> steps;

    private final AuditTrail auditTrail;

    AccessMergerPart(JdbcClient jdbc, AccessState state, DataSource dataSource, Designations designations,
                     @Qualifier("applyOrganisationStep") Step applyOrganisationStep,
                     @Qualifier("applyAccountsStep") Step applyAccountsStep,
                     @Qualifier("applyCorrectionsStep") Step applyCorrectionsStep, AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.jdbc = jdbc;
        this.state = state;
        this.dataSource = dataSource;
        this.designations = designations;
        this.steps = List.of(applyOrganisationStep, applyAccountsStep, applyCorrectionsStep);
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Contribution plan(Merger merger) {
        String target = merger.target().kbo().digits();
        List<Account> sourceAccounts = new ArrayList<>();
        List<Ocmw> sources = merger.disappearing();
        for (int i = 0; i < merger.participants().size(); i++) {
            Ocmw participant = merger.participants().get(i);
            if (sources.contains(participant)) {
                sourceAccounts.addAll(accounts(participant.kbo().digits(), participant.name(), i));
            }
        }
        List<Account> targetAccounts = accounts(target, merger.target().name(), -1);
        AccessPlanner planner = new AccessPlanner(target, catalogue());
        planner.plan(sourceAccounts, targetAccounts, designations.of(merger).stream()
                .map(d -> new Designation(d.role(), d.domain(), new Insz(d.insz()), d.lastName(), d.firstName(), d.email(),
                        d.language(), source(merger, d.kbo(), d.submittedOn(), d.file(), SubmissionFormat.ADMINISTRATORS_SHEET,
                        d.row())))
                .toList(), targetReview(merger), sourceReviews(merger));
        if (merger.scenario() == Scenario.KEEP_KBO_KEEP_NIS) {
            List<Account> both = new ArrayList<>(targetAccounts);
            both.addAll(sourceAccounts);
            planner.cleanUpSuggestions(both);
        }
        List<PlanChange> changes = new ArrayList<>(organisationChanges(merger));
        changes.addAll(planner.changes());
        List<Finding> findings = new ArrayList<>(accessNotLoaded(merger));
        findings.addAll(htbMissing(merger));
        findings.addAll(planner.findings());
        return new Contribution(planner.counts(), changes, planner.accounts(), findings, null);
    }

    /**
     * What the merged OCMW's own review decides for its accounts (its KBO's current submission: the merged OCMW after the
     * apply, the OCMW that stays before it): each block or withdrawal is a correction of the plan.
     */
    private List<AccessPlanner.Review> targetReview(Merger merger) {
        String target = merger.target().kbo().digits();
        return designations.reviews(merger).stream().filter(r -> r.kbo().equals(target) && r.decision().merged())
                .filter(r -> r.decision() == ReviewDecision.BLOCK || !r.applications().isEmpty())
                .map(r -> new AccessPlanner.Review(r.domain(), r.username(), r.decision() == ReviewDecision.BLOCK,
                        r.applications(), source(merger, r.kbo(), r.submittedOn(), r.file(), SubmissionFormat.USERS_SHEET, r.row())))
                .toList();
    }

    /** What the disappearing OCMWs' reviews decide for their accounts: each a change of what the plan copies. */
    private List<AccessPlanner.SourceReview> sourceReviews(Merger merger) {
        java.util.Set<String> disappearing = new java.util.HashSet<>(merger.disappearing().stream().map(o -> o.kbo().digits()).toList());
        return designations.reviews(merger).stream()
                .filter(r -> disappearing.contains(r.kbo()) && !r.decision().merged())
                .filter(r -> r.decision() != ReviewDecision.COPY || !r.applications().isEmpty())
                .map(r -> new AccessPlanner.SourceReview(r.kbo(), r.domain(), r.username(), r.decision() != ReviewDecision.DO_NOT_COPY,
                        r.decision() == ReviewDecision.COPY_BLOCKED, r.applications(),
                        source(merger, r.kbo(), r.submittedOn(), r.file(), SubmissionFormat.USERS_SHEET, r.row())))
                .toList();
    }

    /** Where a designation or a decision comes from, in words every language reads: "OCMW Gooik, 12/11/2024 (gooik.xlsx, Beheerders:3)". */
    private static String source(Merger merger, String kbo, LocalDate submittedOn, String file, String sheet, int row) {
        be.ocmw.merge.domain.Kbo number = new be.ocmw.merge.domain.Kbo(kbo);
        String name = merger.participant(number).map(Ocmw::name)
                .orElse(merger.target().kbo().equals(number) ? merger.target().name() : number.formatted());
        return name + ", " + submittedOn.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " (" + file + ", " + sheet + ":" + row + ")";
    }

    /**
     * No HTB, no READY plan (SPEC 5): when no current submission names one and the intake has not said so already
     * (it never ran, or ran before any submission came in), the plan says it and is BLOCKED.
     */
    private List<Finding> htbMissing(Merger merger) {
        boolean named = designations.of(merger).stream().anyMatch(d -> d.role() == Role.HTB);
        boolean said = designations.findings(merger).stream()
                .anyMatch(f -> f.code().equals("HTB_MISSING") || f.code().equals("HTB_DISAGREEMENT"));
        return named || said ? List.of()
                : List.of(Finding.of("HTB_MISSING", Severity.BLOCKING, null, null, "HTB_MISSING.none"));
    }

    private List<PlanChange> organisationChanges(Merger merger) {
        List<PlanChange> changes = new ArrayList<>();
        String target = merger.target().kbo().digits();
        boolean exists = jdbc.sql("select count(*) from organisation where kbo = :kbo").param("kbo", target)
                .query(Integer.class).single() > 0;
        if (merger.scenario() == Scenario.NEW_KBO_NEW_NIS && !exists) {
            changes.add(new PlanChange.CreateOrganisation(merger.target().kbo(), merger.target().kbo().formatted(), merger.target().name(),
                    merger.target().nis().code(), merger.effectiveDate()));
        }
        if (merger.scenario() == Scenario.KEEP_KBO_NEW_NIS) {
            boolean done = jdbc.sql("select count(*) from organisation_nis where kbo = :kbo and nis = :nis and valid_from = :from")
                    .param("kbo", target).param("nis", merger.target().nis().code()).param("from", merger.effectiveDate())
                    .query(Integer.class).single() > 0;
            if (!done) {
                changes.add(new PlanChange.SetNis(merger.target().kbo(), merger.target().kbo().formatted(), merger.target().name(),
                        merger.retained().orElseThrow().nis().code(), merger.target().nis().code(), merger.effectiveDate()));
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
                            rs.getString("last_name"), rs.getString("first_name"), Role.valueOf(rs.getString("role")),
                            rs.getString("insz") == null ? null : new Insz(rs.getString("insz")),
                            AccountStatus.valueOf(rs.getString("status")), rs.getString("email"), rs.getString("language"),
                            Arrays.asList((String[]) array.getArray()));
                })
                .list();
    }

    private Map<String, Set<String>> catalogue() {
        Map<String, Set<String>> catalogue = new LinkedHashMap<>();
        jdbc.sql("select domain, name from known_application").query(rs -> {
            catalogue.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        return catalogue;
    }

    private List<Finding> accessNotLoaded(Merger merger) {
        List<Finding> findings = new ArrayList<>();
        for (Ocmw source : merger.disappearing()) {
            if (!state.loaded(List.of(source.kbo().digits()))) {
                findings.add(Finding.of("ACCESS_NOT_LOADED", Severity.WARNING, source.kbo().digits(), source.name(),
                        "ACCESS_NOT_LOADED", source.name(), source.kbo()));
            }
        }
        return findings;
    }

    /** The plan's changes, organisation changes first, numbered in the order the apply's ranges take them. */
    @Override
    public void store(Merger merger, MergerPlan plan, long id) {
        List<PlanChange> ordered = plan.changes().stream()
                .sorted(Comparator.comparing(c -> c.kind().organisation() ? 0 : 1))
                .toList();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            PlanChange c = ordered.get(i);
            rows.add(new Object[]{id, i + 1, c.kind().name(), c.targetKbo().digits(), c.domain(), c.subject(), CanonicalJson.of(c.detail())});
        }
        try {
            new CopyWriter<Object[]>(dataSource, "plan_change",
                    List.of("plan_id", "seq", "kind", "target_kbo", "domain", "subject", "detail"), row -> row)
                    .write(new Chunk<>(rows));
        } catch (Exception e) {
            throw new IllegalStateException("cannot store the plan's changes: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<be.ocmw.merge.merger.model.ChangeKey> storedChanges(long rows) {
        return new TreeSet<>(jdbc.sql("select kind, target_kbo, domain, subject from plan_change where plan_id = :plan")
                .param("plan", rows)
                .query((rs, n) -> new be.ocmw.merge.merger.model.ChangeKey(
                        be.ocmw.merge.merger.model.ChangeKind.valueOf(rs.getString("kind")), rs.getString("target_kbo"),
                        rs.getString("domain"), rs.getString("subject")))
                .list());
    }

    @Override
    public Contribution stored(Merger merger, long rows, PlanCounts summarised) {
        return new StoredAccessChanges(jdbc).read(rows);
    }

    @Override
    public PlanCounts toApply(MergerPlan plan) {
        return StoredAccessChanges.counts(plan.changes());
    }

    @Override
    public List<Step> applySteps() {
        return steps;
    }

    @Override
    public long missing(long rows, String targetKbo, LocalDate closeDate) {
        // a set difference, hashed whatever the statistics say (a plan just stored has none yet); an account
        // planned for another organisation than the target counts as missing, it is not expected
        long missing = jdbc.sql("""
                        select count(*) from (
                            select target_kbo, domain, detail ->> 'username' from plan_change
                            where plan_id = :plan and kind = 'CREATE_ACCOUNT'
                            except
                            select kbo, domain, username from live_account where kbo = :target) missing""")
                .param("plan", rows).param("target", targetKbo).query(Long.class).single();
        missing += jdbc.sql("""
                        select count(*) from plan_change c
                        left join live_account a on a.kbo = c.target_kbo and a.domain = c.domain
                                                 and a.username = c.detail ->> 'username'
                        where c.plan_id = :plan and c.kind = 'UPDATE_ACCOUNT'
                          and (a.id is null
                               or not a.applications @> coalesce(array(select jsonb_array_elements_text(c.detail -> 'add_applications')), '{}')
                               or a.status is distinct from coalesce(c.detail ->> 'status', a.status)
                               or a.role is distinct from coalesce(c.detail ->> 'role', a.role))""")
                .param("plan", rows).query(Long.class).single();
        // what the plan takes away is gone: the organisation-level row, the role, the status, the applications
        missing += jdbc.sql("""
                        select count(*) from plan_change c
                        left join live_account a on a.kbo = c.target_kbo and a.domain = c.domain
                                                 and a.username = c.detail ->> 'username'
                        where c.plan_id = :plan
                          and case c.kind
                                when 'WITHDRAW_ROLE' then case when c.detail ->> 'new_role' is null then a.id is not null
                                                               else a.role is distinct from c.detail ->> 'new_role' end
                                when 'BLOCK_ACCOUNT' then a.status is distinct from 'GEBLOKKEERD'
                                when 'WITHDRAW_APPLICATIONS' then
                                    a.applications && array(select jsonb_array_elements_text(c.detail -> 'applications'))
                                else false end""")
                .param("plan", rows).query(Long.class).single();
        missing += jdbc.sql("""
                        select count(*) from plan_change c
                        where c.plan_id = :plan and c.kind in ('CREATE_ORGANISATION', 'SET_NIS')
                          and not exists (select 1 from organisation_nis n where n.kbo = c.target_kbo
                                          and n.nis = c.detail ->> 'nis'
                                          and n.valid_from = cast(c.detail ->> 'valid_from' as date))""")
                .param("plan", rows).query(Long.class).single();
        return missing;
    }

    @Override
    public PlanCounts done(long run, Merger merger) {
        String prefix = merger.target().kbo().digits() + "/";
        var done = auditTrail.counts(run, "account", prefix);
        var corrected = auditTrail.corrections(run, "account", prefix);
        var none = new AuditTrail.Corrected(0, 0);
        return PlanCounts.of(Count.ACCOUNTS_TO_CREATE, done.get(be.ocmw.merge.audit.AuditAction.INSERT))
                .with(Count.ACCOUNTS_TO_UPDATE, done.get(be.ocmw.merge.audit.AuditAction.UPDATE))
                .with(Count.ROLES_WITHDRAWN, corrected.getOrDefault("WITHDRAW_ROLE", none).rows())
                .with(Count.ACCOUNTS_BLOCKED, corrected.getOrDefault("BLOCK_ACCOUNT", none).rows())
                .with(Count.APPLICATIONS_WITHDRAWN, corrected.getOrDefault("WITHDRAW_APPLICATIONS", none).items());
    }

    @Override
    public String sourceFingerprint(Merger merger, Long plan) {
        List<String> kbos = merger.disappearing().stream().map(o -> o.kbo().digits()).sorted().toList();
        return jdbc.sql("select " + Fingerprint.multiset("""
                        select row(kbo, domain, username, last_name, first_name, role, insz, status, email, language,
                                   applications) as h
                        from live_account where kbo in (:kbos)"""))
                .param("kbos", kbos).query(String.class).single();
    }

    @Override
    public void refreshStatistics() {
        // (of the accounts, only the columns that are joined and filtered on: half the work)
        jdbc.sql("analyze account (kbo, domain, username, insz, snapshot_id, status, role)").update();
    }

    @Override
    public List<String> inputRows() {
        return List.of("""
                        select row(kbo, domain, username, last_name, first_name, role, insz, status, email, language,
                                   applications) as h
                        from live_account where kbo = any(:kbos)""",
                "select row(domain, name) as h from known_application",
                "select row(kbo, domain) as h from access_snapshot where status = 'CURRENT' and kbo = any(:kbos)",
                "select row(kbo, name) as h from organisation where kbo = any(:kbos)",
                "select row(kbo, nis, valid_from, valid_until) as h from organisation_nis where kbo = any(:kbos)");
    }
}
