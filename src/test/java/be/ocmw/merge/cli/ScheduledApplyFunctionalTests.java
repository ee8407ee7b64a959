package be.ocmw.merge.cli;

import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.OcmwMergeJar.Started;
import be.ocmw.merge.support.SampleWorkflow;
import be.ocmw.merge.support.TestSmtp;
import be.ocmw.merge.support.Waiting;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled apply through the real jar (SPEC 5.8): scheduled on the command line before E, then two {@code serve}
 * nodes on the same database started with the clock turned past its time (as after a night in which no serve ran): one
 * of them runs it, once, late and saying so, and the outcome is mailed.
 */
class ScheduledApplyFunctionalTests {

    @TempDir
    Path workDir;

    @Test
    void twoServeNodesRunAMissedScheduleOnceAndMailTheOutcome() throws Exception {
        String url = SampleWorkflow.loadedCopy(workDir);
        Path registry = workDir.resolve("jobs/mergers-2025.yml");
        Files.writeString(registry, Files.readString(registry).replace("    name: Pajottegem\n",
                "    name: Pajottegem\n    notify: [coordinator@vlaanderen.example]\n"));
        int port = TestSmtp.freePort();
        GreenMail smtp = TestSmtp.on(port);
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url).env("OCMW_MAIL_HOST", "127.0.0.1")
                .env("OCMW_MAIL_PORT", String.valueOf(port)).env("OCMW_NOW", "2024-12-31T20:00");
        List<Started> nodes = new java.util.ArrayList<>();
        try {
            String fingerprint = SampleWorkflow.fingerprint(jar.run("plan", "pajottegem", "--out", "out"));
            assertThat(jar.run("approve", "pajottegem", "--fingerprint", fingerprint, "--by", "coordinator").exitCode()).isZero();
            Run scheduled = jar.run("apply", "pajottegem", "--fingerprint", fingerprint, "--at", "2025-01-01T06:00",
                    "--by", "operator");
            assertThat(scheduled.exitCode()).as(scheduled.output()).isZero();

            // the morning after, two nodes start: the schedule was missed while none ran
            jar.env("OCMW_NOW", "2025-01-01T08:00").env("OCMW_APPLY_SCHEDULE_CHECK", "1s")
                    .env("OCMW_SCHEDULER_CHECKIN", "1s").env("OCMW_SCHEDULER_IDLE_WAIT", "1s");
            nodes.add(jar.start("serve", "--demo", "--port", "0"));
            nodes.add(jar.start("serve", "--demo", "--port", "0"));
            Waiting.until("the scheduled apply", Duration.ofSeconds(180), Duration.ofMillis(250),
                    () -> "DONE".equals(string(url, "select status from apply_schedule order by id desc limit 1")));
            assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();

            assertThat(count(url, "select count(*) from plan where merger_id = 'pajottegem' and mode = 'APPLY'")).isEqualTo(1);
            assertThat(string(url, "select late::text from apply_schedule")).isEqualTo("true");
            assertThat(count(url, "select count(*) from run where command = 'apply' and actor = 'operator' and arguments like '%run late%'"))
                    .isEqualTo(1);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("uitgevoerd zoals gepland");
            assertThat(String.valueOf(smtp.getReceivedMessages()[0].getContent())).contains("te laat");
        } finally {
            for (Started node : nodes) {
                node.process().destroy();
                node.process().waitFor();
            }
            smtp.stop();
        }
    }

    private static long count(String url, String sql) throws Exception {
        return Long.parseLong(string(url, sql));
    }

    private static String string(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
