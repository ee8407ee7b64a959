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
 * SPEC 5.8 through the real jar with a turned clock ({@code OCMW_NOW}, never a wait): before the effective date an
 * approved plan is not applied (exit 4, the organisations' content unchanged, saying from when); a rehearsal is, and
 * says so in its reports and on the console.
 */
class EffectiveDateFunctionalTests {

    @TempDir
    Path workDir;

    @Test
    void beforeTheEffectiveDateAnApplyIsRefusedAndARehearsalSaysWhatItIs() throws Exception {
        String url = SampleWorkflow.loadedCopy(workDir);
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url));
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        String fingerprint = SampleWorkflow.fingerprint(jar.run("plan", "pajottegem", "--out", "out"));
        assertThat(jar.run("approve", "pajottegem", "--fingerprint", fingerprint, "--by", "coordinator").exitCode()).isZero();
        OcmwMergeJar december = jar.env("OCMW_NOW", "2024-12-20T09:00");
        String before = ContentDigest.of(jdbc, ContentDigest.ORGANISATIONS);

        // before E: refused, nothing changed, and it says from when
        Run refused = december.run("apply", "pajottegem", "--out", "out", "--by", "operator");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(ExitCode.BLOCKED);
        assertThat(refused.output()).contains("exists only from 01/01/2025").contains("today is 20/12/2024")
                .contains("--rehearsal");
        assertThat(ContentDigest.of(jdbc, ContentDigest.ORGANISATIONS)).isEqualTo(before);

        // scheduled for E instead: the standing says so, until it is cancelled
        Run scheduled = december.run("apply", "pajottegem", "--fingerprint", fingerprint, "--at", "2025-01-01T06:00",
                "--by", "operator");
        assertThat(scheduled.exitCode()).as(scheduled.output()).isZero();
        assertThat(scheduled.out()).contains("Scheduled").contains("01/01/2025 06:00");
        assertThat(december.run("status").out()).contains("approved and scheduled");
        Run cancelled = december.run("apply", "pajottegem", "--cancel", "--by", "operator");
        assertThat(cancelled.out()).as(cancelled.output()).contains("Cancelled the apply of pajottegem scheduled for 01/01/2025 06:00");
        assertThat(december.run("status").out()).doesNotContain("scheduled");
        assertThat(ContentDigest.of(jdbc, ContentDigest.ORGANISATIONS)).isEqualTo(before);

        // a rehearsal on a copy: applied, and said on the console, in summary.json and in every page of its reports
        Run rehearsal = december.run("apply", "pajottegem", "--out", "out", "--by", "operator", "--rehearsal");
        assertThat(rehearsal.exitCode()).as(rehearsal.output()).isZero();
        assertThat(rehearsal.out()).contains("REHEARSAL before the effective date 01/01/2025");
        var summary = JsonMapper.builder().build().readTree(Files.readString(workDir.resolve("out/pajottegem/summary.json")));
        assertThat(summary.get("rehearsal").asBoolean()).isTrue();
        assertThat(Files.readString(workDir.resolve("out/pajottegem/apply.html"))).contains("PROEFDRAAI vóór de ingangsdatum 01/01/2025");
        assertThat(Files.readString(workDir.resolve("out/pajottegem/apply.fr.html"))).contains("RÉPÉTITION avant la date");
        assertThat(jdbc.sql("select count(*) from audit where table_name = 'plan' and after ->> 'rehearsal' = 'true'")
                .query(Integer.class).single()).isEqualTo(1);

        // from E on, an apply is an apply (here: nothing left to do, and no rehearsal said)
        Run onTheDay = jar.env("OCMW_NOW", "2025-01-01T06:00").run("apply", "pajottegem", "--out", "out", "--by", "operator");
        assertThat(onTheDay.exitCode()).as(onTheDay.output()).isZero();
        assertThat(onTheDay.out()).doesNotContain("REHEARSAL");
    }
}
