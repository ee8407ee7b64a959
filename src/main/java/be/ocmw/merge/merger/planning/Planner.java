package be.ocmw.merge.merger.planning;

import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.intake.Designations;
import be.ocmw.merge.merger.model.Fingerprint;
import be.ocmw.merge.merger.model.MergerPart;
import be.ocmw.merge.merger.model.MergerPart.Contribution;
import be.ocmw.merge.merger.model.MergerPlan;
import be.ocmw.merge.merger.model.PlanChange;
import be.ocmw.merge.merger.model.PlanCounts;
import be.ocmw.merge.merger.model.PlanStatus;
import be.ocmw.merge.merger.model.PlanTask;
import be.ocmw.merge.merger.model.RunMode;
import be.ocmw.merge.merger.store.PlanStore;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.reporting.Background;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Computes a merger's plan from the current state without changing any organisation's data: the intake's findings,
 * the parts' contributions (access, dossiers, OCMW Online, in their order), the checklist, and the fingerprint over
 * all of it. Everything it reads comes from one REPEATABLE READ snapshot (the source fingerprint, hashed on another
 * connection meanwhile, from the same snapshot exported to it); a plan that is stored is stored in that snapshot too,
 * and the rows the parts stored are proved to be the ones that were fingerprinted.
 */
@Component
public class Planner {

    private final JdbcClient jdbc;
    private final TransactionTemplate reading;
    private final TransactionTemplate storing;
    private final List<MergerPart> parts;
    private final Designations intake;
    private final PlanStore store;

    Planner(JdbcClient jdbc, PlatformTransactionManager transactions, List<MergerPart> parts, Designations intake,
            PlanStore store) {
        this.jdbc = jdbc;
        this.reading = snapshot(transactions, true);
        this.storing = snapshot(transactions, false);
        this.parts = MergerPart.inOrder(parts);
        this.intake = intake;
        this.store = store;
    }

    private static TransactionTemplate snapshot(PlatformTransactionManager transactions, boolean readOnly) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        template.setReadOnly(readOnly);
        return template;
    }

    /** A plan computed and, when the caller chose to, stored ({@code id} null: not stored). */
    public record Planned(MergerPlan plan, Long id) {
    }

    /** The parts of a merger, in their order. */
    public List<MergerPart> parts() {
        return parts;
    }

    /** The plan of the merger as the data is now: nothing is stored. */
    public MergerPlan compute(Merger merger) {
        return reading.execute(tx -> computeInSnapshot(merger, false).plan());
    }

    /**
     * The plan of the merger as the data is now, with the digest of its inputs when {@code digest} (a plan that is
     * stored and may be executed as stored later), stored by {@code keep} in the same snapshot when it returns an
     * id (null: not stored). The rows the parts store are checked against the ones that were fingerprinted.
     */
    public Planned plan(Merger merger, boolean digest, Function<MergerPlan, Long> keep) {
        return this.storing.execute(tx -> {
            Computed computed = computeInSnapshot(merger, digest);
            Long id = keep.apply(computed.plan());
            if (id != null) {
                proveStored(merger, store.changesOf(id), computed.digests());
            }
            return new Planned(computed.plan(), id);
        });
    }

    /**
     * Stores a plan with its changes, findings and tasks, its parts' rows selected now; returns its id. When
     * {@code sameAs} is a stored plan with the same fingerprint (so the same changes), its rows are shared instead of
     * being written out again. Inside {@link #plan} this is the snapshot the plan was computed in.
     */
    public long store(MergerPlan plan, RunMode mode, long run, Long sameAs) {
        long id = store.insert(plan, mode, run, sameAs);
        if (sameAs == null) {
            parts.forEach(part -> part.store(plan.merger(), plan, id));
        }
        store.storeFindingsAndTasks(plan, mode, run, id);
        return id;
    }

    /** The digest of everything the plan of this merger is computed from, as the data is now. */
    public String inputDigest(Merger merger) {
        return InputDigest.of(jdbc, merger, parts);
    }

    /**
     * The stored plan (mode PLAN, READY, with {@code approved} as fingerprint when given) that was computed from
     * exactly the inputs there are now: executing it is executing the plan computed now.
     */
    public Optional<Long> unchangedPlan(Merger merger, String approved) {
        return store.latestWithInputs(merger, approved).filter(candidate -> candidate.inputDigest().equals(inputDigest(merger)))
                .map(PlanStore.WithInputs::id);
    }

    private record Computed(MergerPlan plan, List<String> digests) {
    }

    private Computed computeInSnapshot(Merger merger, boolean digest) {
        // the database hashes the sources while this thread reads and plans, in this very snapshot
        String snapshot = jdbc.sql("select pg_export_snapshot()").query(String.class).single();
        CompletableFuture<String> sourceFingerprint = Background.supply("source-fingerprint", () -> reading.execute(tx -> {
            jdbc.sql("set transaction snapshot '" + snapshot.replace("'", "") + "'").update();
            return sourceFingerprint(merger, null);
        }));
        String inputs = digest ? inputDigest(merger) : null;
        List<PlanChange> changes = new ArrayList<>();
        List<MergerPlan.TargetAccount> accounts = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(intake.findings(merger));
        PlanCounts counts = PlanCounts.none();
        List<String> digests = new ArrayList<>();
        for (MergerPart part : parts) {
            Contribution contribution = part.plan(merger);
            changes.addAll(contribution.changes());
            accounts.addAll(contribution.accounts());
            findings.addAll(contribution.findings());
            counts = counts.plus(contribution.counts());
            digests.add(contribution.digest());
        }
        PlanStatus status = findings.stream().anyMatch(Finding::blocking) ? PlanStatus.BLOCKED : PlanStatus.READY;
        List<PlanTask> tasks = Tasks.of(merger);
        String fingerprint = Fingerprint.of(merger, status, changes, partsDigest(digests), findings, tasks);
        MergerPlan plan = new MergerPlan(merger, status, changes, findings, tasks, counts, accounts, fingerprint,
                Background.join(sourceFingerprint), inputs);
        return new Computed(plan, digests);
    }

    private static String partsDigest(List<String> digests) {
        return String.join("|", digests.stream().filter(Objects::nonNull).toList());
    }

    /** Each part's stored rows have the digest its fingerprinted selection had; anything else is a defect. */
    private void proveStored(Merger merger, long rows, List<String> digests) {
        for (int i = 0; i < parts.size(); i++) {
            if (digests.get(i) == null) {
                continue;
            }
            String stored = parts.get(i).storedDigest(merger, rows);
            if (!digests.get(i).equals(stored)) {
                throw new IllegalStateException("The rows stored for the plan of " + merger.id() + " are not the ones its "
                        + "fingerprint covers (" + parts.get(i).getClass().getSimpleName() + "): nothing was stored.");
            }
        }
    }

    /**
     * The source organisations, fingerprinted: their access, and the dossiers of the dossier sources as they
     * were before {@code plan} (null: as they are). Equal before and after apply proves they were not touched
     * beyond the planned closing of their running dossiers.
     */
    public String sourceFingerprint(Merger merger, Long plan) {
        List<String> lines = new ArrayList<>();
        for (MergerPart part : parts) {
            String share = part.sourceFingerprint(merger, plan == null ? null : store.changesOf(plan));
            if (share != null) {
                lines.add(share);
            }
        }
        return Fingerprint.ofLines(lines);
    }
}
