package be.ocmw.merge.batch;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress lines of a job, on a clock the test turns. */
class ProgressTests {

    private static final long SECOND = 1_000_000_000L;
    private static final AtomicLong IDS = new AtomicLong(1_000_000);

    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void aJobOfManyPartsEachShorterThanTheTickStillSpeaksEveryFewSeconds() {
        // given an apply whose accounts step and twenty dossier partitions each take 2 s, in chunks of half a second
        JobExecution job = job();
        Progress accounts = progress("changes applied");
        Progress dossiers = progress("dossiers closed and reopened");
        run(accounts, step(job, "applyChangesStep:part 1"), 4);
        for (int partition = 1; partition <= 20; partition++) {
            run(dossiers, step(job, "closeReopenStep:KBO " + partition), 4);
        }

        // then in 42 s it spoke every 3 s (first in the second step, which is only 1 s old then), and named each
        // partition that ended once it had spoken
        List<String> lines = lines();
        List<String> moving = lines.stream().filter(l -> l.startsWith("  … ")).toList();
        assertThat(moving).hasSizeBetween(12, 15);
        assertThat(moving.get(0)).isEqualTo("  … 2,000 dossiers closed and reopened so far (KBO 1) (2,000 per second)");
        assertThat(lines).contains("  ✓ 4,000 dossiers closed and reopened (KBO 20) in 2.0 s");
        assertThat(lines.stream().filter(l -> l.startsWith("  ✓ ")).count()).isBetween(19L, 21L);
    }

    @Test
    void aShortJobSaysNothing() {
        JobExecution job = job();
        Progress dossiers = progress("dossiers closed and reopened");
        run(dossiers, step(job, "closeReopenStep:KBO 1"), 2);
        run(dossiers, step(job, "closeReopenStep:KBO 2"), 2);

        assertThat(lines()).isEmpty();
    }

    /** A step execution that reads and writes 1 000 rows a chunk, a chunk every half second. */
    private void run(Progress progress, StepExecution step, int chunks) {
        progress.beforeStep(step);
        for (int chunk = 1; chunk <= chunks; chunk++) {
            now.addAndGet(SECOND / 2);
            step.setReadCount(chunk * 1000L);
            step.setWriteCount(chunk * 1000L);
            progress.afterChunk(step);
        }
        progress.afterStep(step);
    }

    private Progress progress(String what) {
        return new Progress(what, new PrintStream(printed, true, StandardCharsets.UTF_8), now::get);
    }

    private static JobExecution job() {
        long id = IDS.incrementAndGet();
        return new JobExecution(id, new JobInstance(id, "applyJob"), new JobParameters());
    }

    private static StepExecution step(JobExecution job, String name) {
        return new StepExecution(IDS.incrementAndGet(), name, job);
    }

    private List<String> lines() {
        String text = printed.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
