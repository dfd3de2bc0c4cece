package dev.dynarecord.internal.state;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs independent requests concurrently (the shards of a sharded index, the chunks of a batch) on
 * a session's executor, and rethrows the first failure as it was thrown.
 *
 * <p>The calling thread takes part: it runs every task no executor thread has started, so a fan-out
 * never waits for a free thread. A bounded pool therefore cannot deadlock when a task fans out
 * again (preloading runs queries that fan out over shards), and an executor that refuses work only
 * makes the caller do more of it.
 */
public final class FanOut {

    /** How long an idle thread of a session's pool waits for work before it ends. */
    private static final long KEEP_ALIVE_SECONDS = 30;

    private FanOut() {
    }

    /**
     * A bounded pool of daemon threads named {@code <prefix><n>}, started as work comes and ended
     * after {@value #KEEP_ALIVE_SECONDS} idle seconds. The owner shuts it down.
     *
     * @param threads at most this many threads
     * @param namePrefix the threads' name before their number, such as {@code dynarecord-1-}
     * @return the pool
     */
    public static ExecutorService pool(int threads, String namePrefix) {
        AtomicInteger numbers = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, namePrefix + numbers.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Runs every task, concurrently when there is more than one, and waits for all; the calling
     * thread runs those no thread of the executor has started.
     *
     * @param executor where the other tasks run
     * @param tasks the tasks
     */
    public static void runAll(Executor executor, List<Runnable> tasks) {
        int n = tasks.size();
        if (n == 0) {
            return;
        }
        if (n == 1) {
            tasks.get(0).run();
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    tasks.get(i).run();
                } catch (RuntimeException | Error e) {
                    if (!failure.compareAndSet(null, e) && failure.get() != e) {
                        failure.get().addSuppressed(e);
                    }
                } finally {
                    done.countDown();
                }
            }
        };
        for (int helper = 1; helper < n; helper++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException refused) {
                break; // the caller runs the rest
            } catch (RuntimeException refused) { // the executor's owner refuses all work (a closed session)
                if (helper == 1) {
                    throw refused; // nothing started
                }
                break; // tasks are running: the caller runs the rest, and their failures are reported
            }
        }
        worker.run();
        awaitUninterruptibly(done); // only tasks already running on other threads are left
        Throwable first = failure.get();
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
