package be.ocmw.merge.reconciliation;

import be.ocmw.merge.merger.OpenDrift;
import be.ocmw.merge.registry.Merger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;

/** The drift of the latest reconciliation that started after {@code since} and finished, not corrected by it. */
@Component
class ReconciledDrift implements OpenDrift {

    private final JdbcClient jdbc;

    ReconciledDrift(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int openSince(Merger merger, OffsetDateTime since) {
        return jdbc.sql("""
                        select count(*) from drift d
                        where d.merger_id = :merger and not d.corrected
                          and d.run_id = (select max(r.id) from run r
                                          where r.command like 'reconcile%' and r.started_at > :since
                                            and (r.finished_at is not null or r.command = 'reconcile (scheduled)'))""")
                .param("merger", merger.id()).param("since", since)
                .query(Integer.class).single();
    }
}
