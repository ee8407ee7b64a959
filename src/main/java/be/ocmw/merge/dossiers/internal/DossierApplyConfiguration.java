package be.ocmw.merge.dossiers.internal;

import be.ocmw.merge.batch.Steps;
import be.ocmw.merge.merger.ApplyParameters;
import be.ocmw.merge.merger.ApplySettings;
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
 * The apply's dossier step: one partition per source OCMW with dossiers to close, side by side; each reads its
 * planned dossiers (of job parameter {@code changes}) a chunk at a time and closes and reopens them
 * ({@link DossierWriter}), each chunk one transaction with its checkpoint.
 */
@Configuration(proxyBeanMethods = false)
class DossierApplyConfiguration {

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
        return Steps.partitioned(repository, "applyDossiersStep", dossierPartitioner, closeReopenStep, settings.threads());
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
    DossierWriter plannedDossierWriter(JdbcClient jdbc, @Value("#{jobParameters}") Map<String, Object> job,
                                       @Value("#{stepExecutionContext['kbo']}") String kbo) {
        return new DossierWriter(jdbc, ApplyParameters.of(job), kbo);
    }

    @Bean
    Step closeReopenStep(JobRepository repository, PlatformTransactionManager transactions,
                         JdbcPagingItemReader<Long> plannedDossierReader, DossierWriter plannedDossierWriter,
                         ApplySettings settings) {
        return Steps.chunkStep("closeReopenStep", repository, transactions, settings.chunkSize(), plannedDossierReader,
                plannedDossierWriter, "dossiers closed and reopened");
    }
}
