package dev.dynarecord.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent requests concurrently (the shards of a sharded index, the chunks of a batch) on
 * a shared pool of daemon threads, and rethrows the first failure as it was thrown.
 */
public final class FanOut {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dynarecord-fanout-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private FanOut() {
    }

    /**
     * Runs every task, concurrently when there is more than one, and waits for all.
     *
     * @param tasks the tasks
     */
    public static void runAll(List<Runnable> tasks) {
        if (tasks.size() == 1) {
            tasks.get(0).run();
            return;
        }
        List<CompletableFuture<Void>> futures = new ArrayList<>(tasks.size());
        for (Runnable task : tasks) {
            futures.add(CompletableFuture.runAsync(task, POOL));
        }
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
