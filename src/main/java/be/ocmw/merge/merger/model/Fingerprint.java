package be.ocmw.merge.merger.model;

import be.ocmw.merge.finding.Finding;
import be.ocmw.merge.registry.Merger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint a coordinator approves: sha256 over a plan's content in a canonical order, so that the same state
 * gives the same fingerprint on any machine. Its form is written down in docs/decisions/fingerprint.md; changing a
 * line here changes every fingerprint, and approved plans then no longer apply.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /**
     * The merger, the status, the changes in the planner's order, the parts' digests (joined with {@code |} in the
     * parts' order), the findings sorted, the tasks in order.
     */
    public static String of(Merger merger, PlanStatus status, List<PlanChange> changes, String parts,
                            List<Finding> findings, List<PlanTask> tasks) {
        MessageDigest digest = sha256();
        update(digest, merger.id() + "|" + merger.scenario() + "|" + merger.effectiveDate() + "|" + merger.target() + "|" + status);
        // the planner makes its changes in a fixed order (domains, then people in registry and username order)
        changes.forEach(change -> update(digest, canonical(change)));
        update(digest, parts);
        findings.stream().map(f -> f.code() + "|" + f.severity() + "|" + f.kbo() + "|" + f.subject() + "|" + f.detail())
                .sorted().forEach(line -> update(digest, line));
        tasks.forEach(t -> update(digest, t.code() + "|" + t.due()));
        return hex(digest);
    }

    /** A change as one line of the fingerprint. */
    public static String canonical(PlanChange change) {
        return change.kind() + "|" + change.targetKbo().digits() + "|" + change.domain() + "|" + change.subject() + "|"
                + CanonicalJson.of(change.detail());
    }

    /**
     * SQL for a multiset hash of the rows {@code h} (records) that {@code rows} selects: their count and two sums of
     * 64-bit hashes of the records, in any order (see docs/decisions/input-digest.md). A record is hashed column by
     * column: turning it into text first cost twice as much.
     */
    public static String multiset(String rows) {
        return "(select count(*) || ':' || coalesce(sum(hash_record_extended(h, 0)), 0)"
                + " || ':' || coalesce(sum(hash_record_extended(h, 1)), 0) from (" + rows + ") x)";
    }

    /** sha256 over these lines, each ended by a newline. */
    public static String ofLines(List<String> lines) {
        MessageDigest digest = sha256();
        lines.forEach(line -> update(digest, line));
        return hex(digest);
    }

    private static String hex(MessageDigest digest) {
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
}
