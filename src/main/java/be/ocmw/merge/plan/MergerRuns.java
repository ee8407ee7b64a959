package be.ocmw.merge.plan;

import be.ocmw.merge.batch.AdvisoryLock;
import be.ocmw.merge.batch.JobAlreadyRunningException;
import be.ocmw.merge.batch.JobFailedException;
import be.ocmw.merge.batch.JobRunner;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.Background;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * {@code plan} and {@code apply}. A plan is computed and stored, and changes nothing. An apply computes the
 * plan again, refuses it when it is BLOCKED or not the approved one, stores it and executes it as a job; an
 * apply that was interrupted is finished from its stored plan by the next apply of the merger, so a killed
 * apply never becomes a different one. One apply of a merger at a time.
 */
@Component
public class MergerRuns {

    private final Planner planner;
    private final PlanReports reports;
    private final JobRunner jobs;
    private final Job applyJob;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    private final TransactionTemplate storing;

    MergerRuns(Planner planner, PlanReports reports, JobRunner jobs, Job applyJob, JdbcClient jdbc, DataSource dataSource,
               PlatformTransactionManager transactions) {
        this.planner = planner;
        this.reports = reports;
        this.jobs = jobs;
        this.applyJob = applyJob;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.storing = new TransactionTemplate(transactions);
    }

    /** What a plan or apply gave: the plan, its status, where the reports are, and for apply the source proof. */
    public record Outcome(MergerPlan plan, String status, Path reports, boolean resumed, String sourceBefore,
                          String sourceAfter, boolean asStored) {
    }

    public Outcome plan(Merger merger, Path out, long run) {
        return plan(merger, out, ReportOptions.DEFAULT, run);
    }

    public Outcome plan(Merger merger, Path out, ReportOptions options, long run) {
        MergerPlan plan = planner.compute(merger, true);
        long id = planner.store(plan, "PLAN", run);
        Path folder = reports.write(plan, id, "plan", plan.status(), Map.of(), out, options);
        return new Outcome(plan, plan.status(), folder, false, plan.sourceFingerprint(), null, false);
    }

    public Outcome apply(Merger merger, Path out, String approved, long run) {
        return apply(merger, out, approved, ReportOptions.DEFAULT, run);
    }

    public Outcome apply(Merger merger, Path out, String approved, ReportOptions options, long run) {
        try (Connection connection = dataSource.getConnection()) {
            AdvisoryLock lock = AdvisoryLock.tryTake(connection, "apply:" + merger.id()).orElseThrow(() ->
                    new JobAlreadyRunningException("Another apply of merger " + merger.id() + " is under way: this one was "
                            + "refused and changed nothing. Wait for it to finish."));
            try (lock) {
                return applyLocked(merger, out, approved, options, run);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the apply lock of " + merger.id() + ": " + e.getMessage(), e);
        }
    }

    private Outcome applyLocked(Merger merger, Path out, String approved, ReportOptions options, long run) {
        Optional<long[]> unfinished = jdbc.sql("""
                        select id, created_by_run from plan where merger_id = :merger and mode = 'APPLY' and status = 'READY'
                        order by id desc limit 1""")
                .param("merger", merger.id()).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).optional();
        boolean resumed = unfinished.isPresent();
        long planId;
        long applyRun;
        String sourceBefore;
        MergerPlan computed = null;
        CompletableFuture<MergerPlan> storedPlan = null;
        // the sources' fingerprint before is hashed beside the comparison of the inputs: both ways need it next
        CompletableFuture<String> before = resumed ? null
                : Background.supply("source-fingerprint", () -> planner.sourceFingerprint(merger, null));
        Optional<Long> unchanged = resumed ? Optional.empty() : planner.unchangedPlan(merger, approved);
        if (resumed) {
            planId = unfinished.get()[0];
            applyRun = unfinished.get()[1];
            Map<String, Object> stored = storedSummary(planId);
            if (approved != null && !approved.equals(stored.get("fingerprint"))) {
                throw new PlanRefusedException("An apply of " + merger.id() + " with plan " + stored.get("fingerprint")
                        + " was interrupted and must be finished first; nothing was applied now. Run apply again without "
                        + "--fingerprint (or with that one) to finish it, then plan and apply anew.");
            }
            sourceBefore = stored.get("source_fingerprint_before").toString();
        } else if (unchanged.isPresent()) {
            // the approved plan was computed from exactly the data there is now: computing it again would give it back
            sourceBefore = Background.join(before);
            String fingerprintBefore = sourceBefore;
            // the plan to finish after an interruption is stored whole or not at all
            planId = storing.execute(tx -> {
                long id = planner.copy(unchanged.get(), "APPLY", run);
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("merger", merger.id());
                summary.put("mode", "apply");
                summary.put("status", "APPLIED");
                summary.putAll(storedSummary(id));
                summary.put("fingerprint", jdbc.sql("select fingerprint from plan where id = :id").param("id", id)
                        .query(String.class).single());
                summary.put("source_fingerprint_before", fingerprintBefore);
                jdbc.sql("update plan set summary = cast(:summary as jsonb) where id = :id")
                        .param("summary", Planner.JSON.writeValueAsString(summary)).param("id", id).update();
                return id;
            });
            applyRun = run;
            long copied = planId;
            storedPlan = Background.supply("stored-plan", () -> stored(merger, copied));
        } else {
            MergerPlan plan = planner.compute(merger, false, before);
            if (plan.blocked()) {
                reports.write(plan, null, "plan", plan.status(), Map.of(), out, options);
                throw new PlanRefusedException("The plan of " + merger.id() + " is BLOCKED, so nothing was applied:\n"
                        + String.join("\n", plan.findings().stream().filter(PlanFinding::blocking)
                        .map(f -> "  " + f.code() + ": " + f.detail()).toList()));
            }
            if (approved != null && !approved.equals(plan.fingerprint())) {
                throw new PlanRefusedException("The plan of " + merger.id() + " is no longer the approved one, so nothing was "
                        + "applied.\n  approved:   " + approved + "\n  current:    " + plan.fingerprint() + "\n"
                        + differences(merger, approved, plan) + "Plan again, have the new plan approved, then apply it.");
            }
            // the approved plan is usually stored already with these very changes: copy them rather than write them out
            Long sameAs = jdbc.sql("""
                            select id from plan where merger_id = :merger and mode = 'PLAN' and fingerprint = :fingerprint
                            order by id desc limit 1""")
                    .param("merger", merger.id()).param("fingerprint", plan.fingerprint()).query(Long.class).optional().orElse(null);
            computed = plan;
            applyRun = run;
            sourceBefore = plan.sourceFingerprint();
            Map<String, Object> summary = PlanReports.summary(plan, "apply", "APPLIED", Map.of());
            summary.put("source_fingerprint_before", sourceBefore);
            // the plan to finish after an interruption is stored whole or not at all
            planId = storing.execute(tx -> {
                long id = planner.store(plan, "APPLY", run, sameAs);
                jdbc.sql("update plan set summary = cast(:summary as jsonb) where id = :id")
                        .param("summary", Planner.JSON.writeValueAsString(summary)).param("id", id).update();
                return id;
            });
        }
        JobParameters parameters = applyParameters(merger, planId, applyRun);
        // the plan this process computed is the one it applies: its workbook is written while the job runs
        MergerPlan applied = computed == null ? null
                : new MergerPlan(merger, "APPLIED", computed.changes(), computed.findings(), computed.tasks(),
                appliedCounts(computed.changes(), computed.counts()), computed.accounts().stream()
                .filter(a -> !a.action().equals("UNCHANGED")).toList(), computed.fingerprint(), sourceBefore);
        PlanReports.Pending workbook = applied != null ? reports.startWorkbook(applied, planId, "apply", "APPLIED", out, options)
                : storedPlan != null ? reports.startWorkbook(merger, storedPlan, planId, "apply", "APPLIED", out, options) : null;
        JobRunner.Outcome outcome;
        try {
            outcome = jobs.run(applyJob, parameters, "the apply of " + merger.id());
        } catch (RuntimeException e) {
            PlanReports.discard(workbook);
            throw e;
        }
        if (!outcome.completed()) {
            PlanReports.discard(workbook);
            throw new JobFailedException("The apply of " + merger.id(), outcome.execution());
        }
        // the proof, and beside it on another connection the count of what was done and fresh statistics: a
        // million dossiers closed and reopened leave them far behind, and the next plan or reconciliation would
        // otherwise join the merged OCMW's rows as if it had none
        java.util.concurrent.CompletableFuture<Map<String, Map<String, Integer>>> counted =
                Background.supply("apply-count", () -> {
                    jdbc.sql("analyze account, dossier, online_request_link, plan_dossier").update();
                    return done(applyRun, merger);
                });
        String sourceAfter = planner.sourceFingerprint(merger, planId);
        if (applied == null) {
            // an apply of the stored plan, or a resumed one, reads the plan it executed back from the database
            applied = storedPlan != null ? Background.join(storedPlan) : stored(merger, planId);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("source_fingerprint_before", sourceBefore);
        extra.put("source_fingerprint_after", sourceAfter);
        extra.put("sources_untouched", sourceBefore.equals(sourceAfter));
        // what the job did, counted in the audit trail, beside what the plan predicted
        Map<String, Map<String, Integer>> done = counted.join();
        extra.put("done", done);
        extra.put("_done", done);
        List<PlanFinding> differences = differences(applied.counts(), done);
        if (!differences.isEmpty()) {
            List<PlanFinding> findings = new ArrayList<>(applied.findings());
            findings.addAll(differences);
            applied = new MergerPlan(applied.merger(), applied.status(), applied.changes(), findings, applied.tasks(),
                    applied.counts(), applied.accounts(), applied.fingerprint(), applied.sourceFingerprint());
        }
        Path folder = reports.write(applied, planId, "apply", "APPLIED", extra, out, options, workbook);
        return new Outcome(applied, "APPLIED", folder, resumed, sourceBefore, sourceAfter, unchanged.isPresent());
    }

    private static JobParameters applyParameters(Merger merger, long planId, long run) {
        return new JobParametersBuilder()
                .addString("merger", merger.id(), true)
                .addLong("plan", planId, true)
                .addLong("run", run, false)
                .addString("targetName", merger.target().name(), false)
                .addString("target", merger.target().kbo().digits(), false)
                .addString("closeDate", merger.closeDate().toString(), false)
                .addString("effectiveDate", merger.effectiveDate().toString(), false)
                .toJobParameters();
    }

    /**
     * Executes a reconciliation's safe corrections of an applied merger (additive changes only, chosen by the
     * caller) as an apply does: stored as a plan of mode RECONCILE, the same job, audited, one at a time with
     * the merger's applies. Returns what was done, from the audit trail.
     */
    public Map<String, Map<String, Integer>> correct(Merger merger, MergerPlan corrections, long run) {
        try (Connection connection = dataSource.getConnection()) {
            AdvisoryLock lock = AdvisoryLock.tryTake(connection, "apply:" + merger.id()).orElseThrow(() ->
                    new JobAlreadyRunningException("An apply of merger " + merger.id() + " is under way: its drift "
                            + "was not corrected now."));
            try (lock) {
                long planId = planner.store(corrections, "RECONCILE", run);
                JobRunner.Outcome outcome = jobs.run(applyJob, applyParameters(merger, planId, run),
                        "the safe corrections of " + merger.id());
                if (!outcome.completed()) {
                    throw new JobFailedException("The safe corrections of " + merger.id(), outcome.execution());
                }
                return done(run, merger);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the apply lock of " + merger.id() + ": " + e.getMessage(), e);
        }
    }

    /** What an apply run did, from its audit rows: accounts, dossiers and request links. */
    private Map<String, Map<String, Integer>> done(long applyRun, Merger merger) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String target = merger.target().kbo().digits() + "/%";
        jdbc.sql("""
                        select count(*) filter (where table_name = 'account' and action = 'INSERT') as to_create,
                               count(*) filter (where table_name = 'account' and action = 'UPDATE') as to_update,
                               count(*) filter (where table_name = 'dossier' and action = 'UPDATE') as to_close,
                               count(*) filter (where table_name = 'dossier' and action = 'INSERT') as to_reopen,
                               count(*) filter (where table_name = 'online_request_link') as to_relink
                        from audit where run_id = :run
                          and (table_name <> 'account' or row_key like :target)""")
                .param("run", applyRun).param("target", target)
                .query(rs -> {
                    for (String key : List.of("to_create", "to_update", "to_close", "to_reopen", "to_relink")) {
                        counts.put(key, rs.getInt(key));
                    }
                });
        Map<String, Map<String, Integer>> done = new LinkedHashMap<>();
        done.put("accounts", Map.of("to_create", counts.get("to_create"), "to_update", counts.get("to_update")));
        done.put("dossiers", Map.of("to_close", counts.get("to_close"), "to_reopen", counts.get("to_reopen")));
        done.put("online_requests", Map.of("to_relink", counts.get("to_relink")));
        return done;
    }

    /** A finding for every count where the audit trail does not show what the plan predicted. */
    private static List<PlanFinding> differences(Map<String, Map<String, Integer>> planned, Map<String, Map<String, Integer>> done) {
        List<PlanFinding> findings = new ArrayList<>();
        done.forEach((group, values) -> values.forEach((key, value) -> {
            int predicted = planned.getOrDefault(group, Map.of()).getOrDefault(key, 0);
            if (predicted != value) {
                findings.add(PlanFinding.of("APPLY_DIFFERS", "WARNING", null, group + "." + key, "APPLY_DIFFERS",
                        group + "." + key, predicted, value));
            }
        }));
        return findings;
    }

    /** What differs between the plan that was approved (if it is stored) and the current one. */
    private String differences(Merger merger, String approved, MergerPlan current) {
        Optional<Long> approvedPlan = jdbc.sql("select id from plan where merger_id = :merger and fingerprint = :f order by id desc limit 1")
                .param("merger", merger.id()).param("f", approved).query(Long.class).optional();
        if (approvedPlan.isEmpty()) {
            return "  No plan of " + merger.id() + " with the approved fingerprint was ever computed here.\n";
        }
        Set<String> before = planner.storedChanges(approvedPlan.get());
        Set<String> now = new TreeSet<>();
        current.changes().forEach(c -> now.add(c.kind() + "|" + c.targetKbo() + "|" + c.domain() + "|" + c.subject()));
        List<String> lines = new ArrayList<>();
        now.stream().filter(c -> !before.contains(c)).forEach(c -> lines.add("  + " + c));
        before.stream().filter(c -> !now.contains(c)).forEach(c -> lines.add("  - " + c));
        if (lines.isEmpty()) {
            lines.add("  The same changes, with other values or findings (the data changed since the approval).");
        }
        return "What changed since the approved plan (+ new, - gone):\n"
                + String.join("\n", lines.subList(0, Math.min(25, lines.size())))
                + (lines.size() > 25 ? "\n  … and " + (lines.size() - 25) + " more" : "") + "\n";
    }

    private Map<String, Object> storedSummary(long planId) {
        return planner.storedSummary(planId);
    }

    /** A stored plan, rebuilt for the reports of its apply. */
    @SuppressWarnings("unchecked")
    MergerPlan stored(Merger merger, long planId) {
        Map<String, Object> summary = storedSummary(planId);
        List<PlanChange> changes = new ArrayList<>();
        List<MergerPlan.TargetAccount> accounts = new ArrayList<>();
        List<Integer> seqs = new ArrayList<>();
        // the database takes the account changes apart: reading a hundred thousand JSON documents here costs seconds
        jdbc.sql("""
                        select seq, kind, target_kbo, domain, subject, detail->>'username' as username,
                               detail->>'last_name' as last_name, detail->>'first_name' as first_name, detail->>'insz' as insz,
                               detail->>'role' as role, detail->>'status' as status, detail->>'email' as email,
                               array(select jsonb_array_elements_text(detail->'applications')) as applications,
                               array(select jsonb_array_elements_text(detail->'add_applications')) as add_applications,
                               array(select jsonb_array_elements_text(detail->'sources')) as sources,
                               case when kind in ('CREATE_ACCOUNT', 'UPDATE_ACCOUNT') then null else cast(detail as text) end as other
                        from plan_change where plan_id = :id order by seq""")
                .param("id", planId)
                .query(rs -> {
                    seqs.add(rs.getInt("seq"));
                    Map<String, Object> detail;
                    if (rs.getString("other") != null) {
                        detail = Planner.JSON.readValue(rs.getString("other"), new TypeReference<Map<String, Object>>() { });
                    } else {
                        detail = new LinkedHashMap<>();
                        for (String key : List.of("username", "last_name", "first_name", "insz", "role", "status", "email")) {
                            if (rs.getString(key) != null) {
                                detail.put(key, rs.getString(key));
                            }
                        }
                        boolean create = rs.getString("kind").equals("CREATE_ACCOUNT");
                        for (String key : List.of("applications", "add_applications", "sources")) {
                            List<String> values = List.of((String[]) rs.getArray(key).getArray());
                            if (!values.isEmpty() || key.equals("sources") || (create && key.equals("applications"))) {
                                detail.put(key, values);
                            }
                        }
                    }
                    changes.add(new PlanChange(rs.getString("kind"), rs.getString("target_kbo"), rs.getString("domain"),
                            rs.getString("subject"), detail));
                });
        // an updated account is shown as the plan shows it: the target's account with the role, status and applications it gets
        Map<Integer, MergerPlan.TargetAccount> updated = new java.util.HashMap<>();
        jdbc.sql("""
                        select c.seq, a.last_name, a.first_name, a.insz, a.role, a.status, a.email, a.applications
                        from plan_change c
                                 join live_account a on a.kbo = c.target_kbo and a.domain = c.domain and a.username = c.detail->>'username'
                        where c.plan_id = :id and c.kind = 'UPDATE_ACCOUNT'""")
                .param("id", planId)
                .query(rs -> {
                    updated.put(rs.getInt(1), new MergerPlan.TargetAccount(null, null, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            List.of((String[]) rs.getArray(8).getArray()), "UPDATE", List.of()));
                });
        for (int i = 0; i < changes.size(); i++) {
            PlanChange change = changes.get(i);
            Map<String, Object> detail = change.detail();
            if (change.kind().equals("CREATE_ACCOUNT")) {
                accounts.add(new MergerPlan.TargetAccount(change.domain(), (String) detail.get("username"),
                        (String) detail.get("last_name"), (String) detail.get("first_name"), (String) detail.get("insz"),
                        (String) detail.get("role"), (String) detail.get("status"), (String) detail.get("email"),
                        (List<String>) detail.get("applications"), "CREATE", (List<String>) detail.get("sources")));
            } else if (change.kind().equals("UPDATE_ACCOUNT")) {
                MergerPlan.TargetAccount now = updated.get(seqs.get(i));
                java.util.TreeSet<String> applications = new java.util.TreeSet<>(now == null ? List.of() : now.applications());
                applications.addAll((List<String>) detail.getOrDefault("add_applications", List.of()));
                accounts.add(new MergerPlan.TargetAccount(change.domain(), (String) detail.get("username"),
                        now == null ? "" : now.lastName(), now == null ? "" : now.firstName(), now == null ? null : now.insz(),
                        (String) detail.getOrDefault("role", now == null ? null : now.role()),
                        (String) detail.getOrDefault("status", now == null ? null : now.status()), now == null ? null : now.email(),
                        List.copyOf(applications), "UPDATE", (List<String>) detail.get("sources")));
            }
        }
        List<PlanFinding> findings = planner.storedFindings(planId);
        List<PlanTask> tasks = planner.storedTasks(planId);
        Map<String, Map<String, Integer>> counts = appliedCounts(changes, storedCounts(planId));
        return new MergerPlan(merger, "APPLIED", changes, findings, tasks, counts, accounts,
                (String) summary.get("fingerprint"), (String) summary.get("source_fingerprint_before"));
    }

    /**
     * What an apply did, counted from the changes it applied: a second apply, which has none, reports zeros.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Integer>> appliedCounts(List<PlanChange> changes, Map<String, Map<String, Integer>> planned) {
        Map<String, Integer> administrators = new LinkedHashMap<>();
        for (String role : List.of("htb", "co_htb", "tb", "co_tb")) {
            administrators.put(role, 0);
        }
        int created = 0;
        int updated = 0;
        int merged = 0;
        int already = 0;
        int grants = 0;
        for (PlanChange change : changes) {
            Map<String, Object> detail = change.detail();
            List<String> sources = (List<String>) detail.getOrDefault("sources", List.of());
            Object role = detail.get("role");
            if (role != null && administrators.containsKey(role.toString().toLowerCase(java.util.Locale.ROOT))) {
                administrators.merge(role.toString().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            }
            if (change.kind().equals("CREATE_ACCOUNT")) {
                created++;
                merged += Math.max(0, sources.size() - 1);
                grants += ((List<String>) detail.getOrDefault("applications", List.of())).size();
            } else if (change.kind().equals("UPDATE_ACCOUNT")) {
                updated++;
                already += sources.size();
                grants += ((List<String>) detail.getOrDefault("add_applications", List.of())).size();
            }
        }
        Map<String, Integer> accounts = new LinkedHashMap<>();
        accounts.put("source", changes.stream().mapToInt(c -> ((List<String>) c.detail().getOrDefault("sources", List.of())).size()).sum());
        accounts.put("to_create", created);
        accounts.put("merged_duplicates", merged);
        accounts.put("already_in_target", already);
        accounts.put("to_update", updated);
        accounts.put("not_copied", 0);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        counts.put("administrators", administrators);
        counts.put("accounts", accounts);
        counts.put("grants", Map.of("to_create", grants));
        // dossiers and requests are done as planned: the apply's check step proves it
        counts.put("dossiers", planned.get("dossiers"));
        counts.put("online_requests", planned.get("online_requests"));
        return counts;
    }

    /** The dossier and request counts of a stored plan (a resumed apply has no computed plan), from its rows. */
    private Map<String, Map<String, Integer>> storedCounts(long planId) {
        Map<String, Integer> dossiers = new LinkedHashMap<>();
        jdbc.sql("select count(*), count(successor_reference) from plan_dossier where plan_id = :id").param("id", planId)
                .query(rs -> {
                    dossiers.put("to_close", rs.getInt(1));
                    dossiers.put("to_reopen", rs.getInt(2));
                });
        Object summary = storedSummary(planId).get("dossiers");
        dossiers.put("after_cutover", summary instanceof Map<?, ?> stored && stored.get("after_cutover") instanceof Number n
                ? n.intValue() : 0);
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("to_relink", jdbc.sql("select count(*) from plan_online_request where plan_id = :id").param("id", planId)
                .query(Integer.class).single());
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        counts.put("dossiers", dossiers);
        counts.put("online_requests", requests);
        return counts;
    }
}
