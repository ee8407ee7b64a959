package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.SampleWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention on the sample data: a merger applied long enough ago keeps its counts and chain, not its people's data. */
class PurgeFunctionalTests {

    private static final String REPLACED = "select count(*) from account a join access_snapshot s on s.id = a.snapshot_id "
            + "where s.status = 'REPLACED'";
    private static final List<String> PAJOTTEGEM = List.of("1002209443", "0212978247", "0212600838", "0212281728");

    @TempDir
    Path workDir;

    String url;

    @Test
    void aDryRunListsThePurgeRemovesEveryCopyOutsideTheLiveDataAndTheChainStillVerifies() throws Exception {
        OcmwMergeJar jar = applied();
        List<String> people = strings("""
                select distinct insz from account where kbo = any('{%1$s}') and insz is not null
                union select distinct insz from dossier where kbo = any('{%1$s}')
                union select distinct a.insz from submission_administrator a join submission s on s.id = a.submission_id
                      where s.merger_id = 'pajottegem'""".formatted(String.join(",", PAJOTTEGEM)));
        assertThat(people).hasSizeGreaterThan(50);
        assertThat(outsideTheLiveData(people)).as("before the purge").isNotEmpty();
        // the purge reads its day in Belgian time, as every day of the engine: tomorrow there, whatever the machine's zone
        String tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).plusDays(1).toString();
        List<String> replacedBefore = strings(REPLACED);
        assertThat(Long.parseLong(replacedBefore.get(0))).isPositive();

        Run withoutDryRun = jar.run("audit", "purge-personal-data", "--applied-before", tomorrow, "--execute");
        String before = digest();
        Run dryRun = jar.run("audit", "purge-personal-data", "--applied-before", tomorrow);
        String afterDryRun = digest();
        Run purge = jar.run("audit", "purge-personal-data", "--applied-before", tomorrow, "--execute");
        Run verify = jar.run("audit", "verify");
        Run status = jar.run("status");

        assertThat(withoutDryRun.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(withoutDryRun.err()).contains("--execute comes after a dry run");
        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.out()).contains("Would purge").contains("pajottegem (applied").contains("account")
                .contains("plan_change").contains("audit").contains("submission_administrator").contains("Dry run: nothing was changed")
                .doesNotContain("hasselt");
        assertThat(afterDryRun).as("the dry run changed nothing").isEqualTo(before);
        assertThat(purge.exitCode()).as(purge.output()).isZero();
        assertThat(purge.out()).contains("Purged").contains("still matches its hash chains");
        assertThat(outsideTheLiveData(people)).as("national numbers of pajottegem's people left after the purge").isEmpty();
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(status.out()).containsPattern("pajottegem +(APPLIED|DRIFT)");
        // the counts stay: every account of the replaced snapshots is still there
        assertThat(strings(REPLACED)).isEqualTo(replacedBefore);
        Run again = jar.run("audit", "purge-personal-data", "--applied-before", tomorrow);
        assertThat(again.out()).doesNotContainPattern("account +\\d+");
    }

    /** The sample as make run leaves pajottegem (applied, reconciled), and one of its domains loaded again, one row short. */
    private OcmwMergeJar applied() throws Exception {
        url = SampleWorkflow.loadedCopy(workDir);
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        SampleWorkflow.applied(jar, "pajottegem");
        assertThat(jar.run("reconcile", "--out", "reconcile").exitCode()).isLessThanOrEqualTo(ExitCode.BLOCKED);
        // Herne's portal export again, its last user gone: the snapshot before is kept, replaced
        Path file = workDir.resolve("sample/access/0212281728/Maatschappelijk Welzijn.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        Path again = Files.createDirectories(workDir.resolve("again/0212281728"));
        Files.write(again.resolve("Maatschappelijk Welzijn.csv"), lines.subList(0, lines.size() - 1), StandardCharsets.ISO_8859_1);
        Run reload = jar.run("load", "access", "again", "--allow-shrink");
        assertThat(reload.exitCode()).as(reload.output()).isZero();
        // a look-up by INSZ, and a run log and a comment written before command lines and comments were kept masked
        Run explain = jar.run("explain", "pajottegem", "--insz", "81.02.16-678.72", "--reason", "ticket about 81021667872");
        assertThat(explain.exitCode()).as(explain.output()).isZero();
        strings("insert into run (command, arguments, actor) values ('explain', 'pajottegem --insz 81.02.16-678.72', "
                + "'helpdesk') returning id");
        strings("update approval set comment = 'besproken met 81021667872' where merger_id = 'pajottegem' returning id");
        return jar;
    }

    /** Per table, the rows that still name one of {@code people} by INSZ, except the live accounts and the dossiers. */
    private Map<String, Long> outsideTheLiveData(List<String> people) throws Exception {
        String pattern = String.join("|", people.stream().map(insz -> insz.substring(0, 2) + "[. ]?" + insz.substring(2, 4)
                + "[. ]?" + insz.substring(4, 6) + "[- ]?" + insz.substring(6, 9) + "[. ]?" + insz.substring(9)).toList());
        Map<String, Long> found = new LinkedHashMap<>();
        for (String table : strings("select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE' order by table_name")) {
            String rows = switch (table) {
                case "dossier" -> null;
                case "account" -> "select count(*) from account t join access_snapshot s on s.id = t.snapshot_id "
                        + "where s.status <> 'CURRENT' and t::text ~ '" + pattern + "'";
                default -> "select count(*) from " + table + " t where t::text ~ '" + pattern + "'";
            };
            if (rows != null) {
                long count = Long.parseLong(strings(rows).get(0));
                if (count > 0) {
                    found.put(table, count);
                }
            }
        }
        return found;
    }

    private String digest() throws Exception {
        // everything but the run log and the job repository, which the dry run's own run writes to
        StringBuilder all = new StringBuilder();
        for (String table : List.of("account", "access_snapshot", "audit", "chain_seal", "plan_change", "finding",
                "submission_administrator", "staged_dossier", "staged_administrator", "rejected_row", "drift", "dossier")) {
            all.append(table).append(strings("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "
                    + table + " t"));
        }
        return all.toString();
    }

    private List<String> strings(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
