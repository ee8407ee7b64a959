package be.ocmw.merge.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code ocmw.campaign.*}: how many days before the deadline the OCMWs that sent nothing are reminded (7 and 2), and
 * when the scheduler looks each day ({@code cron}, Europe/Brussels). The day is the engine's clock's ({@code OCMW_NOW}).
 */
@ConfigurationProperties("ocmw.campaign")
public record CampaignSettings(List<Integer> remindDays, String cron) {

    public CampaignSettings {
        remindDays = remindDays == null || remindDays.isEmpty() ? List.of(7, 2)
                : remindDays.stream().sorted(java.util.Comparator.reverseOrder()).distinct().toList();
        if (remindDays.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("ocmw.campaign.remind-days (OCMW_CAMPAIGN_REMIND_DAYS) are days before the "
                    + "deadline, at least 1: " + remindDays);
        }
        cron = cron == null || cron.isBlank() ? "0 0 8 * * ?" : cron;
    }

}
