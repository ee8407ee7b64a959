package be.ocmw.merge.batch;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;

import java.io.PrintStream;

/**
 * Tells the operator that a long step is moving: at most every few seconds, a line with how many rows the
 * step has read so far and how fast. Short steps say nothing.
 */
public class Progress implements ChunkListener<Object, Object> {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final PrintStream out;
    private long started;
    private long lastReport;

    public Progress(String what) {
        this(what, System.out);
    }

    Progress(String what, PrintStream out) {
        this.what = what;
        this.out = out;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        long now = System.nanoTime();
        if (started == 0) {
            started = now;
            lastReport = now;
            return;
        }
        if (now - lastReport < EVERY_NANOS) {
            return;
        }
        lastReport = now;
        var context = StepSynchronizationManager.getContext();
        long read = context == null ? 0 : context.getStepExecution().getReadCount();
        double seconds = (now - started) / 1e9;
        out.printf("  … %,d %s so far (%,.0f per second)%n", read, what, read / Math.max(seconds, 0.001));
        out.flush();
    }
}
