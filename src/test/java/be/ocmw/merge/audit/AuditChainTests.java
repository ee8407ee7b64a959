package be.ocmw.merge.audit;

import be.ocmw.merge.audit.ChainProblem.Kind;
import be.ocmw.merge.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail proves itself: every change made to it outside the engine is named by the row it touched. */
class AuditChainTests extends DatabaseTest {

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RunLog runs;

    @Autowired
    Consultations consultations;

    @Autowired
    PlatformTransactionManager transactions;

    long run;
    List<Long> first;
    List<Long> second;

    @BeforeEach
    void twoTransactionsOfAuditRows() {
        clean(jdbc);
        run = runs.start("test", "audit chain");
        first = written(3);
        second = written(2);
        consultations.record(Consultation.of(OPERATOR, Consultation.Channel.COMMAND_LINE, "export dossiers", null,
                "dossiers.csv", 12, "a question of the helpdesk", run));
    }

    @Test
    void anUntouchedTrailVerifies() {
        ChainVerification verification = chain.verify();

        assertThat(verification.intact()).as(String.valueOf(verification.problems())).isTrue();
        assertThat(verification.auditRows()).isEqualTo(5);
        assertThat(verification.consultations()).isEqualTo(1);
        assertThat(verification.seals()).isEqualTo(3);
        assertThat(verification.auditHead()).startsWith("2:");
    }

    @Test
    void aChangedAfterCopyIsNamedByItsRow() {
        tampered(sql -> sql.sql("update audit set after = jsonb_set(after, '{status}', '\"GEBLOKKEERD\"') where id = :id")
                .param("id", first.get(1)).update(), verification -> {
            assertThat(verification.first()).isEqualTo(problem(Kind.CHANGED, first.get(1)));
            assertThat(verification.first().reason().english()).contains("audit row " + first.get(1)).contains("changed");
        });
    }

    @Test
    void aChangedRowWithItsHashRecomputedBreaksTheLinkToTheNextRow() {
        tampered(sql -> sql.sql("""
                        update audit set row_key = 'someone/else', hash = audit_row_hash(prev_hash, segment, segment_seq, id,
                            run_id, at, table_name, 'someone/else', action, before_digest, after_digest) where id = :id""")
                .param("id", first.get(1)).update(), verification ->
                assertThat(verification.first()).isEqualTo(problem(Kind.CHANGED, first.get(2))));
    }

    @Test
    void aDeletedRowIsNamedByTheRowAfterTheGapAndAtTheEndByItsTransaction() {
        tampered(sql -> sql.sql("delete from audit where id = :id").param("id", first.get(1)).update(), verification -> {
            assertThat(verification.first()).isEqualTo(problem(Kind.MISSING_BEFORE, first.get(2)));
            assertThat(verification.first().reason().english()).contains("missing");
        });
        tampered(sql -> sql.sql("delete from audit where id = :id").param("id", second.get(1)).update(), verification ->
                assertThat(verification.first()).isEqualTo(new ChainProblem(ChainProblem.Chain.AUDIT, Kind.MISSING_AFTER,
                        second.get(0), segment(second.get(0)), 1L)));
    }

    @Test
    void aRowInsertedAroundTheChainOrBackdatedIsNamed() {
        // triggers off, as a restore or a replication would write it
        tampered(sql -> {
            sql.sql("set local session_replication_role = replica").update();
            sql.sql("insert into audit (run_id, table_name, row_key, action, after) values (:run, 'account', 'x/y/z', "
                    + "'INSERT', '{}')").param("run", run).update();
        }, verification -> assertThat(verification.first().kind()).isEqualTo(Kind.INSERTED));
        // through the chain, dated in the past: not written when its transaction says (sealed now, as a commit would)
        tampered(sql -> {
            long id = sql.sql("insert into audit (run_id, at, table_name, row_key, action, after) values (:run, "
                    + "now() - interval '30 days', 'account', 'x/y/z', 'INSERT', '{}') returning id").param("run", run)
                    .query(Long.class).single();
            sql.sql("set constraints audit_seal immediate").update();
            assertThat(id).isPositive();
        }, verification -> assertThat(verification.first().kind()).isEqualTo(Kind.INSERTED));
    }

    @Test
    void aChangedConsultationIsNamed() {
        tampered(sql -> sql.sql("update consultation set reason = 'routine'").update(), verification -> {
            assertThat(verification.first().chain()).isEqualTo(ChainProblem.Chain.CONSULTATION);
            assertThat(verification.first().kind()).isEqualTo(Kind.CHANGED);
        });
    }

    @Test
    void aDeletedSealIsNamed() {
        tampered(sql -> sql.sql("delete from chain_seal where chain = 'audit' and position = 2").update(), verification ->
                assertThat(verification.problems()).extracting(ChainProblem::kind).contains(Kind.NOT_SEALED, Kind.SEAL_BROKEN));
    }

    /** Rows written in one transaction, committed (and so sealed), as the engine writes them. */
    private List<Long> written(int rows) {
        return new TransactionTemplate(transactions).execute(status -> {
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < rows; i++) {
                ids.add(jdbc.sql("""
                                insert into audit (run_id, table_name, row_key, action, before, after)
                                values (:run, 'account', :key, 'UPDATE', '{"status": "ACTIEF"}', '{"status": "ACTIEF", "role": "USER"}')
                                returning id""")
                        .param("run", run).param("key", "0212978247/Maatschappelijk Welzijn/user" + i).query(Long.class).single());
            }
            return ids;
        });
    }

    /** The change made, the verification seen from inside the same transaction, and everything rolled back. */
    private void tampered(Consumer<JdbcClient> change, Consumer<ChainVerification> then) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            change.accept(jdbc);
            then.accept(chain.verify());
            status.setRollbackOnly();
        });
        assertThat(chain.verify().intact()).as("rolled back").isTrue();
    }

    private ChainProblem problem(Kind kind, long row) {
        Long position = jdbc.sql("select segment_seq::bigint from audit where id = :id").param("id", row).query(Long.class).single();
        return new ChainProblem(ChainProblem.Chain.AUDIT, kind, row, segment(row), position);
    }

    private long segment(long row) {
        return jdbc.sql("select segment from audit where id = :id").param("id", row).query(Long.class).single();
    }
}
