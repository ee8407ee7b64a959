package be.ocmw.merge.cli;

import be.ocmw.merge.audit.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.SampleWorkflow;
import be.ocmw.merge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** "Where did dossier GAL-0014 go?" answered from what the engine stored, before and after the apply (SPEC 5.4). */
class ExplainFunctionalTests {

    @TempDir
    Path workDir;

    String url;

    @Test
    void aDossierIsExplainedByTheRuleThatDecidedItBeforeAndAfterTheApply() throws Exception {
        url = TestDatabase.freshDatabaseUrl();
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        SampleWorkflow.loaded(jar, workDir);
        // Galmaarden (pajottegem, effective 2025-01-01): one dossier of each kind, and Antwerpen's own (it stays)
        String running = one("start_date < '2025-01-01' and (end_date is null or end_date > '2024-12-31')", "0212978247");
        String after = one("start_date >= '2025-01-01'", "0212978247");
        String ended = one("end_date <= '2024-12-31'", "0212978247");
        String retained = one("end_date is null", "0212235604");
        String reference = running.substring(running.indexOf('/') + 1);
        jar.run("plan", "pajottegem", "--out", "out");

        Run planned = jar.run("explain", "pajottegem", "--dossier", "0212.978.247/" + reference);
        SampleWorkflow.applied(jar, "pajottegem");
        Run done = jar.run("explain", "PAJOTTEGEM", "--dossier", running);
        Run successor = jar.run("explain", "pajottegem", "--dossier", "1002209443/" + reference, "--lang", "nl");
        Run afterCutover = jar.run("explain", "pajottegem", "--dossier", after);
        Run notTouched = jar.run("explain", "pajottegem", "--dossier", ended, "--lang", "fr");
        Run stays = jar.run("explain", "antwerpen", "--dossier", retained);
        Run nowhere = jar.run("explain", "pajottegem", "--dossier", "0212978247/NO-SUCH-1");
        Run bad = jar.run("explain", "pajottegem", "--dossier", "GAL-00001");

        assertThat(planned.exitCode()).as(planned.output()).isZero();
        assertThat(planned.out()).contains("the latest plan closes it on 31/12/2024 and reopens it under the merged OCMW as "
                + "1002.209.443/" + reference + " from 01/01/2025").doesNotContain("Audit trail");
        assertThat(done.out()).contains("it was closed on 31/12/2024 and reopened under the merged OCMW as 1002.209.443/"
                + reference + " from 01/01/2025").containsPattern("by run \\d+")
                .containsPattern("UPDATE by run \\d+ \\(apply\\)").containsPattern("INSERT by run \\d+ \\(apply\\)");
        assertThat(successor.out()).contains("zet 0212.978.247/" + reference + " van een oud OCMW voort")
                .contains("afgesloten werd op 31/12/2024");
        assertThat(afterCutover.out()).contains("DOSSIER_AFTER_CUTOVER").contains("is not touched");
        assertThat(notTouched.out()).contains("n'est pas touché");
        assertThat(stays.out()).contains("the OCMW that stays with its KBO and NIS");
        assertThat(nowhere.exitCode()).isZero();
        assertThat(nowhere.out()).contains("was not found");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("KBO/REFERENCE");
    }

    /** The first dossier (by reference) under {@code kbo} that meets {@code condition}, as KBO/REFERENCE. */
    private String one(String condition, String kbo) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select kbo || '/' || reference from dossier where kbo = '" + kbo
                     + "' and " + condition + " order by reference limit 1")) {
            assertThat(rs.next()).as(condition + " under " + kbo).isTrue();
            return rs.getString(1);
        }
    }
}
