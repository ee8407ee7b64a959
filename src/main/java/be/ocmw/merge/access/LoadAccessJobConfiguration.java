package be.ocmw.merge.access;

import be.ocmw.merge.access.internal.AccessFilesTasklet;
import be.ocmw.merge.access.internal.AccessMerge;
import be.ocmw.merge.access.internal.AccessRowProcessor;
import be.ocmw.merge.access.internal.StagedAccount;
import be.ocmw.merge.batch.LoadFileReader;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.batch.RejectionRecorder;
import be.ocmw.merge.batch.StagedRows;
import be.ocmw.merge.batch.Steps;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * {@code load access DIR}: register every file of the export folder, stage the rows of each (checked one by
 * one, the bad ones recorded), then make each file its organisation-domain's new snapshot.
 */
@Configuration(proxyBeanMethods = false)
class LoadAccessJobConfiguration {

    @Bean
    Job loadAccessJob(JobRepository repository, Step accessFilesStep, Step accessRowsStep, Step accessMergeStep) {
        return new JobBuilder("loadAccessJob", repository)
                .start(accessFilesStep)
                .next(accessRowsStep)
                .next(accessMergeStep)
                .build();
    }

    @Bean
    Step accessFilesStep(JobRepository repository, PlatformTransactionManager transactions, LoadFiles files) {
        return new StepBuilder("accessFilesStep", repository)
                .tasklet(new AccessFilesTasklet(files), transactions)
                .build();
    }

    @Bean
    @StepScope
    LoadFileReader accessReader(LoadFiles files,
                                @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstance) {
        return new LoadFileReader(files, jobInstance, AccessFilesTasklet.KIND, null, AccessFormat.COLUMNS);
    }

    @Bean
    JdbcBatchItemWriter<StagedAccount> accessWriter(DataSource dataSource) {
        return new JdbcBatchItemWriterBuilder<StagedAccount>()
                .dataSource(dataSource)
                .sql("""
                        insert into staged_account (load_file_id, source_row, username, last_name, first_name, role, insz,
                                                    status, email, language, applications)
                        values (:loadFileId, :sourceRow, :username, :lastName, :firstName, :role, :insz, :status, :email,
                                :language, :applications)
                        on conflict do nothing""")
                .itemSqlParameterSourceProvider(account -> new MapSqlParameterSource()
                        .addValue("loadFileId", account.loadFileId())
                        .addValue("sourceRow", account.sourceRow())
                        .addValue("username", account.username())
                        .addValue("lastName", account.lastName())
                        .addValue("firstName", account.firstName())
                        .addValue("role", account.role())
                        .addValue("insz", account.insz())
                        .addValue("status", account.status())
                        .addValue("email", account.email())
                        .addValue("language", account.language())
                        .addValue("applications", new TextArray(account.applications())))
                .assertUpdates(false)
                .build();
    }

    @Bean
    Step accessRowsStep(JobRepository repository, PlatformTransactionManager transactions, LoadFileReader accessReader,
                        JdbcBatchItemWriter<StagedAccount> accessWriter, RejectionRecorder rejections) {
        return Steps.rowsStep("accessRowsStep", repository, transactions, accessReader, new AccessRowProcessor(),
                accessWriter, rejections);
    }

    @Bean
    Step accessMergeStep(JobRepository repository, PlatformTransactionManager transactions, JdbcClient jdbc,
                         StagedRows staged, LoadFiles files) {
        return new StepBuilder("accessMergeStep", repository)
                .tasklet(new AccessMerge(jdbc, staged, files), transactions)
                .build();
    }
}
