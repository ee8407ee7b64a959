package be.ocmw.merge.cli.internal;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.merger.planning.Planner;
import be.ocmw.merge.registry.Merger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * For {@code make bench}: drift after an apply, as people make it in the old OCMWs: new users, new grants
 * and new running dossiers, each {@code --percent} of what the old OCMWs hold.
 */
@Command(name = "bench-drift", mixinStandardHelpOptions = true,
        description = "Benchmark: add drift to the old OCMWs of an applied merger.")
class BenchDriftCommand extends DatabaseCommand {

    @Override
    protected boolean createsDatabase() {
        return true;
    }

    @Parameters(paramLabel = "MERGER")
    String merger;

    @Option(names = "--percent", defaultValue = "1")
    int percent;

    @Mixin
    RegistryOption registry;

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        Merger m = MergerCommands.merger(context, merger);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        String[] sources = m.disappearing().stream().map(o -> o.kbo().digits()).toArray(String[]::new);
        int users = jdbc.sql("""
                        insert into account (snapshot_id, kbo, domain, username, last_name, first_name, role, insz, status, applications)
                        select snapshot_id, kbo, domain, 'drift' || id, last_name, first_name, 'USER',
                               n || lpad(cast(97 - cast(n as bigint) % 97 as text), 2, '0'), 'ACTIEF', applications
                        from (select a.*, lpad(cast(50 + id % 50 as text), 2, '0') || lpad(cast(1 + (id / 50) % 12 as text), 2, '0')
                                          || lpad(cast(1 + (id / 600) % 28 as text), 2, '0')
                                          || lpad(cast(1 + (id / 16800) % 998 as text), 3, '0') as n
                              from live_account a where kbo = any(:s) and insz is not null and id % (100 / :p) = 1) d""")
                .param("s", sources).param("p", percent).update();
        int grants = jdbc.sql("""
                        update account set applications = array(select distinct x from unnest(applications || '{Handiweb}') x order by x)
                        where id in (select id from live_account where kbo = any(:s) and id % (100 / :p) = 2
                                     and not ('Handiweb' = any(applications)))""")
                .param("s", sources).param("p", percent).update();
        int dossiers = jdbc.sql("""
                        insert into dossier (kbo, reference, type, insz, start_date)
                        select kbo, 'DRIFT-' || id, type, insz, date '2024-06-01' from dossier
                        where kbo = any(:s) and predecessor_id is null and id % (100 / :p) = 3""")
                .param("s", sources).param("p", percent).update();
        out().printf("Drift: %d users, %d grants, %d running dossiers added to the old OCMWs%n", users, grants, dossiers);
        out().flush();
        return ExitCode.DONE;
    }
}
