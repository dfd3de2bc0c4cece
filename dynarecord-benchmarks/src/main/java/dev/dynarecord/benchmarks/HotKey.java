package dev.dynarecord.benchmarks;

import dev.dynarecord.Finder;
import dev.dynarecord.Session;
import dev.dynarecord.benchmarks.model.Fixtures;
import dev.dynarecord.benchmarks.model.StampedRecord;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.test.PartitionLimitClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What write partitioning is for: sustained successful saves a second to one hot record, against
 * the embedded engine behind {@link PartitionLimitClient}, DynamoDB's per-partition write limit
 * scaled down to {@value #LIMIT} writes a second per partition key (DynamoDB's 1,000 / 50, a burst of
 * {@value #BURST}), with partitioning off and on ({@link #SETTINGS}). Scaled down so that the limit,
 * not the engine on a shared machine, is what every setting meets: with 50 copies the limit allows
 * 1,000 saves a second, and the same setting with no limit ({@code 50 unlimited}, run as a
 * reference) shows what the engine itself sustains.
 *
 * <p>Each run creates the table afresh and saves the small model with Dynarecord's defaults
 * ({@link StampedRecord}) once; {@value #THREADS} threads then each read it and save it again and
 * again, one field changed each time, reloading it after a {@code StaleRecordException} (another
 * thread's save came first: the conditional write failed, and used a write of the key's limit, as
 * in DynamoDB) or a {@code ThroughputExceededException} (the limit refused it). The saves that
 * succeed within the measured seconds, after {@value #SETTLE_MS} ms to settle (and to spend the
 * burst), are counted.
 *
 * <p>{@code HotKey <seconds> <runs>}: one warm-up run per setting, then {@code runs} rounds of every
 * setting, in turn from a different one each round; prints a {@link Result#line() line} per run.
 * {@link Report} runs it in a fresh JVM and reports the medians.
 */
public final class HotKey {

    /** Threads saving the hot record. */
    public static final int THREADS = 8;
    /** Writes a second per partition key: DynamoDB's 1,000, scaled down by 50. */
    public static final int LIMIT = PartitionLimitClient.DYNAMODB_WRITES_PER_SECOND / 50;
    /** Writes a key that has been idle takes at once. */
    public static final int BURST = LIMIT / 10;
    /**
     * The settings: partitioning off, or on with this many copies; {@code unlimited}: without the
     * limit, what the engine does.
     */
    public static final List<String> SETTINGS = List.of("off", "10", "50", "50 unlimited");
    static final long SETTLE_MS = 500;
    private static final double WARM_UP_SECONDS = 1;
    private static final Pattern LINE = Pattern.compile(
            "hot partitions=(\\S+(?: unlimited)?) run=(\\d+) saves=(\\d+) seconds=([0-9.]+) stale=(\\d+) throttled=(\\d+)");

    private HotKey() {
    }

    /**
     * One run's figures.
     *
     * @param partitions a {@link #SETTINGS setting}
     * @param run which round, from 1 (0 for a warm-up)
     * @param saves saves that succeeded in the measured time
     * @param seconds the measured time
     * @param stale saves refused as stale in the measured time
     * @param throttled saves refused by the limit in the measured time
     */
    public record Result(String partitions, int run, long saves, double seconds, long stale, long throttled) {

        /** @return successful saves a second */
        public double perSecond() {
            return saves / seconds;
        }

        /** @return the line {@link #parse(String)} reads */
        public String line() {
            return String.format(Locale.ROOT, "hot partitions=%s run=%d saves=%d seconds=%.3f stale=%d throttled=%d",
                    partitions, run, saves, seconds, stale, throttled);
        }

        /**
         * @param line a line of the output
         * @return its result, or null when it is not one
         */
        public static Result parse(String line) {
            Matcher m = LINE.matcher(line.trim());
            return m.matches() ? new Result(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                    Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6))) : null;
        }
    }

    /**
     * @param lines what {@link #main} printed
     * @param rounds the rounds it was asked for
     * @return by setting, in {@link #SETTINGS} order, the saves a second of each run
     * @throws IllegalStateException when a setting has not one run per round
     */
    public static Map<String, List<Double>> perSecond(List<String> lines, int rounds) {
        Map<String, List<Double>> perSecond = new LinkedHashMap<>();
        SETTINGS.forEach(setting -> perSecond.put(setting, new ArrayList<>()));
        for (String line : lines) {
            Result r = Result.parse(line);
            if (r != null) {
                perSecond.get(r.partitions()).add(r.perSecond());
            }
        }
        perSecond.forEach((setting, runs) -> {
            if (runs.size() != rounds) {
                throw new IllegalStateException("HotKey gave " + runs.size() + " runs of " + setting + ", not " + rounds
                        + ":\n" + String.join("\n", lines));
            }
        });
        return perSecond;
    }

    /**
     * @param args the measured seconds of each run, and how many rounds
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: HotKey <seconds per run> <rounds>");
        }
        double seconds = Double.parseDouble(args[0]);
        int rounds = Integer.parseInt(args[1]);
        try (Session engine = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("hot"))) {
            for (String setting : SETTINGS) {
                measure(engine, setting, 0, WARM_UP_SECONDS);
            }
            for (int round = 1; round <= rounds; round++) {
                for (int i = 0; i < SETTINGS.size(); i++) {
                    String partitions = SETTINGS.get((round + i) % SETTINGS.size());
                    System.out.println(measure(engine, partitions, round, seconds).line());
                }
            }
        }
    }

    /**
     * One run: a fresh table, the hot record, {@value #THREADS} threads saving it.
     *
     * @param engine a session on the embedded engine, whose client the limit wraps
     * @param partitions a {@link #SETTINGS setting}: {@code off}, or the copies, and {@code unlimited} for no limit
     * @param run which round, for the result
     * @param seconds how long to count
     * @return the figures
     * @throws InterruptedException when interrupted
     */
    public static Result measure(Session engine, String partitions, int run, double seconds) throws InterruptedException {
        String[] words = partitions.split(" ");
        int copies = words[0].equals("off") ? 0 : Integer.parseInt(words[0]);
        DynamoDbClient client = words.length > 1 ? engine.client()
                : PartitionLimitClient.wrap(engine.client()).writesPerSecond(LIMIT).burst(BURST).build().client();
        try (Session session = Session.open(c -> c.adapter(Adapter.AWS).client(client).region("us-east-1")
                .namespace("hot").autoCreateTables(false).partitioning(copies > 0).partitionSize(Math.max(1, copies)))) {
            session.tables().drop(StampedRecord.class);
            session.tables().create(StampedRecord.class);
            StampedRecord hot = Fixtures.newStampedRecord(0).using(session);
            hot.saveOrThrow();
            Counts counts = new Counts();
            CyclicBarrier start = new CyclicBarrier(THREADS + 1);
            Finder<StampedRecord> finder = session.find(StampedRecord.class);
            List<Thread> threads = new ArrayList<>();
            long[] window = new long[2];
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread worker = new Thread(() -> saveAgainAndAgain(finder, hot.id, thread, start, window, counts), "hot-" + t);
                worker.start();
                threads.add(worker);
            }
            await(start);
            window[0] = System.nanoTime() + SETTLE_MS * 1_000_000;
            window[1] = window[0] + (long) (seconds * 1e9);
            await(start);
            for (Thread t : threads) {
                t.join();
            }
            if (counts.failure != null) {
                throw new IllegalStateException("a thread saving the hot record failed", counts.failure);
            }
            return new Result(partitions, run, counts.saves.sum(), seconds, counts.stale.sum(), counts.throttled.sum());
        }
    }

    /** What the threads of one run counted. */
    private static final class Counts {
        final LongAdder saves = new LongAdder();
        final LongAdder stale = new LongAdder();
        final LongAdder throttled = new LongAdder();
        volatile Throwable failure;
    }

    private static void saveAgainAndAgain(Finder<StampedRecord> finder, String id, int thread, CyclicBarrier start,
            long[] window, Counts counts) {
        try {
            StampedRecord mine = finder.byId(id);
            await(start);
            await(start);
            long from = window[0];
            long until = window[1];
            for (int i = 1; System.nanoTime() < until; i++) {
                mine.score = thread * 1_000_000 + i;
                LongAdder outcome;
                try {
                    mine.saveOrThrow();
                    outcome = counts.saves;
                } catch (StaleRecordException e) {
                    outcome = counts.stale;
                    mine.reload();
                } catch (ThroughputExceededException e) {
                    outcome = counts.throttled;
                    mine.reload();
                }
                long now = System.nanoTime();
                if (now >= from && now < until) {
                    outcome.increment();
                }
            }
        } catch (RuntimeException | Error e) {
            counts.failure = e;
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException("the threads of a hot-record run did not start together", e);
        }
    }
}
