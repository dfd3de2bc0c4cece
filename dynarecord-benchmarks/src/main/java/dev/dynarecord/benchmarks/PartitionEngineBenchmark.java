package dev.dynarecord.benchmarks;

import dev.dynarecord.Finder;
import dev.dynarecord.Session;
import dev.dynarecord.benchmarks.model.StampedPojo;
import dev.dynarecord.benchmarks.model.StampedRawMapper;
import dev.dynarecord.benchmarks.model.StampedRecord;
import dev.dynarecord.config.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * What write partitioning costs a read by key on the embedded engine (DynamoDB Local in this JVM):
 * {@code byId} of one of {@value #RECORDS} records of the small model with Dynarecord's defaults,
 * unpartitioned ({@code partitions=off}) or partitioned by the session with N copies, each record
 * saved N times first so that most of its copies exist (a hot record's). Raw: a hand-written GetItem
 * of the same records as the unpartitioned session stores them, the yardstick of every row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PartitionEngineBenchmark {

    static final int RECORDS = 50;

    /** {@code off}, or the copies of each record. */
    @Param({"off", "10", "50"})
    public String partitions;

    private Session session;
    private Finder<StampedRecord> finder;
    private final List<String> ids = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private Session plain;
    private final List<String> plainIds = new ArrayList<>();

    /** Opens the sessions and writes the records (each N times when partitioned). */
    @Setup(Level.Trial)
    public void setUp() {
        int copies = partitions.equals("off") ? 0 : Integer.parseInt(partitions);
        session = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("bench_pe_" + partitions)
                .partitioning(copies > 0).partitionSize(Math.max(1, copies)));
        session.tables().drop(StampedRecord.class);
        session.tables().create(StampedRecord.class);
        finder = session.find(StampedRecord.class);
        plain = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("bench_pe_raw_" + partitions));
        plain.tables().drop(StampedRecord.class);
        plain.tables().create(StampedRecord.class);
        for (int i = 0; i < RECORDS; i++) {
            ids.add(write(session, i, Math.max(1, copies)));
            plainIds.add(write(plain, i, 1));
        }
        if (engineGetDynarecord() == null || engineGetRaw() == null) {
            throw new IllegalStateException("the records written were not read back");
        }
    }

    private static String write(Session to, int n, int saves) {
        StampedRecord r = new StampedRecord().using(to);
        r.name = "row " + n;
        r.email = "row" + n + "@example.com";
        r.age = n;
        r.saveOrThrow();
        for (int i = 1; i < saves; i++) {
            r.age = n + i;
            r.saveOrThrow();
        }
        return (String) r.id();
    }

    /** Drops the tables and closes the sessions. */
    @TearDown(Level.Trial)
    public void tearDown() {
        session.tables().dropAll();
        plain.tables().dropAll();
        session.close();
        plain.close();
    }

    /** @return the record */
    @Benchmark
    public StampedRecord engineGetDynarecord() {
        return finder.byId(ids.get(random.nextInt(RECORDS)));
    }

    /** @return the pojo */
    @Benchmark
    public StampedPojo engineGetRaw() {
        return StampedRawMapper.fromItem(plain.client().getItem(GetItemRequest.builder().tableName(plain.tableName(StampedRecord.class))
                .key(StampedRawMapper.key(plainIds.get(random.nextInt(RECORDS)))).build()).item());
    }
}
