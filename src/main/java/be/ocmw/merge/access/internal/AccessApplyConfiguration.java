package be.ocmw.merge.access.internal;

import be.ocmw.merge.access.internal.ApplyWriter.Change;
import be.ocmw.merge.batch.Steps;
import be.ocmw.merge.merger.ApplyParameters;
import be.ocmw.merge.merger.ApplySettings;
import be.ocmw.merge.merger.model.ChangeKind;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The apply's access steps, on the stored changes of job parameter {@code changes} (the plan's own, or those of the
 * approved plan it shares): the organisation changes first ({@link OrganisationTasklet}); then the account changes,
 * split in consecutive ranges applied in parallel threads, each a chunk at a time, each chunk one transaction with
 * its checkpoint ({@link ApplyWriter}); then what the plan takes away ({@link CorrectionsTasklet}). A killed apply
 * restarts every range at its first chunk not committed.
 */
@Configuration(proxyBeanMethods = false)
class AccessApplyConfiguration {

    static final String ACCOUNT_KINDS = "kind in ('CREATE_ACCOUNT', 'UPDATE_ACCOUNT')";

    @Bean
    @StepScope
    OrganisationTasklet organisationTasklet(JdbcClient jdbc, @Value("#{jobParameters}") Map<String, Object> job) {
        return new OrganisationTasklet(jdbc, ApplyParameters.of(job));
    }

    @Bean
    Step applyOrganisationStep(JobRepository repository, PlatformTransactionManager transactions,
                               OrganisationTasklet organisationTasklet) {
        return Steps.taskletStep("applyOrganisationStep", repository, transactions, organisationTasklet);
    }

    @Bean
    @StepScope
    CorrectionsTasklet correctionsTasklet(JdbcClient jdbc, @Value("#{jobParameters}") Map<String, Object> job) {
        return new CorrectionsTasklet(jdbc, ApplyParameters.of(job));
    }

    /** What the plan takes away (SPEC 5.7), after the additions: one transaction, idempotent. */
    @Bean
    Step applyCorrectionsStep(JobRepository repository, PlatformTransactionManager transactions,
                              CorrectionsTasklet correctionsTasklet) {
        return Steps.taskletStep("applyCorrectionsStep", repository, transactions, correctionsTasklet);
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
        return Steps.partitioned(repository, "applyAccountsStep", accountChangesPartitioner, applyChangesStep, settings.threads());
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
                .rowMapper((rs, n) -> new Change(rs.getLong("plan_id"), rs.getInt("seq"), ChangeKind.valueOf(rs.getString("kind"))))
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
        return Steps.chunkStep("applyChangesStep", repository, transactions, settings.chunkSize(), planChangeReader,
                applyWriter, "changes applied");
    }
}
