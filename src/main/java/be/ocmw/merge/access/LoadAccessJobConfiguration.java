package be.ocmw.merge.access;

import be.ocmw.merge.access.internal.AccessFilesTasklet;
import be.ocmw.merge.registry.Registry;
import be.ocmw.merge.access.internal.AccessMerge;
import be.ocmw.merge.access.internal.AccessRowProcessor;
import be.ocmw.merge.access.internal.AccountRow;
import be.ocmw.merge.batch.CopyWriter;
import be.ocmw.merge.batch.LoadFileReader;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.batch.RejectionRecorder;
import be.ocmw.merge.batch.StagedRows;
import be.ocmw.merge.batch.Steps;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.List;

/**
 * {@code load access DIR}: register every file of the export folder (each gets a LOADING snapshot), write
 * the rows of each straight into its snapshot (checked one by one, the bad ones recorded), then make each
 * completely read file its organisation-domain's current snapshot.
 */
@Configuration(proxyBeanMethods = false)
class LoadAccessJobConfiguration {

    @Bean
    Job loadAccessJob(JobRepository repository, Step accessFilesStep, Step accessRowsStep, Step accessMergeStep) {
        return Steps.sequence("loadAccessJob", repository, accessFilesStep, accessRowsStep, accessMergeStep);
    }

    @Bean
    Step accessFilesStep(JobRepository repository, PlatformTransactionManager transactions, LoadFiles files,
                         JdbcClient jdbc, Registry registry) {
        return Steps.taskletStep("accessFilesStep", repository, transactions, new AccessFilesTasklet(files, jdbc, registry));
    }

    @Bean
    @StepScope
    LoadFileReader<AccountRow> accessReader(LoadFiles files, JdbcClient jdbc,
                                            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstance) {
        // a check of its own per step execution: it remembers the usernames of the file it is in
        return new LoadFileReader<>(files, jobInstance, AccessFilesTasklet.KIND, null, AccessFormat.COLUMNS, false,
                new AccessRowProcessor(jdbc));
    }

    @Bean
    CopyWriter<AccountRow> accessWriter(DataSource dataSource) {
        return new CopyWriter<>(dataSource, "account", List.of("snapshot_id", "kbo", "domain", "source_row", "username",
                "last_name", "first_name", "role", "insz", "status", "email", "language", "applications"),
                a -> new Object[]{a.snapshotId(), a.kbo(), a.domain(), a.sourceRow(), a.username(), a.lastName(),
                        a.firstName(), a.role(), a.insz(), a.status(), a.email(), a.language(), a.applications()});
    }

    @Bean
    Step accessRowsStep(JobRepository repository, PlatformTransactionManager transactions,
                        LoadFileReader<AccountRow> accessReader, CopyWriter<AccountRow> accessWriter,
                        RejectionRecorder rejections) {
        return Steps.rowsStep("accessRowsStep", repository, transactions, accessReader, accessWriter, rejections);
    }

    @Bean
    Step accessMergeStep(JobRepository repository, PlatformTransactionManager transactions, JdbcClient jdbc,
                         LoadFiles files, StagedRows staged, AccessLoadSettings settings) {
        return Steps.taskletStep("accessMergeStep", repository, transactions, new AccessMerge(jdbc, files, staged, settings.maxShrinkPercent()));
    }
}
