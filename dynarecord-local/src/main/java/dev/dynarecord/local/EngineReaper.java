package dev.dynarecord.local;

import java.util.Arrays;

/**
 * Stops an engine once only its own threads keep the JVM alive. DynamoDB Local's threads are not
 * daemons, so an application that ends its {@code main} without closing the engine would never
 * exit; a JVM shutdown hook cannot help, since shutdown only begins after the last non-daemon
 * thread ends. The reaper is a daemon thread that looks every {@value #PERIOD_MS} ms for a live
 * non-daemon thread outside the engine's thread group, and closes the engine when there is none.
 */
final class EngineReaper {

    static final long PERIOD_MS = 200;

    private EngineReaper() {
    }

    static void watch(LocalEngine engine, ThreadGroup engineThreads) {
        Thread reaper = new Thread(() -> {
            while (!engine.isClosed()) {
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
                if (onlyEngineThreadsLeft(engineThreads)) {
                    engine.close();
                }
            }
        }, "dynarecord-local-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }

    private static boolean onlyEngineThreadsLeft(ThreadGroup engineThreads) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        return Arrays.stream(threads, 0, n).noneMatch(t -> t.isAlive() && !t.isDaemon()
                && !engineThreads.parentOf(t.getThreadGroup()) && !"DestroyJavaVM".equals(t.getName()));
    }
}
