package be.ocmw.merge.batch;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Set;

/** The shape every row-loading step has: stream rows, check each ahead, stage the good ones, record the bad. */
public final class Steps {

    /** Rows per transaction: large enough for fast COPY writes, small enough to resume close to a kill. */
    public static final int CHUNK = 1000;

    private Steps() {
    }

    /** A bad row never stops a file: every refusal is skipped, and recorded by the listener. */
    public static SkipPolicy rejectedRowsSkipped() {
        return new LimitCheckingExceptionHierarchySkipPolicy(Set.of(RejectedRowException.class), Long.MAX_VALUE);
    }

    /** The rows come checked from the reader: the processor step only hands on the outcome, or throws the refusal. */
    public static <O> Step rowsStep(String name, JobRepository repository, PlatformTransactionManager transactions,
                                    LoadFileReader<O> reader, ItemWriter<O> writer, RejectionRecorder rejections) {
        return new StepBuilder(name, repository).<CheckedRow<O>, O>chunk(CHUNK)
                .transactionManager(transactions)
                .reader(reader)
                .processor(CheckedRow::outcome)
                .writer(writer)
                .faultTolerant()
                .skipPolicy(rejectedRowsSkipped())
                .skipListener(rejections)
                .listener(new Progress("rows"))
                .build();
    }

    /**
     * A step that writes what it reads, {@code size} items a transaction, each chunk's checkpoint committed with it;
     * its progress shown as {@code done} ("changes applied").
     */
    public static <T> Step chunkStep(String name, JobRepository repository, PlatformTransactionManager transactions,
                                     int size, ItemReader<T> reader, ItemWriter<T> writer, String done) {
        return new StepBuilder(name, repository).<T, T>chunk(size)
                .transactionManager(transactions)
                .reader(reader)
                .writer(writer)
                .listener(new Progress(done))
                .build();
    }

    /** A step of one tasklet, in one transaction. */
    public static Step taskletStep(String name, JobRepository repository, PlatformTransactionManager transactions,
                                   org.springframework.batch.core.step.tasklet.Tasklet tasklet) {
        return new StepBuilder(name, repository).tasklet(tasklet, transactions).build();
    }

    /** The first step of every load: register the files of {@code kind} the job reads (see {@link RegisterFileTasklet}). */
    public static Step fileStep(String name, JobRepository repository, PlatformTransactionManager transactions,
                                LoadFiles files, String kind) {
        return taskletStep(name, repository, transactions, new RegisterFileTasklet(files, kind));
    }

    /** A job of these steps, one after the other. */
    public static org.springframework.batch.core.job.Job sequence(String name, JobRepository repository, Step first,
                                                                  Step... next) {
        var job = new org.springframework.batch.core.job.builder.JobBuilder(name, repository).start(first);
        for (Step step : next) {
            job = job.next(step);
        }
        return job.build();
    }

    /** A step whose partitions run the worker step side by side, at most {@code threads} at a time. */
    public static Step partitioned(JobRepository repository, String name, Partitioner partitioner, Step worker, int threads) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(worker.getName() + "-");
        executor.setConcurrencyLimit(threads);
        return new StepBuilder(name, repository)
                .partitioner(worker.getName(), partitioner)
                .step(worker)
                .gridSize(threads)
                .taskExecutor(executor)
                .build();
    }
}
