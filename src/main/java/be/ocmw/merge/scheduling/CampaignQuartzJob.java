package be.ocmw.merge.scheduling;

import be.ocmw.merge.campaign.Campaign;
import be.ocmw.merge.notify.Outbox;
import be.ocmw.merge.registry.Merger;
import be.ocmw.merge.registry.Registry;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Each day ({@code ocmw.campaign.cron}): the campaign's reminders and escalations that day asks for, for every merger
 * whose campaign started, then the mails sent. Fired on one node of the cluster; were it fired on two, each mail is
 * queued once (its purpose) and recorded once.
 */
@DisallowConcurrentExecution
public class CampaignQuartzJob extends QuartzJobBean {

    private final Campaign campaign;
    private final Registry registry;
    private final Outbox outbox;
    private final Clock clock;

    CampaignQuartzJob(Campaign campaign, Registry registry, Outbox outbox, Clock clock) {
        this.campaign = campaign;
        this.registry = registry;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        LocalDate today = LocalDate.now(clock);
        for (Merger merger : registry.current().mergers()) {
            campaign.remind(merger, today, "scheduler");
        }
        outbox.sendDue();
    }
}
