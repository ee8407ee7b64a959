package be.ocmw.merge.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring test on the JVM's real PostgreSQL, migrated by Flyway as the application does it. Every
 * subclass gets the same properties, so they share one cached application context.
 */
@SpringBootTest
@TestPropertySource(properties = "logging.file.name=target/test-logs/ocmw-merge.log")
public abstract class DatabaseTest {

    /** Who approves plans in tests, and who applies them: two people with their own accounts (four eyes). */
    protected static final be.ocmw.merge.domain.Actor COORDINATOR = be.ocmw.merge.domain.Actor.of(
            new be.ocmw.merge.domain.Account(be.ocmw.merge.domain.Account.Kind.USERS_FILE, "coordinator"));
    protected static final be.ocmw.merge.domain.Actor OPERATOR = be.ocmw.merge.domain.Actor.of(
            new be.ocmw.merge.domain.Account(be.ocmw.merge.domain.Account.Kind.USERS_FILE, "operator"));

    @org.springframework.beans.factory.annotation.Autowired
    private be.ocmw.merge.merger.MergerRuns planning;

    @org.springframework.beans.factory.annotation.Autowired
    private be.ocmw.merge.merger.Approvals approving;

    @org.springframework.beans.factory.annotation.Autowired
    private be.ocmw.merge.audit.RunLog runs;

    /**
     * The merger planned as the data is now (its reports in {@code out}) and that plan approved by the coordinator: what
     * an apply then executes. Fails with the reason when the plan cannot be approved (BLOCKED, say).
     */
    protected String approve(be.ocmw.merge.registry.Merger merger, java.nio.file.Path out) {
        long run = runs.start("test plan", merger.id());
        String fingerprint = planning.plan(merger, out, run).plan().fingerprint();
        be.ocmw.merge.merger.Approvals.Result result = approving.approve(merger, fingerprint, COORDINATOR, null,
                runs.start("test approve", merger.id()));
        if (result instanceof be.ocmw.merge.merger.Approvals.Result.Refused refused) {
            throw new AssertionError("the plan of " + merger.id() + " was not approved: " + refused.reason());
        }
        return fingerprint;
    }

    /** The merger's latest plan, of {@code fingerprint}, approved by the coordinator as it is (not planned again). */
    protected void approveLatest(be.ocmw.merge.registry.Merger merger, String fingerprint) {
        be.ocmw.merge.merger.Approvals.Result result = approving.approve(merger, fingerprint, COORDINATOR, null,
                runs.start("test approve", merger.id()));
        if (result instanceof be.ocmw.merge.merger.Approvals.Result.Refused refused) {
            throw new AssertionError("the plan of " + merger.id() + " was not approved: " + refused.reason());
        }
    }

    /** Empties the merger data (not the run log nor the job repository) so a test starts from nothing. */
    protected static void clean(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        jdbc.sql("""
                truncate table organisation, organisation_nis, access_snapshot, account, dossier, online_request,
                               online_request_link, submission, submission_administrator, load_file, staged_dossier,
                               staged_online_request, staged_administrator, rejected_row, finding, audit, plan,
                               plan_change, plan_task, drift, consultation, chain_seal, drift_digest, mail_outbox, nightly_attempt,
                               submission_review, staged_review, campaign_mail cascade""").update();
        // the chains start again with the emptied tables (audit verify would otherwise miss every sealed row)
        jdbc.sql("update chain_head set seals = 0, hash = sha256(convert_to('ocmw-merge ' || chain, 'UTF8'))").update();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("ocmw.database.url", TestDatabase::url);
        properties.add("ocmw.database.user", () -> "postgres");
    }
}
