package be.ocmw.merge.intake;

import be.ocmw.merge.batch.LoadFileReader;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.batch.RejectionRecorder;
import be.ocmw.merge.batch.StagedRows;
import be.ocmw.merge.batch.Steps;
import be.ocmw.merge.intake.internal.AdministratorRowProcessor;
import be.ocmw.merge.intake.internal.StagedAdministrator;
import be.ocmw.merge.intake.internal.SubmissionFilesTasklet;
import be.ocmw.merge.intake.internal.SubmissionResolution;
import be.ocmw.merge.finding.Findings;
import be.ocmw.merge.registry.Registry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * {@code intake DIR}: register each workbook and read its OCMW sheet, stage the rows of its Beheerders
 * sheet (checked one by one, the bad ones recorded), then take the submissions in and resolve them.
 */
@Configuration(proxyBeanMethods = false)
class IntakeJobConfiguration {

    @Bean
    Job intakeJob(JobRepository repository, Step submissionFilesStep, Step administratorRowsStep,
                  Step submissionResolutionStep) {
        return Steps.sequence("intakeJob", repository, submissionFilesStep, administratorRowsStep, submissionResolutionStep);
    }

    @Bean
    Step submissionFilesStep(JobRepository repository, PlatformTransactionManager transactions, LoadFiles files,
                             Registry registry) {
        return Steps.taskletStep("submissionFilesStep", repository, transactions, new SubmissionFilesTasklet(files, registry));
    }

    @Bean
    @StepScope
    LoadFileReader<StagedAdministrator> administratorReader(LoadFiles files,
                                       @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstance) {
        return new LoadFileReader<>(files, jobInstance, SubmissionFilesTasklet.KIND, SubmissionFormat.ADMINISTRATORS_SHEET,
                SubmissionFormat.COLUMNS, new AdministratorRowProcessor());
    }

    @Bean
    JdbcBatchItemWriter<StagedAdministrator> administratorWriter(DataSource dataSource) {
        return new JdbcBatchItemWriterBuilder<StagedAdministrator>()
                .dataSource(dataSource)
                .sql("""
                        insert into staged_administrator (load_file_id, source_row, role, domain, insz, last_name, first_name,
                                                          email, language, phone)
                        values (:loadFileId, :sourceRow, :role, :domain, :insz, :lastName, :firstName, :email, :language, :phone)
                        on conflict do nothing""")
                .itemSqlParameterSourceProvider(SimplePropertySqlParameterSource::new)
                .assertUpdates(false)
                .build();
    }

    @Bean
    Step administratorRowsStep(JobRepository repository, PlatformTransactionManager transactions,
                               LoadFileReader<StagedAdministrator> administratorReader,
                               JdbcBatchItemWriter<StagedAdministrator> administratorWriter, RejectionRecorder rejections) {
        return Steps.rowsStep("administratorRowsStep", repository, transactions, administratorReader, administratorWriter,
                rejections);
    }

    @Bean
    Step submissionResolutionStep(JobRepository repository, PlatformTransactionManager transactions, JdbcClient jdbc,
                                  StagedRows staged, Findings findings, Registry registry) {
        return Steps.taskletStep("submissionResolutionStep", repository, transactions, new SubmissionResolution(jdbc, staged, findings, registry));
    }
}
