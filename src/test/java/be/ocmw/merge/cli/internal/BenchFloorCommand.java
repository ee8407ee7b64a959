package be.ocmw.merge.cli.internal;

import be.ocmw.merge.merger.ApplyParameters;
import be.ocmw.merge.access.internal.ApplyWriter;
import be.ocmw.merge.access.internal.OrganisationTasklet;
import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.dossiers.internal.DossierWriter;
import be.ocmw.merge.merger.model.ChangeKind;
import be.ocmw.merge.registry.Merger;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * The floor of {@code make bench} for apply: the apply's own statements ({@link OrganisationTasklet} and
 * {@link ApplyWriter} for the access, {@link DossierWriter} for the dossiers) on the latest stored plan of the merger,
 * each over all of its rows at once, in one transaction without Spring Batch, then rolled back (and the tables
 * vacuumed) so the apply measured after it finds everything as it was. The apply against it is what chunks, threads,
 * checkpoints and the check step cost; being the apply's own SQL, the floor cannot drift from it.
 */
@Command(name = "bench-apply-floor", mixinStandardHelpOptions = true,
        description = "Benchmark floor: the apply's own statements over the latest stored plan at once, rolled back.")
class BenchFloorCommand extends DatabaseCommand {

    @Override
    protected boolean createsDatabase() {
        return true;
    }

    @Parameters(paramLabel = "MERGER")
    String merger;

    @Mixin
    RegistryOption registry;

    @Option(names = "--dossiers", description = "The dossier writes instead of the access writes.")
    boolean dossiers;

    @Override
    protected int execute(ConfigurableApplicationContext context, long run) {
        Merger m = MergerCommands.merger(context, merger);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Long plan = jdbc.sql("select max(coalesce(changes_of, id)) from plan where merger_id = :m and mode = 'PLAN'")
                .param("m", m.id()).query(Long.class).optional().orElse(null);
        if (plan == null) {
            throw new be.ocmw.merge.cli.UsageException("no stored plan of " + m.id() + ": run plan first");
        }
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        long start = System.nanoTime();
        int written = transactions.execute(status -> {
            int rows = dossiers ? dossiers(jdbc, m, plan, run) : access(jdbc, m, plan, run);
            status.setRollbackOnly();
            return rows;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        out().printf("SQL floor: %d %s written by the apply's own statements at once in %.2f s (rolled back)%n", written,
                dossiers ? "dossiers closed and reopened" : "account changes", seconds);
        for (String table : dossiers ? List.of("dossier", "audit") : List.of("account", "audit", "access_snapshot",
                "organisation_nis", "organisation")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        out().flush();
        return ExitCode.DONE;
    }

    private static int access(JdbcClient jdbc, Merger m, long plan, long run) {
        new OrganisationTasklet(jdbc, applyOf(m, plan, run)).execute(null, null);
        List<ApplyWriter.Change> changes = jdbc.sql("""
                        select plan_id, seq, kind from plan_change
                        where plan_id = :plan and kind in ('CREATE_ACCOUNT', 'UPDATE_ACCOUNT') order by seq""")
                .param("plan", plan)
                .query((rs, n) -> new ApplyWriter.Change(rs.getLong(1), rs.getInt(2), ChangeKind.valueOf(rs.getString(3))))
                .list();
        if (!changes.isEmpty()) {
            new ApplyWriter(jdbc, run).write(new Chunk<>(changes));
        }
        return changes.size();
    }

    private static int dossiers(JdbcClient jdbc, Merger m, long plan, long run) {
        int written = 0;
        for (String kbo : jdbc.sql("select distinct source_kbo from plan_dossier where plan_id = :plan order by 1")
                .param("plan", plan).query(String.class).list()) {
            List<Long> ids = jdbc.sql("select dossier_id from plan_dossier where plan_id = :plan and source_kbo = :kbo order by 1")
                    .param("plan", plan).param("kbo", kbo).query(Long.class).list();
            new DossierWriter(jdbc, applyOf(m, plan, run), kbo).write(new Chunk<>(ids));
            written += ids.size();
        }
        return written;
    }

    private static ApplyParameters applyOf(Merger m, long plan, long run) {
        return new ApplyParameters(m.id(), plan, run, m.target().kbo().digits(), m.target().name(), m.closeDate(),
                m.effectiveDate());
    }
}
