package be.ocmw.merge.merger.apply;

import be.ocmw.merge.merger.MergerRuns;

import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.MergerRegistry;
import be.ocmw.merge.registry.RegistryLoader;
import be.ocmw.merge.support.ContentDigest;
import be.ocmw.merge.support.Registries;
import be.ocmw.merge.support.SampleDataTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of the apply job one at a time, on a plan of the sample data stored by {@code plan}. */
@SpringBatchTest
class ApplyStepsTests extends SampleDataTest {

    private static final MergerRegistry REGISTRY = RegistryLoader.load(Registries.shipped()).registry();
    private static final AtomicLong TRY = new AtomicLong();

    @Autowired
    JobOperatorTestUtils steps;

    @Autowired
    MergerRuns runs;

    @Autowired
    @Qualifier("applyOrganisationStep")
    Step organisationStep;

    @Autowired
    @Qualifier("applyAccountsStep")
    Step accountsStep;

    @Autowired
    @Qualifier("applyDossiersStep")
    Step dossiersStep;

    @Autowired
    @Qualifier("onlineRequestStep")
    Step onlineRequestStep;

    @Autowired
    @Qualifier("applyCheckStep")
    Step checkStep;

    @TempDir
    Path folder;

    private final Merger pajottegem = REGISTRY.find("pajottegem").orElseThrow();
    private long plan;
    private long run;

    @BeforeEach
    void aStoredPlan() {
        loadSampleData(folder);
        jdbc.sql("delete from plan").update();
        run = run();
        runs.plan(pajottegem, folder.resolve("out"), run);
        plan = jdbc.sql("select id from plan where mode = 'PLAN'").query(Long.class).single();
    }

    @Test
    void theAccountChangesAreWrittenWithTheirAuditRowsAndASecondRunOfTheStepChangesNothing() {
        long creations = jdbc.sql("select count(*) from plan_change where plan_id = :plan and kind = 'CREATE_ACCOUNT'")
                .param("plan", plan).query(Long.class).single();

        assertThat(execute(organisationStep).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Ran accounts = execute(accountsStep);
        String once = ContentDigest.of(jdbc, ContentDigest.ORGANISATIONS);
        Ran again = execute(accountsStep);

        assertThat(accounts.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // one step execution per range of the plan's changes, each its own thread: their writes add up to the plan
        assertThat(accounts.getStepExecutions()).extracting(StepExecution::getStepName)
                .contains("applyAccountsStep").anySatisfy(name -> assertThat(name).startsWith("applyChangesStep:part"));
        assertThat(jdbc.sql("select count(*) from live_account where kbo = :kbo").param("kbo", target())
                .query(Long.class).single()).isEqualTo(creations).isPositive();
        assertThat(jdbc.sql("select count(*) from audit where table_name = 'account' and action = 'INSERT' and run_id = :run")
                .param("run", run).query(Long.class).single()).isEqualTo(creations);
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ContentDigest.of(jdbc, ContentDigest.ORGANISATIONS)).isEqualTo(once);
    }

    @Test
    void theCheckFailsNamingWhatIsNotInPlaceUntilEveryStepBeforeItHasRun() {
        Ran early = execute(checkStep);

        assertThat(early.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(early.getAllFailureExceptions()).singleElement().satisfies(e ->
                assertThat(e.getMessage()).matches("\\d+ planned change\\(s\\) are not in place after the apply"));
        assertThat(status()).isEqualTo("READY");

        for (Step step : new Step[]{organisationStep, accountsStep, dossiersStep, onlineRequestStep}) {
            assertThat(execute(step).getStatus()).as(step.getName()).isEqualTo(BatchStatus.COMPLETED);
        }
        Ran check = execute(checkStep);

        assertThat(check.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(status()).isEqualTo("APPLIED");
    }

    /**
     * Runs one step of the apply of the stored plan, as the apply job would give it its parameters. (It returns the
     * execution wrapped: {@code @SpringBatchTest} takes any method of the test returning a JobExecution for its own.)
     */
    private Ran execute(Step step) {
        JobParameters parameters = new JobParametersBuilder()
                .addString("merger", pajottegem.id())
                .addLong("plan", plan)
                .addLong("attempt", 0L)
                .addLong("changes", plan, false)
                .addLong("run", run, false)
                .addString("targetName", pajottegem.target().name(), false)
                .addString("target", target(), false)
                .addString("closeDate", pajottegem.closeDate().toString(), false)
                .addString("effectiveDate", pajottegem.effectiveDate().toString(), false)
                // each run of a step is a job instance of its own
                .addLong("try", TRY.incrementAndGet())
                .toJobParameters();
        return new Ran(steps.startStep(step, parameters, new ExecutionContext()));
    }

    private record Ran(JobExecution execution) {

        BatchStatus getStatus() {
            return execution.getStatus();
        }

        java.util.Collection<StepExecution> getStepExecutions() {
            return execution.getStepExecutions();
        }

        java.util.List<Throwable> getAllFailureExceptions() {
            return execution.getAllFailureExceptions();
        }
    }

    private String target() {
        return pajottegem.target().kbo().digits();
    }

    private String status() {
        return jdbc.sql("select status from plan where id = :id").param("id", plan).query(String.class).single();
    }
}
