package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.exception.SessionClosedException;
import dev.dynarecord.spi.RequestListener;
import dev.dynarecord.test.DynarecordTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Concurrent requests (one Query per shard of a sharded index) run on threads the session owns:
 * bounded, daemon, named, started on first use and stopped by close(); or on an executor the
 * user supplies, which Dynarecord never shuts down.
 */
@DynarecordTest
class SessionExecutorTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final int ITEMS = 40;
    private static final Pattern POOL_THREAD = Pattern.compile("dynarecord-(\\d+)-(\\d+)");
    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    @Table(timestamps = false)
    public static class Sample extends Model<Sample> {
        public static final Finder<Sample> find = finder(Sample.class);
        @HashKey public String id;
        @Field @Index(range = true, shards = 8) public Instant takenAt;
        @Field public int n;
    }

    /** The names of the threads that sent each Query. */
    private static final class QueryThreads implements RequestListener {
        final Set<String> names = ConcurrentHashMap.newKeySet();

        @Override
        public void onRequest(DynamoDbRequest request) {
            if (request instanceof QueryRequest) {
                names.add(Thread.currentThread().getName());
            }
        }
    }

    private static Session open(QueryThreads listener, Consumer<Config.Builder> more) {
        return Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_exec_" + NAMESPACES.incrementAndGet())
                .listener(listener).with(more));
    }

    private static void seed(Session session) {
        Finder<Sample> samples = Sample.find.using(session);
        for (int i = 0; i < ITEMS; i++) {
            int n = i;
            samples.create(s -> {
                s.id = "s" + n;
                s.takenAt = T0.plusSeconds(n);
                s.n = n;
            });
        }
    }

    private static List<Integer> fanOutQuery(Session session) {
        return Sample.find.using(session).where("takenAt.gte", T0.plusSeconds(10)).stream().map(s -> s.n).toList();
    }

    private static Set<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private static Set<String> poolThreads(Set<String> names) {
        return names.stream().filter(n -> POOL_THREAD.matcher(n).matches()).collect(Collectors.toSet());
    }

    private static void awaitGone(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (liveThreadNames().stream().noneMatch(n -> n.startsWith(prefix))) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(liveThreadNames()).as("threads of the closed session, 10 s after close()")
                .noneMatch(n -> n.startsWith(prefix));
    }

    private static void dropAndClose(Session session) {
        try {
            session.tables().dropAll();
        } finally {
            session.close();
        }
    }

    @Test
    void aShardedQueryFansOutOnTheSessionsBoundedNamedDaemonThreadsWhichCloseStops() throws InterruptedException {
        QueryThreads queries = new QueryThreads();
        Session session = open(queries, c -> c.parallelism(3));
        String prefix;
        try {
            seed(session);
            // Other test classes run sessions in parallel: which pool threads are this session's is known only after the fan-out.
            Set<String> beforeFanOut = poolThreads(liveThreadNames());

            assertThat(fanOutQuery(session)).containsExactlyElementsOf(IntStream.range(10, ITEMS).boxed().toList());
            assertThat(Sample.find.using(session).where("takenAt.lt", T0.plusSeconds(10)).count()).isEqualTo(10);

            Set<String> used = poolThreads(queries.names);
            assertThat(used).as("shard Queries sent from the session's pool").isNotEmpty();
            Set<String> sessions = used.stream().map(n -> matcher(n).group(1)).collect(Collectors.toSet());
            assertThat(sessions).as("one session's pool").hasSize(1);
            prefix = "dynarecord-" + sessions.iterator().next() + "-";
            String own = prefix;
            assertThat(beforeFanOut).as("no pool thread of this session before its first fan-out").noneMatch(n -> n.startsWith(own));
            Set<String> pool = liveThreadNames().stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
            assertThat(pool).as("at most parallelism = 3 threads").isNotEmpty().hasSizeLessThanOrEqualTo(3);
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith(prefix))
                    .allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName() + " is a daemon").isTrue());
        } finally {
            dropAndClose(session);
        }
        awaitGone(prefix);
    }

    private static Matcher matcher(String name) {
        Matcher m = POOL_THREAD.matcher(name);
        assertThat(m.matches()).isTrue();
        return m;
    }

    @Test
    void workOnAClosedSessionIsRefusedAndNeverHangs() {
        QueryThreads queries = new QueryThreads();
        Session session = open(queries, c -> c.parallelism(2));
        seed(session);
        Sample loaded = Sample.find.using(session).byId("s1");
        fanOutQuery(session);
        session.tables().dropAll();
        session.close();
        session.close(); // idempotent

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> fanOutQuery(session)).isInstanceOf(SessionClosedException.class)
                    .hasMessageContaining("is closed").hasMessageContaining("x_exec_")
                    .hasMessageContaining("Use a session that is open");
            assertThatThrownBy(() -> Sample.find.using(session).where("takenAt.gte", T0).count())
                    .isInstanceOf(SessionClosedException.class);
            assertThatThrownBy(() -> Sample.find.using(session).byId("s1")).isInstanceOf(SessionClosedException.class)
                    .hasMessageContaining("was not sent").hasMessageContaining("is closed");
            loaded.n = 99;
            assertThatThrownBy(loaded::save).as("a record keeps its closed session").isInstanceOf(SessionClosedException.class)
                    .hasMessageContaining("load it again through an open one");
        });
    }

    @Test
    void aSuppliedExecutorIsUsedAndNeverShutDown() throws InterruptedException {
        AtomicInteger numbers = new AtomicInteger();
        ExecutorService mine = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mine-" + numbers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            QueryThreads queries = new QueryThreads();
            Session session = open(queries, c -> c.executor(mine));
            try {
                assertThat(session.config().executor()).containsSame(mine);
                assertThat(session.config().toString()).contains("executor=(supplied)").doesNotContain("parallelism=");
                seed(session);
                assertThat(fanOutQuery(session)).hasSize(ITEMS - 10);
                assertThat(queries.names).anyMatch(n -> n.startsWith("mine-")).noneMatch(n -> POOL_THREAD.matcher(n).matches());
            } finally {
                dropAndClose(session);
            }
            assertThat(mine.isShutdown()).as("not Dynarecord's to shut down").isFalse();
            assertThat(mine.submit(() -> "still running")).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("still running");
        } finally {
            mine.shutdownNow();
            mine.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void parallelismOfOneStillAnswersEveryShard() {
        Session session = open(new QueryThreads(), c -> c.parallelism(1));
        try {
            assertThat(session.config().parallelism()).isEqualTo(1);
            assertThat(session.config().toString()).contains("parallelism=1");
            seed(session);
            assertThat(fanOutQuery(session)).containsExactlyElementsOf(IntStream.range(10, ITEMS).boxed().toList());
        } finally {
            dropAndClose(session);
        }
    }

    @Test
    void parallelismDefaultsToSixteen() {
        assertThat(Config.builder().build().parallelism()).isEqualTo(Config.DEFAULT_PARALLELISM).isEqualTo(16);
        assertThat(Config.builder().build().executor()).isEmpty();
        assertThat(Config.builder().build().toString()).contains("parallelism=16");
        assertThat(Config.builder().parallelism(5).build().toBuilder().build().parallelism()).isEqualTo(5);
        assertThat(Config.builder().fromEnvironment(Map.of("DYNARECORD_PARALLELISM", " 8 ")).build().parallelism()).isEqualTo(8);
        Properties p = new Properties();
        p.setProperty("dynarecord.parallelism", "4");
        assertThat(Config.builder().fromProperties(p).build().parallelism()).isEqualTo(4);
    }

    // ---- bad values: ConfigurationException naming the option and the fix ----

    @Test
    void badParallelismIsRefusedWithWhatToChange() {
        for (int bad : new int[] {0, -3, Config.MAX_PARALLELISM + 1}) {
            assertThatThrownBy(() -> Config.builder().parallelism(bad)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("parallelism must be between 1 and 1000, got " + bad)
                    .hasMessageContaining("number of threads");
        }
        assertThatThrownBy(() -> Session.open(c -> c.adapter(Adapter.LOCAL).parallelism(0)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("parallelism must be between 1 and 1000");
        assertThatThrownBy(() -> Config.builder().fromEnvironment(Map.of("DYNARECORD_PARALLELISM", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("environment variable DYNARECORD_PARALLELISM has the value '0'")
                .hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> Config.builder().fromEnvironment(Map.of("DYNARECORD_PARALLELISM", "lots")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DYNARECORD_PARALLELISM has the value 'lots'").hasMessageContaining("expected a whole number");
        Properties p = new Properties();
        p.setProperty("dynarecord.parallelism", "-1");
        assertThatThrownBy(() -> Config.builder().fromProperties(p)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dynarecord.parallelism has the value '-1'");
    }

    @Test
    void parallelismWithASuppliedExecutorIsAContradiction() {
        ExecutorService mine = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> Config.builder().parallelism(4).executor(mine).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("parallelism (4) bounds the session's own pool, but an executor was supplied too")
                    .hasMessageContaining("drop");
            assertThatThrownBy(() -> Config.builder().fromEnvironment(Map.of("DYNARECORD_PARALLELISM", "4")).executor(mine).build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("parallelism (4)");
            assertThat(Config.builder().executor(mine).executor(null).parallelism(4).build().executor()).isEmpty();
        } finally {
            mine.shutdownNow();
        }
    }
}
