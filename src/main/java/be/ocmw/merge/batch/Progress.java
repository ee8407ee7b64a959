package be.ocmw.merge.batch;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tells the operator that a long job is moving: at most every few seconds, a line with how many rows the step
 * (or partition) at hand has done and how fast. The clock is the job's, not the step's: a job of many steps or
 * partitions each shorter than the tick (an apply of 400 000 dossiers in twenty partitions) still speaks every few
 * seconds, and once it has spoken, each step or partition that ends says so. Short jobs say nothing.
 */
public class Progress implements ChunkListener<Object, Object>, StepExecutionListener {

    static final long EVERY_NANOS = 3_000_000_000L;

    private final String what;
    private final PrintStream out;
    private final LongSupplier clock;
    /**
     * Per job execution: when it last spoke, or began. Shared by every listener (each step has its own), so that the
     * job, not the step, keeps the time. An entry is a few bytes per job a process runs.
     */
    private static final Map<Long, AtomicLong> jobs = new ConcurrentHashMap<>();
    /** The job executions that have spoken. */
    private static final java.util.Set<Long> spoken = ConcurrentHashMap.newKeySet();
    /** Per step execution: when it began. */
    private final Map<Long, Long> steps = new ConcurrentHashMap<>();

    public Progress(String what) {
        this(what, System.out, System::nanoTime);
    }

    Progress(String what, PrintStream out, LongSupplier clock) {
        this.what = what;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution step) {
        long now = clock.getAsLong();
        steps.putIfAbsent(step.getId(), now);
        jobs.computeIfAbsent(step.getJobExecutionId(), id -> new AtomicLong(now));
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        var context = StepSynchronizationManager.getContext();
        if (context != null) {
            afterChunk(context.getStepExecution());
        }
    }

    void afterChunk(StepExecution step) {
        long now = clock.getAsLong();
        long started = steps.computeIfAbsent(step.getId(), id -> now);
        AtomicLong spoke = jobs.computeIfAbsent(step.getJobExecutionId(), id -> new AtomicLong(now));
        long last = spoke.get();
        long read = step.getReadCount();
        // (a step's counts are brought up to date after its chunk's listeners: its first chunk still shows 0)
        // two partitions may finish a chunk at the same moment: one of them speaks
        if (read == 0 || now - last < EVERY_NANOS || !spoke.compareAndSet(last, now)) {
            return;
        }
        spoken.add(step.getJobExecutionId());
        double seconds = (now - started) / 1e9;
        out.printf("  … %,d %s so far%s (%,.0f per second)%n", read, what, part(step), read / Math.max(seconds, 0.001));
        out.flush();
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Long started = steps.remove(step.getId());
        // a job that has spoken is long: the operator wants to see each of its parts end
        if (started != null && spoken.contains(step.getJobExecutionId())) {
            out.printf("  ✓ %,d %s%s in %.1f s%n", step.getWriteCount(), what, part(step),
                    (clock.getAsLong() - started) / 1e9);
            out.flush();
        }
        return step.getExitStatus();
    }

    /** A partition's step is named step:partition; the operator wants to know which part is moving. */
    private static String part(StepExecution step) {
        String name = step.getStepName();
        return name.contains(":") ? " (" + name.substring(name.indexOf(':') + 1) + ")" : "";
    }
}
