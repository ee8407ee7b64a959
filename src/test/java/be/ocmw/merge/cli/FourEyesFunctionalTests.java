package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.ContentDigest;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.SampleWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes over identities (SPEC 10) through the real jar: one OS account approving and applying is one person,
 * whatever names --by gives, unless OCMW_FOUR_EYES=names says to compare the names only (a test machine); the run log and
 * the apply's reports show the names and the account.
 */
class FourEyesFunctionalTests {

    private static final String ACCOUNT = System.getProperty("user.name");

    @TempDir
    Path workDir;

    @Test
    void anApprovalAndAnApplyFromOneOsAccountAreRefusedByDefaultAndAllowedWhenFourEyesComparesNames() throws Exception {
        String url = SampleWorkflow.loadedCopy(workDir);
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url));
        // as on a real machine: no OCMW_FOUR_EYES, so four eyes compares accounts
        OcmwMergeJar real = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url).unset("OCMW_FOUR_EYES");
        String fingerprint = SampleWorkflow.fingerprint(real.run("plan", "pajottegem", "--out", "out", "--by", "coordinator"));
        Run approved = real.run("approve", "pajottegem", "--fingerprint", fingerprint, "--by", "coordinator");
        assertThat(approved.exitCode()).as(approved.output()).isZero();
        String before = ContentDigest.of(jdbc, ContentDigest.ORGANISATIONS);

        // when the same OS account applies, on behalf of somebody else
        Run refused = real.run("apply", "pajottegem", "--out", "out", "--by", "operator");

        // then it is refused, says why and what to do, and changes nothing
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(ExitCode.BLOCKED);
        assertThat(refused.output()).contains("Four eyes").contains("approved by coordinator from account " + ACCOUNT)
                .contains("as operator from account " + ACCOUNT).contains("their own account")
                .contains("OCMW_FOUR_EYES=names");
        assertThat(ContentDigest.of(jdbc, ContentDigest.ORGANISATIONS)).isEqualTo(before);
        assertThat(real.run("status").out()).as("the run log names the account beside the name")
                .contains("by coordinator (OS account " + ACCOUNT + ")").contains("by operator (OS account " + ACCOUNT + ")");
        assertThat(jdbc.sql("select approved_by || ' ' || approved_account from approval").query(String.class).list())
                .containsExactly("coordinator os:" + ACCOUNT);

        // when four eyes compares the --by names (a test machine), the same account applies for another name
        Run applied = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url).env("OCMW_FOUR_EYES", "names")
                .run("apply", "pajottegem", "--out", "out", "--by", "operator");

        assertThat(applied.exitCode()).as(applied.output()).isZero();
        var summary = JsonMapper.builder().build().readTree(Files.readString(workDir.resolve("out/pajottegem/summary.json")));
        assertThat(summary.get("approved_by").asString()).isEqualTo("coordinator");
        assertThat(summary.get("approved_account").asString()).isEqualTo("os:" + ACCOUNT);
        assertThat(summary.get("applied_by").asString()).isEqualTo("operator");
        assertThat(summary.get("applied_account").asString()).isEqualTo("os:" + ACCOUNT);
        assertThat(Files.readString(workDir.resolve("out/pajottegem/apply.html")))
                .contains("coordinator (OS-account " + ACCOUNT + ")").contains("operator (OS-account " + ACCOUNT + ")");
        assertThat(Files.readString(workDir.resolve("out/pajottegem/apply.fr.html")))
                .contains("operator (compte OS " + ACCOUNT + ")");
    }
}
