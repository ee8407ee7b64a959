package be.ocmw.merge.cli;

import be.ocmw.merge.sampledata.SampleData;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.SampleWorkflow;
import be.ocmw.merge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Every change is audited", proven on content: for every load, intake, approval, apply, reload and correction of the
 * sample workflow, the rows of the business tables whose content changed (a digest per row, keyed as the audit trail
 * keys them) are exactly the rows the command's audit entries name, table by table; and a dry run names and changes
 * none.
 */
class EveryChangeAuditedFunctionalTests {

    /**
     * Per audited table: the key the audit trail names its rows by, and a digest of each row's content (without the
     * ids and run numbers a reload gives every row anew).
     */
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("organisation", "select kbo, md5((to_jsonb(t) - 'created_by_run' - 'created_at')::text) from organisation t");
        ROWS.put("organisation_nis", "select kbo, md5(string_agg((to_jsonb(t) - 'recorded_by_run')::text, '|' order by valid_from)) "
                + "from organisation_nis t group by kbo");
        ROWS.put("account", "select kbo || '/' || domain || '/' || username, "
                + "md5((to_jsonb(t) - 'id' - 'snapshot_id' - 'source_row' - 'created_by_run')::text) from live_account t");
        ROWS.put("dossier", "select kbo || '/' || reference, md5((to_jsonb(t) - 'id' - 'created_by_run' - 'updated_by_run')::text) "
                + "from dossier t");
        ROWS.put("online_request", "select kbo || '/' || reference, md5((to_jsonb(t) - 'id')::text) from online_request t");
        ROWS.put("online_request_link", "select r.kbo || '/' || r.reference, md5(string_agg((to_jsonb(l) - 'created_by_run')::text, "
                + "'|' order by l.valid_from)) from online_request_link l join online_request r on r.id = l.request_id "
                + "group by r.kbo, r.reference");
        ROWS.put("submission", "select merger_id || '/' || kbo || '/' || source_file, md5((to_jsonb(t) - 'id' - 'load_file_id' "
                + "- 'intake_run' - 'received_at')::text) from submission t");
        ROWS.put("approval", "select id::text, md5(to_jsonb(t)::text) from approval t");
        ROWS.put("task_check", "select id::text, md5(to_jsonb(t)::text) from task_check t");
    }

    @TempDir
    Path workDir;

    String url;

    @Test
    void theRowsEachCommandChangesAreExactlyTheRowsItsAuditEntriesName() throws Exception {
        url = TestDatabase.freshDatabaseUrl();
        OcmwMergeJar jar = OcmwMergeJar.in(workDir).env("OCMW_DB_URL", url);
        Files.createDirectories(workDir.resolve("jobs"));
        Files.copy(Registries.shipped(), workDir.resolve("jobs/mergers-2025.yml"));
        new SampleData(2025, 1).write(workDir.resolve("sample"));
        Map<String, List<String>> unexplained = new LinkedHashMap<>();
        // the schema, made by a first command that changes no data of these tables (a registry check)
        Run schema = jar.run("mergers", "validate");
        assertThat(schema.exitCode()).as(schema.output()).isZero();
        assertThat(jar.run("load", "online-requests", "sample/online-requests.csv").exitCode()).isZero();

        for (String[] command : new String[][]{
                {"load", "access", "sample/access"}, {"load", "dossiers", "sample/dossiers.csv"},
                {"intake", "sample/submissions"},
                {"plan", "pajottegem", "--out", "out"}}) {
            audited(jar, unexplained, command);
        }
        // the requests loaded again: one read since, one new
        List<String> requests = new ArrayList<>(Files.readAllLines(workDir.resolve("sample/online-requests.csv"), StandardCharsets.UTF_8));
        requests.set(1, requests.get(1).endsWith("true") ? requests.get(1).replaceAll("true$", "false")
                : requests.get(1).replaceAll("false$", "true"));
        requests.add("OO-NEW-1;2024-06-01;0212978247;false");
        Files.write(workDir.resolve("requests-again.csv"), requests, StandardCharsets.UTF_8);
        audited(jar, unexplained, "load", "online-requests", "requests-again.csv");
        String fingerprint = SampleWorkflow.fingerprint(jar.run("plan", "pajottegem", "--out", "out"));
        audited(jar, unexplained, "approve", "pajottegem", "--fingerprint", fingerprint, "--by", "coordinator");
        audited(jar, unexplained, "apply", "pajottegem", "--out", "out", "--by", "operator");
        // scenario 2: the OCMW that stays gets its new NIS code
        String hasselt = SampleWorkflow.fingerprint(jar.run("plan", "hasselt", "--out", "out"));
        audited(jar, unexplained, "approve", "hasselt", "--fingerprint", hasselt, "--by", "coordinator");
        audited(jar, unexplained, "apply", "hasselt", "--out", "out", "--by", "operator");
        // a reload: Galmaarden's domain export with its last user gone and a newcomer
        Path export = workDir.resolve("sample/access/0212978247/Maatschappelijk Welzijn.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
        lines.remove(lines.size() - 1);
        lines.add("Nieuw;Nora;nnieuw;USER;90.01.01-004.30;Actief;Handiweb;nora.nieuw@galmaarden.be;NL");
        Path reload = Files.createDirectories(workDir.resolve("reload/0212978247"));
        Files.write(reload.resolve("Maatschappelijk Welzijn.csv"), lines, StandardCharsets.UTF_8);
        audited(jar, unexplained, "load", "access", "reload");
        // the correction of that drift by the reconciliation
        audited(jar, unexplained, "reconcile", "pajottegem", "--out", "reconcile", "--apply-safe");

        assertThat(unexplained).as("per command: rows changed without an audit entry naming them, and audit entries "
                + "naming a row that did not change").isEmpty();
    }

    /** Runs the command; records every changed row its audit entries do not name, and every entry that names no change. */
    private void audited(OcmwMergeJar jar, Map<String, List<String>> unexplained, String... command) throws Exception {
        Map<String, Map<String, String>> before = digests();
        long lastRun = lastRun();
        Run run = jar.run(command);
        assertThat(run.exitCode()).as(run.output()).isIn(0, 4);
        Map<String, Map<String, String>> after = digests();
        Map<String, Set<String>> named = named(lastRun);

        List<String> problems = new ArrayList<>();
        for (String table : ROWS.keySet()) {
            Set<String> changed = changed(before.get(table), after.get(table));
            Set<String> entries = named.getOrDefault(table, new TreeSet<>());
            if (table.equals("account")) {
                // a domain loaded for the first time is audited as its snapshot: that entry names its accounts
                Set<String> firstLoads = named.getOrDefault("access_snapshot", Set.of());
                changed.removeIf(key -> firstLoads.contains(key.substring(0, key.lastIndexOf('/')))
                        && before.get(table).keySet().stream().noneMatch(k -> k.startsWith(key.substring(0, key.lastIndexOf('/') + 1))));
            }
            for (String key : changed) {
                if (!entries.contains(key)) {
                    problems.add(table + " " + key + " changed, no audit entry");
                }
            }
            for (String key : entries) {
                if (!changed.contains(key)) {
                    problems.add(table + " " + key + " audited, not changed");
                }
            }
        }
        if (!problems.isEmpty()) {
            unexplained.put(String.join(" ", command), problems.subList(0, Math.min(10, problems.size())));
        }
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        before.forEach((key, digest) -> {
            if (!digest.equals(after.get(key))) {
                changed.add(key);
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(changed::add);
        return changed;
    }

    private Map<String, Map<String, String>> digests() throws Exception {
        Map<String, Map<String, String>> digests = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : ROWS.entrySet()) {
                Map<String, String> rows = new TreeMap<>();
                try (ResultSet rs = statement.executeQuery(table.getValue())) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), rs.getString(2));
                    }
                }
                digests.put(table.getKey(), rows);
            }
        }
        return digests;
    }

    /** The (table, row key) pairs the audit entries of the runs after {@code lastRun} name. */
    private Map<String, Set<String>> named(long lastRun) throws Exception {
        Map<String, Set<String>> named = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select table_name, row_key from audit where run_id > " + lastRun)) {
            while (rs.next()) {
                named.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return named;
    }

    private long lastRun() throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select coalesce(max(id), 0) from run")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
