package be.ocmw.merge.intake;

import be.ocmw.merge.batch.LoadFileReader;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.batch.RejectionRecorder;
import be.ocmw.merge.batch.StagedRows;
import be.ocmw.merge.batch.Steps;
import be.ocmw.merge.intake.internal.AdministratorRowProcessor;
import be.ocmw.merge.intake.internal.ReviewRowProcessor;
import be.ocmw.merge.intake.internal.StagedAdministrator;
import be.ocmw.merge.intake.internal.StagedReview;
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
 * sheet and of its Gebruikers sheet when it has one (checked one by one, the bad ones recorded), then take the
 * submissions in and resolve them.
 */
@Configuration(proxyBeanMethods = false)
class IntakeJobConfiguration {

    @Bean
    Job intakeJob(JobRepository repository, Step submissionFilesStep, Step administratorRowsStep, Step reviewRowsStep,
                  Step submissionResolutionStep) {
        return Steps.sequence("intakeJob", repository, submissionFilesStep, administratorRowsStep, reviewRowsStep,
                submissionResolutionStep);
    }

    @Bean
    Step submissionFilesStep(JobRepository repository, PlatformTransactionManager transactions, LoadFiles files,
                             Registry registry) {
        return Steps.taskletStep("submissionFilesStep", repository, transactions, new SubmissionFilesTasklet(files, registry));
    }

    @Bean
    @StepScope
    LoadFileReader<StagedAdministrator> administratorReader(LoadFiles files, JdbcClient jdbc, LoadedAccounts accounts,
                                       @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstance) {
        return new LoadFileReader<>(files, jobInstance, SubmissionFilesTasklet.KIND, SubmissionFormat.ADMINISTRATORS_SHEET,
                SubmissionFormat.COLUMNS, new AdministratorRowProcessor(file -> accounts.of(kboOf(jdbc, file))));
    }

    /** The OCMW a submission file is of, as its OCMW sheet says. */
    private static String kboOf(JdbcClient jdbc, long file) {
        return jdbc.sql("select kbo from load_file where id = :id").param("id", file).query(String.class).single();
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

    /** The Gebruikers sheet of each workbook that has one (SPEC 4.5), checked against the organisation's accounts as loaded. */
    @Bean
    @StepScope
    LoadFileReader<StagedReview> reviewReader(LoadFiles files, JdbcClient jdbc, Registry registry, LoadedAccounts accounts,
                                              @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstance) {
        return new LoadFileReader<>(files, jobInstance, SubmissionFilesTasklet.KIND, SubmissionFormat.USERS_SHEET,
                SubmissionFormat.REVIEW_COLUMNS, false, new ReviewRowProcessor(file -> {
                    var meta = jdbc.sql("select meta ->> 'merger', kbo from load_file where id = :id").param("id", file)
                            .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).single();
                    boolean merged = registry.current().find(meta[0])
                            .map(m -> m.target().kbo().digits().equals(meta[1])).orElse(false);
                    return new ReviewRowProcessor.Organisation(merged, accounts.of(meta[1]));
                })).furtherSheet();
    }

    @Bean
    JdbcBatchItemWriter<StagedReview> reviewWriter(DataSource dataSource) {
        return new JdbcBatchItemWriterBuilder<StagedReview>()
                .dataSource(dataSource)
                .sql("""
                        insert into staged_review (load_file_id, source_row, domain, username, decision, applications, remark)
                        values (:loadFileId, :sourceRow, :domain, :username, :decision, :applications, :remark)
                        on conflict do nothing""")
                .itemSqlParameterSourceProvider(SimplePropertySqlParameterSource::new)
                .assertUpdates(false)
                .build();
    }

    @Bean
    Step reviewRowsStep(JobRepository repository, PlatformTransactionManager transactions,
                        LoadFileReader<StagedReview> reviewReader, JdbcBatchItemWriter<StagedReview> reviewWriter,
                        RejectionRecorder rejections) {
        return Steps.rowsStep("reviewRowsStep", repository, transactions, reviewReader, reviewWriter, rejections);
    }

    @Bean
    Step submissionResolutionStep(JobRepository repository, PlatformTransactionManager transactions, JdbcClient jdbc,
                                  StagedRows staged, Findings findings, Registry registry) {
        return Steps.taskletStep("submissionResolutionStep", repository, transactions, new SubmissionResolution(jdbc, staged, findings, registry));
    }
}
