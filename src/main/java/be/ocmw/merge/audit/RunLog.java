package be.ocmw.merge.audit;

import be.ocmw.merge.domain.Account;
import be.ocmw.merge.domain.Actor;
import be.ocmw.merge.domain.FreeText;
import be.ocmw.merge.domain.Insz;
import be.ocmw.merge.domain.Reason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;

/** Records each command run against the database and how it ended. */
@Component
public class RunLog {

    private final JdbcClient jdbc;

    RunLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run nobody started (the engine's own, a test's): no actor, no account. */
    public long start(String command, String arguments) {
        return start(command, arguments, null);
    }

    /**
     * A run by {@code actor} (SPEC 10): the name it was done for ({@code --by}, the dashboard user, else the account's own)
     * and the account it was authenticated as; the acts of the run (approvals, applies, ticks, consultations, audit rows)
     * are recorded with them.
     */
    public long start(String command, String arguments, Actor actor) {
        return jdbc.sql("""
                        insert into run (command, arguments, actor, account) values (:command, :arguments, :actor, :account)
                        returning id""")
                .param("command", command)
                .param("arguments", Insz.maskedIn(arguments))
                .param("actor", actor == null ? null : Insz.maskedIn(actor.name()))
                .param("account", actor == null ? null : actor.accountKey())
                .query(Long.class)
                .single();
    }

    /** Who a run was for and the account it ran as; empty for a run nobody started. */
    public java.util.Optional<Actor> actor(long run) {
        return jdbc.sql("select actor, account from run where id = :id and (actor is not null or account is not null)")
                .param("id", run)
                .query((rs, n) -> Actor.stored(rs.getString("actor"), rs.getString("account")))
                .optional();
    }

    /**
     * Whether a run of {@code command} whose arguments hold {@code with} and not {@code without} ended with exit 0 in the
     * last {@code hours} hours: what a purge asks of the dry run before it.
     */
    public boolean succeededLately(String command, String with, String without, int hours) {
        return jdbc.sql("""
                        select exists (select 1 from run where command = :command and exit_code = 0
                                         and strpos(arguments, :with) > 0 and strpos(arguments, :without) = 0
                                         and finished_at > now() - make_interval(hours => :hours))""")
                .param("command", command).param("with", with).param("without", without).param("hours", hours)
                .query(Boolean.class).single();
    }

    public void finish(long run, int exitCode, String outcome) {
        finish(run, exitCode, outcome, null);
    }

    /** Finishes a run that ended as {@code reason} says (a refusal, a failure): its words kept for every language. */
    public void finish(long run, int exitCode, Reason reason) {
        finish(run, exitCode, reason.english(), reason);
    }

    private void finish(long run, int exitCode, String outcome, Reason reason) {
        jdbc.sql("""
                        update run set finished_at = now(), exit_code = :exitCode, outcome = :outcome,
                                       outcome_words = cast(:words as jsonb)
                        where id = :id""")
                .param("exitCode", exitCode)
                .param("outcome", Insz.maskedIn(outcome))
                .param("words", ReasonJson.write(reason))
                .param("id", run)
                .update();
    }

    private static final String SELECT = """
            select id, command, arguments, actor, account, started_at, finished_at, exit_code, outcome,
                   cast(outcome_words as text) as outcome_words
            from run
            """;

    /**
     * The latest reconciliation started after {@code since} (any when null) that ended, or the night's, which is
     * recorded while it runs: the one whose drift counts now.
     */
    public java.util.Optional<RunRecord> latestReconciliation(OffsetDateTime since) {
        return jdbc.sql(SELECT + """
                        where command like 'reconcile%' and (finished_at is not null or command = 'reconcile (scheduled)')
                          and (cast(:since as timestamptz) is null or started_at > :since)
                        order by id desc limit 1""")
                .param("since", since)
                .query(RunLog::record).optional();
    }

    /** The runs of these numbers, by number (a number without a run is left out). */
    public java.util.Map<Long, RunRecord> byId(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, RunRecord> runs = new java.util.HashMap<>();
        jdbc.sql(SELECT + "where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query(RunLog::record).list().forEach(run -> runs.put(run.id(), run));
        return runs;
    }

    private static RunRecord record(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RunRecord(rs.getLong("id"), rs.getString("command"), rs.getString("arguments"),
                rs.getString("actor"), Account.ofKey(rs.getString("account")), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), (Integer) rs.getObject("exit_code"), rs.getString("outcome"),
                rs.getString("outcome_words") == null ? null : ReasonJson.read(rs.getString("outcome_words"), null));
    }

    /** The latest runs, newest first. */
    public List<RunRecord> recent(int limit) {
        return jdbc.sql(SELECT + "order by id desc limit :limit").param("limit", limit).query(RunLog::record).list();
    }

    /**
     * One run; {@code actor} whom it was for (null for runs from before it was recorded), {@code account} the account it
     * ran as (null for runs from before accounts were recorded, and the engine's own); {@code exitCode} null while it
     * runs (or when it was killed); {@code outcome} how it ended in English, {@code reason} the same in words for every
     * language when it was refused or failed with one (null otherwise).
     */
    public record RunRecord(long id, String command, String arguments, String actor, Account account, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, Integer exitCode, String outcome, Reason reason) {

        /** What a run log shows: national numbers masked and control characters made visible, in rows of any age. */
        public RunRecord {
            arguments = FreeText.shown(arguments);
            actor = FreeText.shown(actor);
            outcome = FreeText.shown(outcome);
        }

        /** Who the run was for, from which account; null for a run nobody started. */
        public Actor who() {
            return actor == null && account == null ? null : new Actor(actor, account);
        }

        /** The first line of the outcome, cut: what a table shows of a long refusal or error. */
        public String shortOutcome() {
            String first = String.valueOf(outcome).strip().lines().findFirst().orElse("");
            return first.length() > 100 ? first.substring(0, 99) + "…" : first;
        }
    }
}
