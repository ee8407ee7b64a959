package be.ocmw.merge.merger.model;

import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.registry.Merger;
import org.springframework.batch.core.step.Step;

import java.time.LocalDate;
import java.util.List;

/**
 * A feature's own part of a merger, implemented inside that feature (access, dossiers, OCMW Online) and found by the
 * merger as a bean: what it plans, how that is stored under a plan (in the feature's own tables), the apply's steps
 * that execute it, the check that it is in place, what the audit trail says it did, its share of the source
 * fingerprint and of the input digest. The merger reads no table of a part; a new part is a new bean of this type.
 * <p>
 * {@code rows} is the plan whose stored rows a part reads: the plan itself, or the approved plan it shares them with.
 */
public interface MergerPart {

    /** Parts are planned, stored, fingerprinted, applied and reported in this order (lowest first). */
    int order();

    /** The parts in their {@link #order()}. */
    static List<MergerPart> inOrder(List<MergerPart> parts) {
        return parts.stream().sorted(java.util.Comparator.comparingInt(MergerPart::order)).toList();
    }

    /** What the part does to the merger, as the data is now (called inside the plan's snapshot). */
    Contribution plan(Merger merger);

    /** Stores the rows the apply executes under plan {@code id}, just stored (in the snapshot of {@link #plan}). */
    void store(Merger merger, MergerPlan plan, long id);

    /**
     * The digest of the rows stored under plan {@code rows}, in the form {@link Contribution#digest()} has: equal for
     * the rows that were fingerprinted. Null when the part stores what the plan holds (nothing selected again).
     */
    default String storedDigest(Merger merger, long rows) {
        return null;
    }

    /**
     * What identifies each change stored under plan {@code rows}, to show what differs between two plans; empty for a
     * part without changes of its own.
     */
    default java.util.Set<ChangeKey> storedChanges(long rows) {
        return java.util.Set.of();
    }

    /** The part of a stored plan as its apply's reports show it (no findings: those are stored with the plan). */
    Contribution stored(Merger merger, long rows, PlanCounts summarised);

    /** The counts of what an apply of this plan does, for the groups of this part. */
    PlanCounts toApply(MergerPlan plan);

    /** The apply's steps for this part, in order: they read the rows of job parameter {@code changes}. */
    List<Step> applySteps();

    /** How many of the part's changes under plan {@code rows} are not in place after an apply. */
    long missing(long rows, String targetKbo, LocalDate closeDate);

    /** What apply run {@code run} did for this part, counted in the audit trail, by group. */
    PlanCounts done(long run, Merger merger);

    /**
     * Brings the statistics of the tables an apply changed up to date (a million dossiers closed and reopened leave
     * them far behind, and the next plan would join the merged OCMW's rows as if it had none).
     */
    default void refreshStatistics() {
    }

    /**
     * The part's share of the fingerprint of the source organisations, as they were before {@code plan} (null: as they
     * are now); null when the part changes nothing of theirs.
     */
    default String sourceFingerprint(Merger merger, Long plan) {
        return null;
    }

    /**
     * The rows the part's plan of a merger is computed from, as SQL selecting records {@code h} (parameters
     * {@code :kbos}, the KBOs of the target and the participants, and {@code :id}, the merger's id).
     */
    List<String> inputRows();

    /**
     * What a part plans: counts by group (in a fixed order), changes, the target's accounts as the plan sees them,
     * findings, and a digest of the rows it selected for the fingerprint (null when its changes are all it plans).
     */
    record Contribution(PlanCounts counts, List<PlanChange> changes,
                        List<MergerPlan.TargetAccount> accounts, List<Finding> findings, String digest) {

        public Contribution {
            changes = List.copyOf(changes);
            accounts = List.copyOf(accounts);
            findings = List.copyOf(findings);
        }

        /** A part with counts and no changes of its own (its rows are stored by the part). */
        public static Contribution of(PlanCounts counts, List<Finding> findings, String digest) {
            return new Contribution(counts, List.of(), List.of(), findings, digest);
        }
    }
}
