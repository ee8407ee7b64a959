package be.ocmw.merge.scheduling;

import org.quartz.CronTrigger;
import be.ocmw.merge.notify.NotifySettings;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.SimpleTrigger;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.quartz.spi.TriggerFiredBundle;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.CronTriggerFactoryBean;
import org.springframework.scheduling.quartz.JobDetailFactoryBean;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SimpleTriggerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.Properties;
import java.util.TimeZone;

/**
 * The Quartz scheduler, only when {@code ocmw.scheduler.enabled} ({@code serve}): a clustered JDBC job store
 * on the application's PostgreSQL with the PostgreSQL delegate, the nightly reconciliation's job and cron
 * trigger (kept as stored, with its missed firings, unless the configured cron or zone changed), and a
 * misfire policy that fires once after downtime.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ocmw.scheduler.enabled", havingValue = "true")
class SchedulingConfiguration {

    @Bean
    JobDetailFactoryBean reconcileJobDetail() {
        return durable(ReconcileQuartzJob.class, "nightlyReconciliation",
                "The nightly reconciliation of every applied merger (SPEC 6)");
    }

    @Bean
    CronTriggerFactoryBean nightlyTrigger(JobDetail reconcileJobDetail, SchedulerSettings settings) {
        CronTriggerFactoryBean trigger = new CronTriggerFactoryBean();
        trigger.setJobDetail(reconcileJobDetail);
        trigger.setName("nightlyReconciliationTrigger");
        trigger.setCronExpression(settings.cron());
        trigger.setTimeZone(TimeZone.getTimeZone(settings.zone()));
        // after downtime: one run at start-up, not one per missed night
        trigger.setMisfireInstruction(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        return trigger;
    }

    @Bean
    JobDetailFactoryBean mailOutboxJobDetail() {
        return durable(MailOutboxQuartzJob.class, "mailOutbox", "Mails not sent yet, tried again");
    }

    @Bean
    JobDetailFactoryBean campaignJobDetail() {
        return durable(CampaignQuartzJob.class, "campaign", "The campaign's reminders and escalations of the day (SPEC 4.6)");
    }

    @Bean
    CronTriggerFactoryBean campaignTrigger(JobDetail campaignJobDetail, be.ocmw.merge.campaign.CampaignSettings campaign) {
        CronTriggerFactoryBean trigger = new CronTriggerFactoryBean();
        trigger.setJobDetail(campaignJobDetail);
        trigger.setName("campaignTrigger");
        trigger.setCronExpression(campaign.cron());
        trigger.setTimeZone(TimeZone.getTimeZone("Europe/Brussels"));
        // a day missed while no serve ran: once at start-up (the reminders of a day are idempotent)
        trigger.setMisfireInstruction(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        return trigger;
    }

    @Bean
    JobDetailFactoryBean scheduledApplyJobDetail() {
        return durable(ScheduledApplyQuartzJob.class, "scheduledApplies", "The applies whose time has come (SPEC 5.8)");
    }

    @Bean
    SimpleTriggerFactoryBean scheduledApplyTrigger(JobDetail scheduledApplyJobDetail,
                                                   @org.springframework.beans.factory.annotation.Value("${ocmw.apply.schedule-check:1m}")
                                                   java.time.Duration every) {
        SimpleTriggerFactoryBean trigger = new SimpleTriggerFactoryBean();
        trigger.setJobDetail(scheduledApplyJobDetail);
        trigger.setName("scheduledApplyTrigger");
        trigger.setRepeatInterval(every.toMillis());
        // a look at start-up too: a schedule missed while no serve ran is run then, once
        trigger.setStartDelay(0);
        trigger.setMisfireInstruction(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
        return trigger;
    }

    /** A job the cluster keeps in its store even while no trigger points at it. */
    private static JobDetailFactoryBean durable(Class<? extends Job> type, String name, String description) {
        JobDetailFactoryBean job = new JobDetailFactoryBean();
        job.setJobClass(type);
        job.setName(name);
        job.setDescription(description);
        job.setDurability(true);
        return job;
    }

    @Bean
    SimpleTriggerFactoryBean mailOutboxTrigger(JobDetail mailOutboxJobDetail, NotifySettings notify) {
        SimpleTriggerFactoryBean trigger = new SimpleTriggerFactoryBean();
        trigger.setJobDetail(mailOutboxJobDetail);
        trigger.setName("mailOutboxTrigger");
        trigger.setRepeatInterval(notify.retryEvery().toMillis());
        trigger.setStartDelay(notify.retryEvery().toMillis());
        // after downtime: once, not once per interval missed
        trigger.setMisfireInstruction(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
        return trigger;
    }

    @Bean
    SchedulerFactoryBean scheduler(DataSource dataSource, PlatformTransactionManager transactions, ApplicationContext context,
                                   JobDetail reconcileJobDetail, CronTrigger nightlyTrigger, JobDetail mailOutboxJobDetail,
                                   SimpleTrigger mailOutboxTrigger, JobDetail campaignJobDetail, CronTrigger campaignTrigger,
                                   JobDetail scheduledApplyJobDetail, SimpleTrigger scheduledApplyTrigger,
                                   SchedulerSettings settings) {
        SchedulerFactoryBean scheduler = new SchedulerFactoryBean();
        scheduler.setDataSource(dataSource);
        scheduler.setTransactionManager(transactions);
        scheduler.setJobFactory(new AutowiringJobFactory(context.getAutowireCapableBeanFactory()));
        scheduler.setSchedulerName("ocmw-merge");
        scheduler.setJobDetails(reconcileJobDetail, mailOutboxJobDetail, campaignJobDetail, scheduledApplyJobDetail);
        scheduler.setTriggers(nightlyTrigger, mailOutboxTrigger, campaignTrigger, scheduledApplyTrigger);
        // an existing trigger keeps its state (so missed firings are seen); a changed cron is put in by TriggerSync
        scheduler.setOverwriteExistingJobs(false);
        scheduler.setWaitForJobsToCompleteOnShutdown(true);
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(settings.checkin().toMillis()));
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(settings.misfireThreshold().toMillis()));
        quartz.setProperty("org.quartz.threadPool.threadCount", "2");
        // how long the scheduler waits between looks at the stored triggers when none is due
        quartz.setProperty("org.quartz.scheduler.idleWaitTime", String.valueOf(settings.idleWait().toMillis()));
        scheduler.setQuartzProperties(quartz);
        return scheduler;
    }

    /**
     * Before the scheduler starts: a stored trigger whose cron or zone (the night's) or interval (the outbox's) is not
     * the configured one is replaced.
     */
    @Bean
    SmartInitializingSingleton triggerSync(org.quartz.Scheduler scheduler, CronTrigger nightlyTrigger,
                                           SimpleTrigger mailOutboxTrigger) {
        return () -> {
            try {
                org.quartz.Trigger stored = scheduler.getTrigger(nightlyTrigger.getKey());
                if (stored instanceof CronTrigger cron && (!cron.getCronExpression().equals(nightlyTrigger.getCronExpression())
                        || !cron.getTimeZone().getID().equals(nightlyTrigger.getTimeZone().getID()))) {
                    scheduler.rescheduleJob(nightlyTrigger.getKey(), nightlyTrigger);
                }
                if (scheduler.getTrigger(mailOutboxTrigger.getKey()) instanceof SimpleTrigger simple
                        && simple.getRepeatInterval() != mailOutboxTrigger.getRepeatInterval()) {
                    scheduler.rescheduleJob(mailOutboxTrigger.getKey(), mailOutboxTrigger);
                }
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException("cannot update the nightly trigger: " + e.getMessage(), e);
            }
        };
    }

    @Bean
    SchedulerHealth schedulerHealthIndicator(org.quartz.Scheduler scheduler, CronTrigger nightlyTrigger,
                                             be.ocmw.merge.merger.ApplySchedules schedules) {
        return new SchedulerHealth(scheduler, nightlyTrigger.getKey(), schedules);
    }

    /** Quartz jobs get their collaborators injected like any bean. */
    static final class AutowiringJobFactory extends SpringBeanJobFactory {

        private final AutowireCapableBeanFactory beans;

        AutowiringJobFactory(AutowireCapableBeanFactory beans) {
            this.beans = beans;
        }

        /** Made by the bean factory: its collaborators are its constructor's parameters. */
        @Override
        protected Object createJobInstance(TriggerFiredBundle bundle) {
            return beans.createBean(bundle.getJobDetail().getJobClass());
        }
    }
}
