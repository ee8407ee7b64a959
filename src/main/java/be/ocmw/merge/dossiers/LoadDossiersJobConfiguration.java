package be.ocmw.merge.dossiers;

import be.ocmw.merge.batch.CopyWriter;
import be.ocmw.merge.batch.LiveTable;
import be.ocmw.merge.batch.LoadFileReader;
import be.ocmw.merge.batch.LoadFiles;
import be.ocmw.merge.batch.RejectionRecorder;
import be.ocmw.merge.batch.StagedMerge;
import be.ocmw.merge.batch.StagedRows;
import be.ocmw.merge.batch.Steps;
import be.ocmw.merge.dossiers.internal.DossierRowProcessor;
import be.ocmw.merge.dossiers.internal.StagedDossier;
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
 * {@code load dossiers FILE}: register the file, stage its rows (checked one by one, the bad ones
 * recorded), then merge them into the live table in one set-based step. Identified by the file's path and
 * content: the same file again is a completed job (nothing to do), a changed one a new load.
 */
@Configuration(proxyBeanMethods = false)
class LoadDossiersJobConfiguration {

    static final String KIND = "DOSSIERS";

    /** A dossier is one per (KBO, reference); a load updates its type, person and dates. */
    static final LiveTable DOSSIERS = new LiveTable("dossier", "staged_dossier", List.of("kbo", "reference"),
            List.of("type", "insz", "start_date", "end_date"), "created_by_run", "updated_by_run");

    @Bean
    Job loadDossiersJob(JobRepository repository, Step dossierFileStep, Step dossierRowsStep, Step dossierMergeStep) {
        return Steps.sequence("loadDossiersJob", repository, dossierFileStep, dossierRowsStep, dossierMergeStep);
    }

    @Bean
    Step dossierFileStep(JobRepository repository, PlatformTransactionManager transactions, LoadFiles files) {
        return Steps.fileStep("dossierFileStep", repository, transactions, files, KIND);
    }

    @Bean
    @StepScope
    LoadFileReader<StagedDossier> dossierReader(LoadFiles files,
                                                @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstance) {
        return new LoadFileReader<>(files, jobInstance, KIND, null, DossierFormat.COLUMNS, new DossierRowProcessor());
    }

    @Bean
    CopyWriter<StagedDossier> dossierWriter(DataSource dataSource) {
        return new CopyWriter<>(dataSource, "staged_dossier", List.of("load_file_id", "source_row", "kbo", "reference",
                "type", "insz", "start_date", "end_date"),
                d -> new Object[]{d.loadFileId(), d.sourceRow(), d.kbo(), d.reference(), d.type(), d.insz(), d.startDate(),
                        d.endDate()});
    }

    @Bean
    Step dossierRowsStep(JobRepository repository, PlatformTransactionManager transactions,
                         LoadFileReader<StagedDossier> dossierReader, CopyWriter<StagedDossier> dossierWriter,
                         RejectionRecorder rejections) {
        return Steps.rowsStep("dossierRowsStep", repository, transactions, dossierReader, dossierWriter, rejections);
    }

    @Bean
    Step dossierMergeStep(JobRepository repository, PlatformTransactionManager transactions, JdbcClient jdbc,
                          StagedRows staged) {
        return Steps.taskletStep("dossierMergeStep", repository, transactions, new StagedMerge(jdbc, staged, DOSSIERS,
                new StagedMerge.Duplicates("s.kbo, s.reference", "reference",
                        "'dossier ' || reference || ' of KBO ' || kbo || ' is already on row ' || first_row"
                                + " || case when first_file <> file_name then ' of ' || first_file else '' end"
                                + " || ': a reference is unique per KBO'",
                        "kbo", "", "dossier.duplicate"), true));
    }
}
