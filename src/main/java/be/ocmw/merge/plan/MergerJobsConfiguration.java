package be.ocmw.merge.plan;

import be.ocmw.merge.batch.Progress;
import be.ocmw.merge.plan.internal.ApplyWriter;
import be.ocmw.merge.plan.internal.ApplyWriter.Change;
import be.ocmw.merge.plan.internal.DossierWriter;
import be.ocmw.merge.plan.internal.OnlineRequestTasklet;
import be.ocmw.merge.plan.internal.OrganisationTasklet;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code apply}: the stored plan's organisation changes first (the rows of job parameter {@code changes}: the plan's
 * own, or those of the approved plan it shares); then its account changes, split in consecutive
 * ranges applied in parallel threads, each a chunk at a time, each chunk one transaction with its progress
 * (the partition's checkpoint); then its dossiers, one partition per source OCMW, closed and reopened the
 * same way; then its OCMW Online links; then the check that every planned change is in place. A killed apply
 * restarts every range at its first chunk that was not committed. (The plan itself is computed in one go by {@link MergerRuns}: it changes nothing.)
 */
@Configuration(proxyBeanMethods = false)
class MergerJobsConfiguration {

    static final String ACCOUNT_KINDS = "kind in ('CREATE_ACCOUNT', 'UPDATE_ACCOUNT')";

    @Bean
    Job applyJob(JobRepository repository, Step applyOrganisationStep, Step applyAccountsStep, Step applyDossiersStep,
                 Step onlineRequestStep, Step applyCheckStep) {
        return new JobBuilder("applyJob", repository)
                .start(applyOrganisationStep).next(applyAccountsStep).next(applyDossiersStep).next(onlineRequestStep)
                .next(applyCheckStep).build();
    }

    /** One partition per source OCMW with dossiers to close: they run side by side. */
    @Bean
    @StepScope
    Partitioner dossierPartitioner(JdbcClient jdbc, @Value("#{jobParameters['changes']}") Long changes) {
        return grid -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            jdbc.sql("select distinct source_kbo from plan_dossier where plan_id = :plan order by 1").param("plan", changes)
                    .query(String.class).list()
                    .forEach(kbo -> partitions.put("KBO " + kbo, new ExecutionContext(Map.of("kbo", kbo))));
            return partitions;
        };
    }

    @Bean
    Step applyDossiersStep(JobRepository repository, Partitioner dossierPartitioner, Step closeReopenStep,
                           ApplySettings settings) {
        return partitioned(repository, "applyDossiersStep", dossierPartitioner, closeReopenStep, settings.threads());
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<Long> plannedDossierReader(DataSource dataSource, @Value("#{jobParameters['changes']}") Long changes,
                                             @Value("#{stepExecutionContext['kbo']}") String kbo,
                                             ApplySettings settings) throws Exception {
        return new JdbcPagingItemReaderBuilder<Long>()
                .name("plannedDossierReader")
                .dataSource(dataSource)
                .selectClause("select dossier_id")
                .fromClause("from plan_dossier")
                .whereClause("where plan_id = :plan and source_kbo = :kbo")
                .parameterValues(Map.of("plan", changes, "kbo", kbo))
                .sortKeys(Map.of("dossier_id", Order.ASCENDING))
                .pageSize(settings.chunkSize())
                .rowMapper((rs, n) -> rs.getLong(1))
                .build();
    }

    @Bean
    @StepScope
    DossierWriter plannedDossierWriter(JdbcClient jdbc, @Value("#{jobParameters['changes']}") Long changes,
                                @Value("#{stepExecutionContext['kbo']}") String kbo,
                                @Value("#{jobParameters['target']}") String target,
                                @Value("#{jobParameters['closeDate']}") String closeDate,
                                @Value("#{jobParameters['effectiveDate']}") String effectiveDate,
                                @Value("#{jobParameters['run']}") Long run) {
        return new DossierWriter(jdbc, changes, kbo, target, LocalDate.parse(closeDate), LocalDate.parse(effectiveDate), run);
    }

    @Bean
    Step closeReopenStep(JobRepository repository, PlatformTransactionManager transactions,
                         JdbcPagingItemReader<Long> plannedDossierReader, DossierWriter plannedDossierWriter,
                         ApplySettings settings) {
        return new StepBuilder("closeReopenStep", repository).<Long, Long>chunk(settings.chunkSize())
                .transactionManager(transactions)
                .reader(plannedDossierReader)
                .writer(plannedDossierWriter)
                .listener(new Progress("dossiers closed and reopened"))
                .build();
    }

    @Bean
    @StepScope
    OnlineRequestTasklet onlineRequestTasklet(JdbcClient jdbc, @Value("#{jobParameters['changes']}") Long changes,
                                              @Value("#{jobParameters['target']}") String target,
                                              @Value("#{jobParameters['effectiveDate']}") String effectiveDate,
                                              @Value("#{jobParameters['run']}") Long run) {
        return new OnlineRequestTasklet(jdbc, changes, target, LocalDate.parse(effectiveDate), run);
    }

    @Bean
    Step onlineRequestStep(JobRepository repository, PlatformTransactionManager transactions,
                           OnlineRequestTasklet onlineRequestTasklet) {
        return new StepBuilder("onlineRequestStep", repository).tasklet(onlineRequestTasklet, transactions).build();
    }

    @Bean
    @StepScope
    OrganisationTasklet organisationTasklet(JdbcClient jdbc, @Value("#{jobParameters['changes']}") Long changes,
                                            @Value("#{jobParameters['run']}") Long run,
                                            @Value("#{jobParameters['merger']}") String merger,
                                            @Value("#{jobParameters['targetName']}") String targetName) {
        return new OrganisationTasklet(jdbc, changes, run, merger, targetName);
    }

    @Bean
    Step applyOrganisationStep(JobRepository repository, PlatformTransactionManager transactions,
                               OrganisationTasklet organisationTasklet) {
        return new StepBuilder("applyOrganisationStep", repository).tasklet(organisationTasklet, transactions).build();
    }

    /**
     * The plan's changes in as many consecutive ranges of their numbers as there are threads (the reader takes the
     * account changes of its range; the numbers are dense, so the ranges are about equal).
     */
    @Bean
    @StepScope
    Partitioner accountChangesPartitioner(JdbcClient jdbc, @Value("#{jobParameters['changes']}") Long changes) {
        return grid -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            jdbc.sql("select min(seq), max(seq) from plan_change where plan_id = :plan").param("plan", changes)
                    .query(rs -> {
                        int first = rs.getInt(1);
                        int last = rs.getInt(2);
                        int size = Math.max(1, (last - first + grid) / grid);
                        for (int from = first; !rs.wasNull() && from <= last; from += size) {
                            ExecutionContext range = new ExecutionContext();
                            range.putInt("from", from);
                            range.putInt("to", Math.min(last, from + size - 1));
                            partitions.put("part " + (partitions.size() + 1), range);
                        }
                    });
            return partitions;
        };
    }

    @Bean
    Step applyAccountsStep(JobRepository repository, Partitioner accountChangesPartitioner, Step applyChangesStep,
                           ApplySettings settings) {
        return partitioned(repository, "applyAccountsStep", accountChangesPartitioner, applyChangesStep, settings.threads());
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<Change> planChangeReader(DataSource dataSource,
                                                  @Value("#{jobParameters['changes']}") Long changes,
                                                  @Value("#{stepExecutionContext['from']}") Integer from,
                                                  @Value("#{stepExecutionContext['to']}") Integer to,
                                                  ApplySettings settings) throws Exception {
        return new JdbcPagingItemReaderBuilder<Change>()
                .name("planChangeReader")
                .dataSource(dataSource)
                .selectClause("select plan_id, seq, kind")
                .fromClause("from plan_change")
                .whereClause("where plan_id = :plan and seq between :from and :to and " + ACCOUNT_KINDS)
                .parameterValues(Map.of("plan", changes, "from", from, "to", to))
                .sortKeys(Map.of("seq", Order.ASCENDING))
                .pageSize(settings.chunkSize())
                .rowMapper((rs, n) -> new Change(rs.getLong("plan_id"), rs.getInt("seq"), rs.getString("kind")))
                .build();
    }

    @Bean
    @StepScope
    ApplyWriter applyWriter(JdbcClient jdbc, @Value("#{jobParameters['run']}") Long run) {
        return new ApplyWriter(jdbc, run);
    }

    @Bean
    Step applyChangesStep(JobRepository repository, PlatformTransactionManager transactions,
                          JdbcPagingItemReader<Change> planChangeReader, ApplyWriter applyWriter,
                          ApplySettings settings) {
        return new StepBuilder("applyChangesStep", repository).<Change, Change>chunk(settings.chunkSize())
                .transactionManager(transactions)
                .reader(planChangeReader)
                .writer(applyWriter)
                .listener(new Progress("changes applied"))
                .build();
    }

    /** A step whose partitions run the worker step side by side, at most {@code threads} at a time. */
    private static Step partitioned(JobRepository repository, String name, Partitioner partitioner, Step worker, int threads) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(worker.getName() + "-");
        executor.setConcurrencyLimit(threads);
        return new StepBuilder(name, repository)
                .partitioner(worker.getName(), partitioner)
                .step(worker)
                .gridSize(threads)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step applyCheckStep(JobRepository repository, PlatformTransactionManager transactions, JdbcClient jdbc) {
        return new StepBuilder("applyCheckStep", repository)
                .tasklet((contribution, context) -> {
                    var parameters = context.getStepContext().getStepExecution().getJobParameters();
                    long changes = parameters.getLong("changes");
                    // a set difference, hashed whatever the statistics say (a plan just stored has none yet); an account
                    // planned for another organisation than the target counts as missing, it is not expected
                    long missing = jdbc.sql("""
                                    select count(*) from (
                                        select target_kbo, domain, detail ->> 'username' from plan_change
                                        where plan_id = :plan and kind = 'CREATE_ACCOUNT'
                                        except
                                        select kbo, domain, username from live_account where kbo = :target) missing""")
                            .param("plan", changes).param("target", parameters.getString("target")).query(Long.class).single();
                    missing += jdbc.sql("""
                                    select count(*) from plan_change c
                                    left join live_account a on a.kbo = c.target_kbo and a.domain = c.domain
                                                             and a.username = c.detail ->> 'username'
                                    where c.plan_id = :plan and c.kind = 'UPDATE_ACCOUNT'
                                      and (a.id is null
                                           or not a.applications @> coalesce(array(select jsonb_array_elements_text(c.detail -> 'add_applications')), '{}')
                                           or a.status is distinct from coalesce(c.detail ->> 'status', a.status)
                                           or a.role is distinct from coalesce(c.detail ->> 'role', a.role))""")
                            .param("plan", changes).query(Long.class).single();
                    missing += jdbc.sql("""
                                    select count(*) from plan_change c
                                    where c.plan_id = :plan and c.kind in ('CREATE_ORGANISATION', 'SET_NIS')
                                      and not exists (select 1 from organisation_nis n where n.kbo = c.target_kbo
                                                      and n.nis = c.detail ->> 'nis'
                                                      and n.valid_from = cast(c.detail ->> 'valid_from' as date))""")
                            .param("plan", changes).query(Long.class).single();
                    missing += jdbc.sql("""
                                    select count(*) from plan_dossier p join dossier d on d.id = p.dossier_id
                                    where p.plan_id = :plan
                                      and (d.end_date is distinct from cast(:close as date)
                                           or (p.successor_reference is not null and not exists (
                                                   select 1 from dossier s where s.predecessor_id = p.dossier_id
                                                   and s.kbo = :target and s.reference = p.successor_reference)))""")
                            .param("plan", changes).param("close", LocalDate.parse(parameters.getString("closeDate")))
                            .param("target", parameters.getString("target")).query(Long.class).single();
                    missing += jdbc.sql("""
                                    select count(*) from plan_online_request p
                                    where p.plan_id = :plan and not exists (select 1 from online_request_link l
                                                                            where l.request_id = p.request_id and l.kbo = :target)""")
                            .param("plan", changes).param("target", parameters.getString("target")).query(Long.class).single();
                    if (missing > 0) {
                        throw new IllegalStateException(missing + " planned change(s) are not in place after the apply");
                    }
                    jdbc.sql("update plan set status = 'APPLIED' where id = :plan").param("plan", parameters.getLong("plan")).update();
                    return RepeatStatus.FINISHED;
                }, transactions)
                .build();
    }
}
