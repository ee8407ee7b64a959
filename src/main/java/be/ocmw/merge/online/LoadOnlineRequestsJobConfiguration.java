package be.ocmw.merge.online;

import be.ocmw.merge.batch.CopyWriter;
import be.ocmw.merge.batch.LiveTable;
import be.ocmw.merge.batch.LoadFileReader;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.batch.RejectionRecorder;
import be.ocmw.merge.batch.StagedMerge;
import be.ocmw.merge.batch.StagedRows;
import be.ocmw.merge.batch.Steps;
import be.ocmw.merge.online.internal.OnlineRequestRowProcessor;
import be.ocmw.merge.online.internal.StagedOnlineRequest;
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
 * {@code load online-requests FILE}: register the file, stage its rows (checked one by one, the bad ones
 * recorded), then merge them into the live table in one set-based step. Identified by the file's path and
 * content: the same file again is a completed job (nothing to do), a changed one a new load.
 */
@Configuration(proxyBeanMethods = false)
class LoadOnlineRequestsJobConfiguration {

    static final String KIND = "ONLINE_REQUESTS";

    /** A request is one per (KBO, reference); a load updates when it was submitted and whether it was read. */
    static final LiveTable REQUESTS = new LiveTable("online_request", "staged_online_request", List.of("kbo", "reference"),
            List.of("submitted_on", "read"), null, null);

    @Bean
    Job loadOnlineRequestsJob(JobRepository repository, Step onlineRequestFileStep, Step onlineRequestRowsStep, Step onlineRequestMergeStep) {
        return Steps.sequence("loadOnlineRequestsJob", repository, onlineRequestFileStep, onlineRequestRowsStep, onlineRequestMergeStep);
    }

    @Bean
    Step onlineRequestFileStep(JobRepository repository, PlatformTransactionManager transactions, LoadFiles files) {
        return Steps.fileStep("onlineRequestFileStep", repository, transactions, files, KIND);
    }

    @Bean
    @StepScope
    LoadFileReader<StagedOnlineRequest> onlineRequestReader(LoadFiles files,
                                 @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstance) {
        return new LoadFileReader<>(files, jobInstance, KIND, null, OnlineRequestFormat.COLUMNS,
                new OnlineRequestRowProcessor());
    }

    @Bean
    CopyWriter<StagedOnlineRequest> onlineRequestWriter(DataSource dataSource) {
        return new CopyWriter<>(dataSource, "staged_online_request", List.of("load_file_id", "source_row", "reference",
                "submitted_on", "kbo", "read"),
                r -> new Object[]{r.loadFileId(), r.sourceRow(), r.reference(), r.submittedOn(), r.kbo(), r.read()});
    }

    @Bean
    Step onlineRequestRowsStep(JobRepository repository, PlatformTransactionManager transactions,
                               LoadFileReader<StagedOnlineRequest> onlineRequestReader,
                               CopyWriter<StagedOnlineRequest> onlineRequestWriter, RejectionRecorder rejections) {
        return Steps.rowsStep("onlineRequestRowsStep", repository, transactions, onlineRequestReader, onlineRequestWriter,
                rejections);
    }

    @Bean
    Step onlineRequestMergeStep(JobRepository repository, PlatformTransactionManager transactions, JdbcClient jdbc,
                          StagedRows staged) {
        return Steps.taskletStep("onlineRequestMergeStep", repository, transactions, new StagedMerge(jdbc, staged, REQUESTS,
                new StagedMerge.Duplicates("s.kbo, s.reference", "reference",
                        "'request ' || reference || ' of KBO ' || kbo || ' is already on row ' || first_row"
                                + " || ': a reference is unique per KBO'", "kbo", "", "online.duplicate"), false));
    }
}
