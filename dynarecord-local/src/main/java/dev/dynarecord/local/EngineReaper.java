package dev.dynarecord.local;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops an engine once only its own threads keep the JVM alive. DynamoDB Local's threads are not
 * daemons, so an application that ends its {@code main} without closing the engine would never
 * exit; a JVM shutdown hook cannot help, since shutdown only begins after the last non-daemon
 * thread ends. The reaper is a daemon thread that looks every {@value #PERIOD_MS} ms for a live
 * non-daemon thread outside the engine's thread group, and closes the engine when there is none.
 */
final class EngineReaper {

    static final long PERIOD_MS = 200;

    /** The thread groups of every engine of this JVM: one engine's threads never keep another alive. */
    private static final Set<ThreadGroup> ENGINE_GROUPS = ConcurrentHashMap.newKeySet();

    private EngineReaper() {
    }

    static void watch(LocalEngine engine, ThreadGroup engineThreads) {
        ENGINE_GROUPS.add(engineThreads);
        Thread reaper = new Thread(() -> {
            while (!engine.isClosed()) {
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
                if (onlyEngineThreadsLeft()) {
                    engine.close();
                }
            }
            ENGINE_GROUPS.remove(engineThreads);
        }, "dynarecord-local-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }

    private static boolean onlyEngineThreadsLeft() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        return Arrays.stream(threads, 0, n).noneMatch(t -> t.isAlive() && !t.isDaemon()
                && !isEngineThread(t) && !"DestroyJavaVM".equals(t.getName()));
    }

    private static boolean isEngineThread(Thread t) {
        ThreadGroup group = t.getThreadGroup();
        return group != null && ENGINE_GROUPS.stream().anyMatch(g -> g.parentOf(group));
    }
}
