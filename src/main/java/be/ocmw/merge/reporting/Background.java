package be.ocmw.merge.reporting;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Work beside the main thread on a thread of its own. The common fork-join pool has a single worker on a
 * two-core machine, so a report written there would make every other background task wait behind it.
 */
public final class Background {

    private Background() {
    }

    public static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, thread(name));
    }

    public static CompletableFuture<Void> run(String name, Runnable work) {
        return CompletableFuture.runAsync(work, thread(name));
    }

    /** Waits for the work and throws what it threw. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Executor thread(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }
}
