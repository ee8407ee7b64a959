package be.ocmw.merge.scheduling;

import be.ocmw.merge.notify.Outbox;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Every {@code ocmw.notify.retry-every}: the mails the SMTP server refused or could not be reached for, tried again. */
@DisallowConcurrentExecution
public class MailOutboxQuartzJob extends QuartzJobBean {

    private final Outbox outbox;

    MailOutboxQuartzJob(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        outbox.sendDue();
    }
}
