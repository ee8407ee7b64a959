package be.ocmw.merge.batch;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the operator that a long step is moving: at most every few seconds, a line with how many rows the
 * step has read so far and how fast. Short steps say nothing.
 */
public class Progress implements ChunkListener<Object, Object> {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final PrintStream out;
    /** Per step execution (a partitioned step runs several at once on one listener): when it last spoke. */
    private final Map<Long, long[]> clocks = new ConcurrentHashMap<>();

    public Progress(String what) {
        this(what, System.out);
    }

    Progress(String what, PrintStream out) {
        this.what = what;
        this.out = out;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        var context = StepSynchronizationManager.getContext();
        if (context == null) {
            return;
        }
        StepExecution step = context.getStepExecution();
        long now = System.nanoTime();
        long[] clock = clocks.computeIfAbsent(step.getId(), id -> new long[]{now, now});
        if (now - clock[1] < EVERY_NANOS) {
            return;
        }
        clock[1] = now;
        long read = step.getReadCount();
        double seconds = (now - clock[0]) / 1e9;
        String name = step.getStepName();
        // a partition's step is named step:partition; the operator wants to know which part is moving
        String part = name.contains(":") ? " (" + name.substring(name.indexOf(':') + 1) + ")" : "";
        out.printf("  … %,d %s so far%s (%,.0f per second)%n", read, what, part, read / Math.max(seconds, 0.001));
        out.flush();
    }
}
