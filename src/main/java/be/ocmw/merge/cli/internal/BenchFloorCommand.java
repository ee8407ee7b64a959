package be.ocmw.merge.cli.internal;

import be.ocmw.merge.audit.ExitCode;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Ocmw;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * The floor of {@code make bench} for apply: one hand-written set-based SQL transaction doing the same
 * inserts as applying the merger's access plan (organisation, NIS, snapshot, one account per person and
 * domain with the union of applications, an audit row each) into a scratch organisation, then removed (and the
 * tables vacuumed).
 */
@Command(name = "bench-apply-floor", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmark floor: the apply's inserts as one hand-written SQL transaction.")
class BenchFloorCommand extends DatabaseCommand {

    static final String FLOOR_KBO = "0299999917";

    @Parameters(paramLabel = "MERGER")
    String merger;

    @Mixin
    RegistryOption registry;

    @Option(names = "--dossiers", description = "The dossier writes instead (closing, reopening, audit), rolled back.")
    boolean dossiers;

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        Merger m = MergerCommands.merger(registry, merger);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        if (dossiers) {
            return dossierFloor(context, jdbc, m, run);
        }
        String[] sources = m.participants().stream().map(Ocmw::kbo).map(k -> k.digits()).toArray(String[]::new);
        long start = System.nanoTime();
        var transactions = context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
        int inserted = transactions.execute(status -> {
            jdbc.sql("insert into organisation (kbo, name, created_by_run) values (:k, 'floor', :run)")
                    .param("k", FLOOR_KBO).param("run", run).update();
            jdbc.sql("insert into organisation_nis (kbo, nis, valid_from, recorded_by_run) values (:k, '90999', date '2025-01-01', :run)")
                    .param("k", FLOOR_KBO).param("run", run).update();
            jdbc.sql("""
                            insert into access_snapshot (kbo, domain, source_file, content_sha256, status, loaded_by_run)
                            select distinct :k, domain, 'floor', '', 'CURRENT', :run from live_account where kbo = any(:sources)""")
                    .param("k", FLOOR_KBO).param("sources", sources).param("run", run).update();
            int rows = jdbc.sql("""
                            with src as (
                                select a.*, o.ord from live_account a
                                join unnest(cast(:sources as text[])) with ordinality as o(kbo, ord) on o.kbo = a.kbo
                                where a.insz is not null and a.domain <> 'Hoofdtoegangsbeheerders'
                            ), firsts as (
                                select distinct on (domain, insz) domain, insz, username, last_name, first_name, email, language
                                from src order by domain, insz, ord, username
                            ), merged as (
                                select domain, insz, case when bool_or(status = 'ACTIEF') then 'ACTIEF' else 'GEBLOKKEERD' end as status,
                                       array(select distinct x from unnest(array_agg(array_to_string(applications, chr(31)))) y,
                                             unnest(string_to_array(y, chr(31))) x where x <> '' order by x) as applications
                                from src group by domain, insz
                            ), created as (
                                insert into account (snapshot_id, kbo, domain, username, last_name, first_name, role, insz, status,
                                                     email, language, applications, created_by_run)
                                select s.id, :k, f.domain, f.username, f.last_name, f.first_name, 'USER', f.insz, m.status, f.email,
                                       f.language, m.applications, :run
                                from firsts f join merged m using (domain, insz)
                                join access_snapshot s on s.kbo = :k and s.domain = f.domain and s.status = 'CURRENT'
                                returning kbo, domain, username, last_name, first_name, role, insz, status, email, language, applications
                            )
                            insert into audit (run_id, table_name, row_key, action, after)
                            select :run, 'account', kbo || '/' || domain || '/' || username, 'INSERT',
                                   jsonb_build_object('username', username, 'last_name', last_name, 'first_name', first_name,
                                                      'role', role, 'insz', insz, 'status', status, 'email', email,
                                                      'language', language, 'applications', to_jsonb(applications))
                            from created""")
                    .param("k", FLOOR_KBO).param("sources", sources).param("run", run).update();
            return rows;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        out().printf("SQL floor: %d accounts inserted with their audit rows in %.2f s%n", inserted, seconds);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from audit where run_id = :run").param("run", run).update();
            jdbc.sql("delete from account where kbo = :k").param("k", FLOOR_KBO).update();
            jdbc.sql("delete from access_snapshot where kbo = :k").param("k", FLOOR_KBO).update();
            jdbc.sql("delete from organisation_nis where kbo = :k").param("k", FLOOR_KBO).update();
            jdbc.sql("delete from organisation where kbo = :k").param("k", FLOOR_KBO).update();
        });
        // the apply measured after it finds the tables as they were, not with the floor's rows dead in them
        for (String table : List.of("account", "audit", "access_snapshot", "organisation_nis", "organisation")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        out().flush();
        return ExitCode.DONE;
    }

    /**
     * Closes every running dossier of the participants on C and reopens it under the target on E with a link
     * to its predecessor and an audit row for each, as one statement; then rolls it all back (and vacuums),
     * so the apply measured after it finds the dossiers as they were.
     */
    private int dossierFloor(ConfigurableApplicationContext context, JdbcClient jdbc, Merger m, long run) {
        String[] sources = m.participants().stream().map(o -> o.kbo().digits()).toArray(String[]::new);
        var transactions = context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
        long start = System.nanoTime();
        int written = transactions.execute(status -> {
            int rows = jdbc.sql("""
                            with running as (
                                select id, end_date from dossier
                                where kbo = any(:sources) and start_date <= :close and (end_date is null or end_date > :close)
                            ), closed as (
                                update dossier d set end_date = :close, updated_by_run = :run from running r where d.id = r.id
                                returning d.id, d.kbo, d.reference, d.type, d.insz, r.end_date as original_end_date
                            ), reopened as (
                                insert into dossier (kbo, reference, type, insz, start_date, end_date, predecessor_id, created_by_run)
                                select :target, reference || '-' || kbo, type, insz, :effective, original_end_date, id, :run from closed
                            ), closings as (
                                insert into audit (run_id, table_name, row_key, action, before, after)
                                select :run, 'dossier', kbo || '/' || reference, 'UPDATE', jsonb_build_object('end_date', original_end_date),
                                       jsonb_build_object('end_date', cast(:close as date), 'successor', :target || '/' || reference || '-' || kbo)
                                from closed
                            )
                            insert into audit (run_id, table_name, row_key, action, after)
                            select :run, 'dossier', :target || '/' || reference || '-' || kbo, 'INSERT',
                                   jsonb_build_object('kbo', cast(:target as text), 'reference', reference || '-' || kbo, 'type', type,
                                                      'insz', insz, 'start_date', cast(:effective as date),
                                                      'end_date', original_end_date, 'predecessor', kbo || '/' || reference)
                            from closed""")
                    .param("sources", sources).param("close", m.closeDate()).param("effective", m.effectiveDate())
                    .param("target", m.target().kbo().digits()).param("run", run).update();
            status.setRollbackOnly();
            return rows;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        out().printf("SQL floor: %d dossiers closed and reopened with their audit rows in %.2f s (rolled back)%n", written, seconds);
        jdbc.sql("vacuum analyze dossier").update();
        jdbc.sql("vacuum analyze audit").update();
        out().flush();
        return ExitCode.DONE;
    }
}
