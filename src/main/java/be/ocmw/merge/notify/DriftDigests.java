package be.ocmw.merge.notify;

import be.ocmw.merge.notify.Mail.Kind;
import be.ocmw.merge.notify.internal.DigestText;
import be.ocmw.merge.reconciliation.Drift;
import be.ocmw.merge.reconciliation.ReconciledDrift;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * After a reconciliation run: per merger, the drift that run found which the merger's previous digest did not have
 * (same code, same old OCMW, same subject), queued as one mail to its notify list in its language when there is any.
 * Each merger's digest of a run is made once; the next digest compares with this one, whether it was mailed or not.
 */
@Component
public class DriftDigests {

    private final ReconciledDrift drifts;
    private final Registry registry;
    private final Outbox outbox;
    private final DigestText text;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DriftDigests(ReconciledDrift drifts, Registry registry, Outbox outbox, DigestText text, JdbcClient jdbc,
                 TransactionTemplate transactions) {
        this.drifts = drifts;
        this.registry = registry;
        this.outbox = outbox;
        this.text = text;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The digests of run {@code run} (the reconciliation of {@code night}), one per merger with drift or a past digest. */
    public List<DriftDigest> afterRun(long run, LocalDate night) {
        List<DriftDigest> digests = new ArrayList<>();
        for (Merger merger : registry.current().mergers()) {
            DriftDigest digest = transactions.execute(status -> digest(merger, run, night));
            if (digest != null) {
                digests.add(digest);
            }
        }
        return digests;
    }

    private DriftDigest digest(Merger merger, long run, LocalDate night) {
        // one digest per merger and run, also when two serve processes or a retried night get here
        jdbc.sql("select pg_advisory_xact_lock(hashtext('drift_digest ' || :m))").param("m", merger.id()).query().singleRow();
        if (jdbc.sql("select count(*) from drift_digest where merger_id = :m and run_id = :run")
                .param("m", merger.id()).param("run", run).query(Long.class).single() > 0) {
            return null;
        }
        Previous previous = jdbc.sql("""
                        select run_id, at from drift_digest where merger_id = :m and run_id < :run
                        order by run_id desc limit 1""")
                .param("m", merger.id()).param("run", run)
                .query((rs, n) -> new Previous(rs.getLong("run_id"), rs.getObject("at", java.time.OffsetDateTime.class)))
                .optional().orElse(null);
        Long since = previous == null ? null : previous.run();
        List<Drift> found = drifts.ofRun(run, merger.id());
        if (found.isEmpty() && since == null) {
            return null; // never reconciled with drift: not applied, or nothing ever differed
        }
        Set<String> before = since == null ? Set.of()
                : drifts.ofRun(since, merger.id()).stream().map(DriftDigests::key).collect(Collectors.toSet());
        List<Drift> fresh = found.stream().filter(d -> !d.corrected() && !before.contains(key(d))).toList();
        int open = (int) found.stream().filter(d -> !d.corrected()).count();
        Long mail = null;
        if (!fresh.isEmpty() && !merger.recipients().isEmpty()) {
            DriftDigest unsent = new DriftDigest(merger, run, night, since, fresh, open, null);
            DigestText.Words words = text.digest(unsent, previous == null ? null : previous.at());
            mail = outbox.queue(Kind.DRIFT_DIGEST, "drift digest " + merger.id() + " run " + run, merger.id(),
                    merger.language(), merger.recipients(), words.subject(), words.body());
        }
        jdbc.sql("""
                        insert into drift_digest (merger_id, run_id, new_drift, open_drift, mail_id)
                        values (:m, :run, :fresh, :open, :mail)""")
                .param("m", merger.id()).param("run", run).param("fresh", fresh.size()).param("open", open)
                .param("mail", mail, java.sql.Types.BIGINT).update();
        return new DriftDigest(merger, run, night, since, fresh, open, mail);
    }

    /** The merger's previous digest: the run it was made after, and when. */
    private record Previous(long run, java.time.OffsetDateTime at) {
    }

    private static String key(Drift drift) {
        return drift.code() + "|" + drift.sourceKbo() + "|" + drift.subject();
    }
}
