package be.ocmw.merge.online.internal;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;

/** The apply's OCMW Online step: the planned requests (of job parameter {@code changes}) linked in one statement. */
@Configuration(proxyBeanMethods = false)
class OnlineApplyConfiguration {

    @Bean
    @StepScope
    OnlineRequestTasklet onlineRequestTasklet(JdbcClient jdbc, @Value("#{jobParameters['changes']}") Long changes,
                                              @Value("#{jobParameters['target']}") String target,
                                              @Value("#{jobParameters['effectiveDate']}") String effectiveDate,
                                              @Value("#{jobParameters['run']}") Long run) {
        return new OnlineRequestTasklet(jdbc, changes, target, LocalDate.parse(effectiveDate), run);
    }

    @Bean
    Step onlineRequestStep(JobRepository repository, PlatformTransactionManager transactions,
                           OnlineRequestTasklet onlineRequestTasklet) {
        return new StepBuilder("onlineRequestStep", repository).tasklet(onlineRequestTasklet, transactions).build();
    }
}
