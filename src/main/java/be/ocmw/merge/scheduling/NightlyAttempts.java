package be.ocmw.merge.scheduling;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The attempts at the nights' reconciliations, as recorded: what the dashboard's banner, the health and a metric show. */
@Component
public class NightlyAttempts {

    private final JdbcClient jdbc;

    NightlyAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One attempt at one night: the run it wrote its drift under (completed) or why it failed. */
    public record Attempt(LocalDate night, int attempt, Outcome outcome, Long run, String error, OffsetDateTime at) {

        /** Failed and not to be tried again by itself: the operators must act. */
        public boolean givenUp() {
            return outcome == Outcome.FAILED && attempt >= NightlyReconciliation.ATTEMPTS;
        }
    }

    public enum Outcome {COMPLETED, FAILED}

    void record(LocalDate night, int attempt, Outcome outcome, Long run, String error) {
        jdbc.sql("""
                        insert into nightly_attempt (night, attempt, status, run_id, error) values (:night, :attempt, :status, :run, :error)
                        on conflict (night, attempt) do update set status = excluded.status, run_id = excluded.run_id,
                            error = excluded.error, at = clock_timestamp()""")
                .param("night", night).param("attempt", attempt).param("status", outcome.name())
                .param("run", run, java.sql.Types.BIGINT).param("error", error).update();
    }

    /** The latest attempt at any night. */
    public Optional<Attempt> latest() {
        return jdbc.sql("select * from nightly_attempt order by at desc, id desc limit 1")
                .query((rs, n) -> new Attempt(rs.getObject("night", LocalDate.class), rs.getInt("attempt"),
                        Outcome.valueOf(rs.getString("status")), rs.getObject("run_id") == null ? null : rs.getLong("run_id"),
                        rs.getString("error"), rs.getObject("at", OffsetDateTime.class)))
                .optional();
    }

    /** The latest night that completed, when. */
    public Optional<OffsetDateTime> lastCompleted() {
        return jdbc.sql("select max(at) from nightly_attempt where status = 'COMPLETED'").query(OffsetDateTime.class)
                .optional();
    }
}
