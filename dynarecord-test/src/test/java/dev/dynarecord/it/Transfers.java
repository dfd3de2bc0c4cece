package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Key;
import dev.dynarecord.Session;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.TransactionFailedException;
import dev.dynarecord.it.lifecycle.Player;
import dev.dynarecord.lifecycle.WriteCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/** Threads moving credits between accounts in write transactions: the total must stay exact. */
public final class Transfers {

    private Transfers() {
    }

    /**
     * Creates {@code accounts} players of 100 credits, runs {@code transfers} random transfers from each of
     * {@code threads} threads, and checks that no account went negative and the total is unchanged.
     */
    public static void keepTheTotal(Session session, int accounts, int threads, int transfers) throws Exception {
        Finder<Player> players = Player.find.using(session);
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            ids.add(players.create(p -> p.credits = 100).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int n = 0; n < transfers; n++) {
                        Object from = ids.get(random.nextInt(accounts));
                        Object to = ids.get(random.nextInt(accounts));
                        if (!from.equals(to)) {
                            transfer(session, from, to, 1 + random.nextInt(40));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long total = 0;
        for (Object id : ids) {
            long credits = players.byId(id).credits;
            assertThat(credits).isNotNegative();
            total += credits;
        }
        assertThat(total).isEqualTo(100L * accounts);
    }

    /** One transfer; conflicts that outlast the retry policy are run again after a short pause, as an application would. */
    private static void transfer(Session session, Object from, Object to, long x) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                session.transaction(tx -> tx
                        .update(Player.class, Key.of(from), WriteCondition.where("credits.gte", x), c -> c.add("credits", -x))
                        .update(Player.class, Key.of(to), c -> c.add("credits", x)));
                return;
            } catch (TransactionFailedException e) {
                if (!e.isRetryable()) {
                    assertThat(e.failures()).allSatisfy(f -> assertThat(f.cause()).isInstanceOf(ConditionFailedException.class));
                    return;
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20));
            }
        }
        throw new AssertionError("a transfer kept conflicting");
    }
}
