package be.ocmw.merge.support;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting for something another process does (a server started, a job done, a lock taken), with Awaitility: polled,
 * with a limit that names what was awaited, and failing at once when the condition throws (a process that died).
 */
public final class Waiting {

    private Waiting() {
    }

    /** Waits until {@code done} holds, at most {@code atMost}, looking every {@code every}. */
    public static void until(String what, Duration atMost, Duration every, Callable<Boolean> done) {
        Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(every).until(done);
    }

    /** Waits until {@code value} gives something that is not null; returns it. */
    public static <T> T forValue(String what, Duration atMost, Duration every, Callable<T> value) {
        AtomicReference<T> found = new AtomicReference<>();
        until(what, atMost, every, () -> {
            found.set(value.call());
            return found.get() != null;
        });
        return found.get();
    }

    /** Waits until the started command's output matches {@code pattern}; fails at once when the command has ended. */
    public static Matcher forOutput(OcmwMergeJar.Started started, Pattern pattern, Duration atMost) {
        return forValue("the output of the command to show " + pattern, atMost, Duration.ofMillis(100), () -> {
            Matcher matcher = pattern.matcher(started.outputSoFar());
            if (matcher.find()) {
                return matcher;
            }
            assertThat(started.process().isAlive()).as(started.outputSoFar()).isTrue();
            return null;
        });
    }
}
