package be.ocmw.merge.cli.internal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

import java.time.Duration;
import java.util.Comparator;

/**
 * With OCMW_STARTUP_STEPS=1, the application's slowest start-up steps (bean creations, configuration phases) on
 * standard error when the command ends: how make bench and a developer see where a command's start-up goes.
 */
final class StartupSteps {

    private StartupSteps() {
    }

    static void record(SpringApplication application) {
        if (System.getenv("OCMW_STARTUP_STEPS") == null) {
            return;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
        application.setApplicationStartup(startup);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> print(startup.getBufferedTimeline())));
    }

    private static void print(StartupTimeline timeline) {
        System.err.println("== Start-up steps of 30 ms or more (nested steps include their children)");
        timeline.getEvents().stream()
                .filter(event -> event.getDuration().compareTo(Duration.ofMillis(30)) >= 0)
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getStartTime))
                .forEach(event -> System.err.printf("%6d ms  %s %s%n", event.getDuration().toMillis(),
                        event.getStartupStep().getName(), tags(event)));
    }

    private static String tags(StartupTimeline.TimelineEvent event) {
        StringBuilder tags = new StringBuilder();
        event.getStartupStep().getTags().forEach(tag -> tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
        return tags.toString();
    }
}
