package be.ocmw.merge.merger.apply;

import be.ocmw.merge.merger.model.MergerPart;
import be.ocmw.merge.merger.store.PlanStore;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code apply}: the steps of every part of the merger in the parts' order (access: the organisation, then the
 * accounts in parallel ranges; dossiers: a partition per source OCMW; OCMW Online: the links), each on the stored
 * rows of job parameter {@code changes} (the plan's own, or those of the approved plan it shares), then the check
 * that every planned change is in place. A killed apply restarts where it stopped. (The plan itself is computed in
 * one go by {@link be.ocmw.merge.merger.MergerRuns}: it changes nothing.)
 */
@Configuration(proxyBeanMethods = false)
class MergerJobsConfiguration {

    @Bean
    Job applyJob(JobRepository repository, List<MergerPart> parts, Step applyCheckStep) {
        List<Step> steps = MergerPart.inOrder(parts).stream().flatMap(part -> part.applySteps().stream()).toList();
        SimpleJobBuilder job = new JobBuilder("applyJob", repository).start(steps.get(0));
        steps.subList(1, steps.size()).forEach(job::next);
        return job.next(applyCheckStep).build();
    }

    /** Fails, naming how many, when a planned change of any part is not in place; else the plan is APPLIED. */
    @Bean
    Step applyCheckStep(JobRepository repository, PlatformTransactionManager transactions, List<MergerPart> parts,
                        PlanStore plans) {
        return new StepBuilder("applyCheckStep", repository)
                .tasklet((contribution, context) -> {
                    var parameters = context.getStepContext().getStepExecution().getJobParameters();
                    long rows = parameters.getLong("changes");
                    String target = parameters.getString("target");
                    LocalDate close = LocalDate.parse(parameters.getString("closeDate"));
                    long missing = parts.stream().mapToLong(part -> part.missing(rows, target, close)).sum();
                    if (missing > 0) {
                        throw new IllegalStateException(missing + " planned change(s) are not in place after the apply");
                    }
                    plans.markApplied(parameters.getLong("plan"));
                    return RepeatStatus.FINISHED;
                }, transactions)
                .build();
    }
}
