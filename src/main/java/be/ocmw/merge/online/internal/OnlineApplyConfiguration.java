package be.ocmw.merge.online.internal;

import be.ocmw.merge.batch.Steps;
import be.ocmw.merge.merger.ApplyParameters;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Map;

/** The apply's OCMW Online step: the planned requests (of job parameter {@code changes}) linked in one statement. */
@Configuration(proxyBeanMethods = false)
class OnlineApplyConfiguration {

    @Bean
    @StepScope
    OnlineRequestTasklet onlineRequestTasklet(JdbcClient jdbc, @Value("#{jobParameters}") Map<String, Object> job) {
        return new OnlineRequestTasklet(jdbc, ApplyParameters.of(job));
    }

    @Bean
    Step onlineRequestStep(JobRepository repository, PlatformTransactionManager transactions,
                           OnlineRequestTasklet onlineRequestTasklet) {
        return Steps.taskletStep("onlineRequestStep", repository, transactions, onlineRequestTasklet);
    }
}
