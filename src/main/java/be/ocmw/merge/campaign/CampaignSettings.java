package be.ocmw.merge.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code ocmw.campaign.*}: how many days before the deadline the OCMWs that sent nothing are reminded (7 and 2), when
 * the scheduler looks each day ({@code cron}, Europe/Brussels), and a fixed moment for the campaign's clock
 * ({@code today}, an ISO date: tests and rehearsals; empty: the real date).
 */
@ConfigurationProperties("ocmw.campaign")
public record CampaignSettings(List<Integer> remindDays, String cron, String today) {

    public CampaignSettings {
        remindDays = remindDays == null || remindDays.isEmpty() ? List.of(7, 2)
                : remindDays.stream().sorted(java.util.Comparator.reverseOrder()).distinct().toList();
        if (remindDays.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("ocmw.campaign.remind-days (OCMW_CAMPAIGN_REMIND_DAYS) are days before the "
                    + "deadline, at least 1: " + remindDays);
        }
        cron = cron == null || cron.isBlank() ? "0 0 8 * * ?" : cron;
        today = today == null ? "" : today.strip();
    }

    /** The campaign's today: the fixed date when one is set, else the date in Brussels now. */
    public java.time.LocalDate today(java.time.Clock clock) {
        return today.isEmpty() ? java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Brussels")))
                : java.time.LocalDate.parse(today);
    }
}
