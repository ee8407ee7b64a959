package be.ocmw.merge.audit;

import be.ocmw.merge.audit.ChainProblem.Chain;
import be.ocmw.merge.audit.ChainProblem.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Walks the hash chains of the audit trail and the consultation log (V15__audit_chain.sql says how they are written)
 * and names every place where a table no longer matches: set-based, in one snapshot, so that a verification while an
 * apply commits sees each transaction whole or not at all.
 */
@Component
public class AuditChain {

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    AuditChain(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public ChainVerification verify() {
        return snapshot.execute(status -> {
            List<ChainProblem> problems = new ArrayList<>();
            for (Chain chain : Chain.values()) {
                problems.addAll(rowProblems(chain));
                problems.addAll(segmentProblems(chain));
                problems.addAll(sealProblems(chain));
            }
            problems.addAll(purgeProblems());
            List<ChainProblem> ordered = problems.stream().distinct()
                    .sorted(Comparator.comparing((ChainProblem p) -> p.chain().ordinal())
                            .thenComparing(p -> p.rowId() == null ? Long.MAX_VALUE : p.rowId())
                            .thenComparing(p -> p.position() == null ? Long.MAX_VALUE : p.position()))
                    .toList();
            return new ChainVerification(OffsetDateTime.now(), count("audit"), count("consultation"),
                    count("chain_seal"), head(Chain.AUDIT), head(Chain.CONSULTATION),
                    ordered.subList(0, Math.min(ordered.size(), ChainVerification.SHOWN)),
                    ordered.size() > ChainVerification.SHOWN);
        });
    }

    /**
     * The purge's own audit row: how many rows run {@code run} pseudonymised and a digest of their ids, which a
     * verification compares with the rows marked with that run. Written in the purge's transaction.
     */
    public long recordPurge(long run, String appliedBefore) {
        return jdbc.sql("""
                        insert into audit (run_id, table_name, row_key, action, after)
                        select :run, 'audit', 'purge-personal-data', 'UPDATE',
                               jsonb_build_object('rows', count(*), 'applied_before', cast(:before as text),
                                                  'ids', encode(sha256(convert_to(coalesce(string_agg(id::text, ',' order by id), ''),
                                                                                  'UTF8')), 'hex'))
                        from audit where purged_by_run = :run
                        returning (after ->> 'rows')::bigint""")
                .param("run", run).param("before", appliedBefore).query(Long.class).single();
    }

    /** Verifies and records the result (for the dashboard, and the nightly check); {@code run} the run it was part of. */
    public ChainVerification verifyAndRecord(Long run) {
        ChainVerification verification = verify();
        jdbc.sql("""
                        insert into chain_check (intact, audit_rows, consultations, seals, problems, first_problem,
                                                 audit_head, consultation_head, run_id)
                        values (:intact, :rows, :consultations, :seals, :problems, cast(:first as jsonb), :auditHead,
                                :consultationHead, :run)""")
                .param("intact", verification.intact()).param("rows", verification.auditRows())
                .param("consultations", verification.consultations()).param("seals", verification.seals())
                .param("problems", verification.problems().size())
                .param("first", verification.intact() ? null : ReasonJson.write(verification.first().reason()))
                .param("auditHead", verification.auditHead()).param("consultationHead", verification.consultationHead())
                .param("run", run, java.sql.Types.BIGINT)
                .update();
        return verification;
    }

    /** The latest recorded verification: when, whether intact, the first problem in words for every language. */
    public record Check(OffsetDateTime at, boolean intact, long auditRows, long consultations, int problems,
                        be.ocmw.merge.domain.Reason first, String auditHead) {
    }

    public java.util.Optional<Check> latest() {
        return jdbc.sql("""
                        select at, intact, audit_rows, consultations, problems, cast(first_problem as text) as first,
                               audit_head from chain_check order by id desc limit 1""")
                .query((rs, n) -> new Check(rs.getObject("at", OffsetDateTime.class), rs.getBoolean("intact"),
                        rs.getLong("audit_rows"), rs.getLong("consultations"), rs.getInt("problems"),
                        rs.getString("first") == null ? null : ReasonJson.read(rs.getString("first"), null),
                        rs.getString("audit_head")))
                .optional();
    }

    private List<ChainProblem> rowProblems(Chain chain) {
        String computed = chain == Chain.AUDIT
                ? "audit_row_hash(t.prev_hash, t.segment, t.segment_seq, t.id, t.run_id, t.at, t.table_name, t.row_key, "
                  + "t.action, t.before_digest, t.after_digest)"
                : "consultation_row_hash(t.prev_hash, t.segment, t.segment_seq, t.id, t.at, t.actor, t.channel, t.what, "
                  + "t.merger_id, t.file, t.persons, t.reason, t.run_id, t.account)";
        // the copies of personal data must be what was hashed, unless a recorded purge pseudonymised them
        String copies = chain == Chain.AUDIT
                ? "t.purged_by_run is not null or (json_digest(t.before) is not distinct from t.before_digest "
                  + "and json_digest(t.after) is not distinct from t.after_digest)"
                : "true";
        // only the rows with a problem come back: an intact trail of millions of rows is checked in the database
        return jdbc.sql("""
                        select id, segment, segment_seq, problem from (
                        select id, segment, segment_seq, case
                            when hash is null or segment is null or segment_seq is null then 'INSERTED'
                            when previous_seq = segment_seq then 'INSERTED'
                            when computed is distinct from hash or not copies then 'CHANGED'
                            -- a row's time is its transaction's, as its seal's is: a row dated otherwise was put there
                            when segment <> 0 and sealed_at is not null and at <> sealed_at then 'INSERTED'
                            when segment_seq = 1 and prev_hash is distinct from chain_genesis('%1$s', segment) then 'CHANGED'
                            when segment_seq > 1 and (previous_seq is null or previous_seq < segment_seq - 1) then 'MISSING_BEFORE'
                            when segment_seq > 1 and prev_hash is distinct from previous_hash then 'CHANGED'
                        end as problem
                        from (select t.id, t.segment, t.segment_seq, t.hash, t.prev_hash, t.at, s.sealed_at,
                                     %2$s as computed, (%3$s) as copies,
                                     lag(t.hash) over w as previous_hash, lag(t.segment_seq) over w as previous_seq
                              from %1$s t left join chain_seal s on s.chain = '%1$s' and s.segment = t.segment
                              window w as (partition by t.segment order by t.segment_seq, t.id)) r
                        ) checked where problem is not null order by id""".formatted(chain.table(), computed, copies))
                .query((rs, n) -> new ChainProblem(chain, Kind.valueOf(rs.getString("problem")), rs.getLong("id"),
                        (Long) rs.getObject("segment"), rs.getObject("segment_seq") == null ? null : rs.getLong("segment_seq")))
                .list();
    }

    /** Each transaction's rows against its seal: all there, none added, its last row the sealed one. */
    private List<ChainProblem> segmentProblems(Chain chain) {
        return jdbc.sql("""
                        select g.segment, s.segment as sealed, g.first_id, g.last_id, g.max_seq, s.rows as seal_rows
                        from (select segment, min(id) as first_id, max(id) as last_id, max(segment_seq) as max_seq,
                                     (array_agg(hash order by segment_seq desc, id desc))[1] as last_hash
                              from %1$s where segment is not null group by segment) g
                        full join (select * from chain_seal where chain = '%1$s') s on s.segment = g.segment
                        where s.segment is null or g.segment is null or g.max_seq <> s.rows
                              or g.last_hash is distinct from s.last_hash""".formatted(chain.table()))
                .query((rs, n) -> {
                    Long segment = (Long) rs.getObject("segment");
                    if (rs.getObject("sealed") == null) {
                        return new ChainProblem(chain, Kind.NOT_SEALED, rs.getLong("first_id"), segment, null);
                    }
                    if (segment == null) {
                        return new ChainProblem(chain, Kind.MISSING_TRANSACTION, null, rs.getLong("sealed"), null);
                    }
                    long seq = rs.getLong("max_seq");
                    long sealed = rs.getLong("seal_rows");
                    Kind kind = seq < sealed ? Kind.MISSING_AFTER : seq > sealed ? Kind.INSERTED : Kind.CHANGED;
                    return new ChainProblem(chain, kind, rs.getLong("last_id"), segment, seq);
                })
                .list();
    }

    /** The seals, each hashed with the one before it, in an unbroken row up to the chain's head. */
    private List<ChainProblem> sealProblems(Chain chain) {
        List<ChainProblem> problems = new ArrayList<>(jdbc.sql("""
                        select position, segment from (
                            select position, segment, hash, prev_hash, chain, rows, last_hash,
                                   lag(position) over w as previous_position, lag(hash) over w as previous_hash
                            from chain_seal where chain = :chain window w as (order by position)) s
                        where position <> coalesce(previous_position, 0) + 1
                           or prev_hash is distinct from coalesce(previous_hash, sha256(convert_to('ocmw-merge ' || chain, 'UTF8')))
                           or hash is distinct from sha256(prev_hash || convert_to(jsonb_build_array(chain, position, segment,
                                                           rows, encode(last_hash, 'hex'))::text, 'UTF8'))""")
                .param("chain", chain.table())
                .query((rs, n) -> new ChainProblem(chain, Kind.SEAL_BROKEN, null, null, rs.getLong("position")))
                .list());
        // the newest seals cut off: the head remembers how many there were and the last one's hash
        jdbc.sql("""
                        select h.seals from chain_head h
                        left join chain_seal s on s.chain = h.chain and s.position = h.seals
                        where h.chain = :chain and h.seals > 0 and s.hash is distinct from h.hash
                           or h.chain = :chain and (select count(*) from chain_seal c where c.chain = h.chain) <> h.seals""")
                .param("chain", chain.table())
                .query(Long.class).list()
                .forEach(seals -> problems.add(new ChainProblem(chain, Kind.SEAL_BROKEN, null, null, seals)));
        return problems;
    }

    /** Rows marked pseudonymised must be exactly the ones their purge's own audit row counts and names. */
    private List<ChainProblem> purgeProblems() {
        return jdbc.sql("""
                        select min(a.id) as id, min(a.segment) as segment from audit a
                        left join audit e on e.run_id = a.purged_by_run and e.table_name = 'audit'
                                          and e.row_key = 'purge-personal-data'
                        left join (select purged_by_run, count(*) as rows,
                                          encode(sha256(convert_to(string_agg(id::text, ',' order by id), 'UTF8')), 'hex') as ids
                                   from audit where purged_by_run is not null group by purged_by_run) p
                               on p.purged_by_run = a.purged_by_run
                        where a.purged_by_run is not null
                          and (e.id is null or (e.after ->> 'rows')::bigint <> p.rows or e.after ->> 'ids' <> p.ids)
                        group by a.purged_by_run""")
                .query((rs, n) -> new ChainProblem(Chain.AUDIT, Kind.PURGE_MISMATCH, rs.getLong("id"),
                        (Long) rs.getObject("segment"), null))
                .list();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String head(Chain chain) {
        return jdbc.sql("select seals || ':' || encode(hash, 'hex') from chain_head where chain = :chain")
                .param("chain", chain.table()).query(String.class).optional().orElse("");
    }
}
