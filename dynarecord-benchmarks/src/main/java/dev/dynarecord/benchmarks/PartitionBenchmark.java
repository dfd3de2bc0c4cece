package dev.dynarecord.benchmarks;

import dev.dynarecord.Finder;
import dev.dynarecord.Session;
import dev.dynarecord.benchmarks.model.Equivalence;
import dev.dynarecord.benchmarks.model.Fixtures;
import dev.dynarecord.benchmarks.model.StampedPojo;
import dev.dynarecord.benchmarks.model.StampedRawMapper;
import dev.dynarecord.benchmarks.model.StampedRecord;
import dev.dynarecord.benchmarks.stub.StubDynamoDbClient;
import dev.dynarecord.config.Adapter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What write partitioning costs a read by key and a save, through {@link StubDynamoDbClient}: the
 * small model with Dynarecord's defaults ({@link StampedRecord}: generated id, timestamps, lock
 * version), partitioned by the session ({@code Config.partitioning(true).partitionSize(N)}) or not.
 *
 * <ul>
 *   <li>get: Dynarecord {@code finder.byId(id)}. Unpartitioned ({@code partitions=off}) one GetItem;
 *       partitioned ({@code partitions=N}) one BatchGetItem per 100 of the N copies
 *       ({@code <id>.0} … {@code <id>.<N-1>}), answered with all N copies, lock versions 1 to N (a hot
 *       record whose copies were all written: the newest is chosen among N), and the newest made the
 *       record. Raw: a hand-written GetItem of the unpartitioned item and its mapper, measured once and
 *       the yardstick of every row.</li>
 *   <li>put: the save of a persisted record whose age changed. Unpartitioned
 *       ({@code partitioning=off}): an UpdateItem of age, updatedAt and the lock version, conditional
 *       on the version read; partitioned ({@code partitioning=on}, {@value #WRITE_COPIES} copies): a
 *       PutItem of the whole item into a random copy, conditional on that copy holding no newer
 *       version. Raw: the same UpdateItem as the unpartitioned save, by hand.</li>
 * </ul>
 *
 * <p>{@link #requestsPerById(String)} counts what one byId sends; the trial setups check it and that
 * each flavour reads or writes what the others do.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PartitionBenchmark {

    static final String TABLE = "stamped";
    /** The copies of the partitioned save. */
    static final int WRITE_COPIES = 10;
    private static final String LOCK = "lockVersion";

    /** @return the stored record: the small model with Dynarecord's defaults after its first write */
    static StampedPojo stored() {
        return Fixtures.storedStampedPojo(1);
    }

    /**
     * A session over a stub that answers the stored record, unpartitioned or in {@code copies} copies.
     *
     * @param copies 0 for an unpartitioned session, or the copies of each record
     * @param stub the stub, given the answers here
     * @return the session (it does not own the stub)
     */
    static Session open(int copies, StubDynamoDbClient stub) {
        Map<String, AttributeValue> item = StampedRawMapper.toItem(stored());
        if (copies == 0) {
            stub.cannedItem(item);
        } else {
            stub.cannedCopies(TABLE, item, StampedRawMapper.ID, LOCK);
        }
        return Session.open(c -> c.adapter(Adapter.AWS).client(stub).region("us-east-1").autoCreateTables(false)
                .partitioning(copies > 0).partitionSize(Math.max(1, copies)));
    }

    /**
     * The requests one {@code byId} of the stored record sends.
     *
     * @param partitions {@code off} or the number of copies
     * @return how many requests of each operation, such as {@code {BatchGetItem=2}}
     */
    public static Map<String, Integer> requestsPerById(String partitions) {
        StubDynamoDbClient stub = new StubDynamoDbClient();
        try (Session session = open(copies(partitions), stub)) {
            Finder<StampedRecord> finder = session.find(StampedRecord.class);
            finder.byId(stored().id);
            Map<String, Integer> counted = stub.countRequests();
            finder.byId(stored().id);
            return Map.copyOf(counted);
        }
    }

    private static int copies(String partitions) {
        return partitions.equals("off") ? 0 : Integer.parseInt(partitions);
    }

    /** A read by key, unpartitioned or partitioned. */
    @State(Scope.Benchmark)
    public static class Reads {
        /** {@code off}, or the copies of each record. */
        @Param({"off", "10", "50", "200"})
        public String partitions;

        private Session session;
        private Finder<StampedRecord> finder;
        private String id;

        /** Opens the session; checks the requests of a byId and the record it gives. */
        @Setup(Level.Trial)
        public void setUp() {
            Equivalence.verify();
            int copies = copies(partitions);
            Map<String, Integer> sent = requestsPerById(partitions);
            Map<String, Integer> expected = copies == 0 ? Map.of("GetItem", 1) : Map.of("BatchGetItem", (copies + 99) / 100);
            if (!sent.equals(expected)) {
                throw new IllegalStateException("a byId with partitions=" + partitions + " sent " + sent + ", not " + expected);
            }
            session = open(copies, new StubDynamoDbClient());
            finder = session.find(StampedRecord.class);
            id = stored().id;
            StampedPojo newest = stored();
            newest.lockVersion = Math.max(1, copies);
            StampedRecord read = finder.byId(id);
            Equivalence.sameItems("byId with partitions=" + partitions, StampedRawMapper.toItem(newest),
                    finder.mapper().toItem(read));
            if (read.lockVersion() != newest.lockVersion) {
                throw new IllegalStateException("byId with partitions=" + partitions + " read lock version "
                        + read.lockVersion() + ", not the newest copy's " + newest.lockVersion);
            }
        }

        /** Closes the session. */
        @TearDown(Level.Trial)
        public void tearDown() {
            session.close();
        }
    }

    /** The save of a persisted record, unpartitioned or partitioned. */
    @State(Scope.Benchmark)
    public static class Writes {
        /** {@code off}, or {@code on} with {@value PartitionBenchmark#WRITE_COPIES} copies. */
        @Param({"off", "on"})
        public String partitioning;

        private StubDynamoDbClient stub;
        private Session session;
        private StampedRecord record;

        /** Opens the session, reads the record; checks what its save sends. */
        @Setup(Level.Trial)
        public void setUp() {
            boolean on = partitioning.equals("on");
            stub = new StubDynamoDbClient();
            session = open(on ? WRITE_COPIES : 0, stub);
            record = session.find(StampedRecord.class).byId(stored().id);
            Map<String, Integer> counted = stub.countRequests();
            new PartitionBenchmark().putDynarecord(this);
            stub.stopRecording();
            if (!counted.equals(Map.of(on ? "PutItem" : "UpdateItem", 1))) {
                throw new IllegalStateException("a save with partitioning=" + partitioning + " sent " + counted);
            }
            if (on) {
                PutItemRequest put = stub.lastPut();
                String hash = put.item().get(StampedRawMapper.ID).s();
                if (put.item().size() != 9 || !hash.matches(java.util.regex.Pattern.quote(record.id) + "\\.[0-9]")) {
                    throw new IllegalStateException("a partitioned save put " + put.item() + ": not the whole record in one of "
                            + WRITE_COPIES + " copies");
                }
            }
        }

        /** Closes the session. */
        @TearDown(Level.Trial)
        public void tearDown() {
            session.close();
        }
    }

    /** The raw flavour: the unpartitioned item, by hand. */
    @State(Scope.Benchmark)
    public static class Raw {
        private StubDynamoDbClient stub;
        private String id;
        private StampedPojo pojo;
        private Map<String, AttributeValue> key;

        /** Gives the stub the stored item; checks the raw save sends what an unpartitioned one does. */
        @Setup(Level.Trial)
        public void setUp() {
            stub = new StubDynamoDbClient().cannedItem(StampedRawMapper.toItem(stored()));
            id = stored().id;
            pojo = new PartitionBenchmark().getRaw(this);
            key = StampedRawMapper.key(id);
            Writes unpartitioned = new Writes();
            unpartitioned.partitioning = "off";
            unpartitioned.setUp();
            UpdateItemRequest dynarecord = unpartitioned.stub.lastUpdate();
            unpartitioned.tearDown();
            new PartitionBenchmark().putRaw(this);
            sameUpdate(dynarecord, stub.lastUpdate());
        }
    }

    // ---- get ----

    /**
     * @param reads the session
     * @return the record
     */
    @Benchmark
    public StampedRecord getDynarecord(Reads reads) {
        return reads.finder.byId(reads.id);
    }

    /**
     * @param raw the stub
     * @return the pojo
     */
    @Benchmark
    public StampedPojo getRaw(Raw raw) {
        return StampedRawMapper.fromItem(raw.stub.getItem(GetItemRequest.builder().tableName(TABLE)
                .key(StampedRawMapper.key(raw.id)).build()).item());
    }

    // ---- put ----

    /**
     * @param writes the session and the record
     * @return whether it was saved
     */
    @Benchmark
    public boolean putDynarecord(Writes writes) {
        StampedRecord r = writes.record;
        r.age = r.age == 21 ? 22 : 21;
        return r.save();
    }

    /**
     * @param raw the stub and the pojo
     * @return the response
     */
    @Benchmark
    public Object putRaw(Raw raw) {
        StampedPojo p = raw.pojo;
        p.age = p.age == 21 ? 22 : 21;
        p.updatedAt = Instant.now();
        long expected = p.lockVersion++;
        return raw.stub.updateItem(StampedRawMapper.ageUpdate(TABLE, raw.key, p, expected));
    }

    /** The raw save must send what Dynarecord's unpartitioned one sends, but for the time (each its own now). */
    private static void sameUpdate(UpdateItemRequest dynarecord, UpdateItemRequest raw) {
        Map<String, AttributeValue> values = new HashMap<>(raw.expressionAttributeValues());
        values.put(":v1", dynarecord.expressionAttributeValues().get(":v1"));
        Instant.parse(raw.expressionAttributeValues().get(":v1").s());
        if (!raw.tableName().equals(dynarecord.tableName()) || !raw.key().equals(dynarecord.key())
                || !raw.updateExpression().equals(dynarecord.updateExpression())
                || !raw.conditionExpression().equals(dynarecord.conditionExpression())
                || !raw.expressionAttributeNames().equals(dynarecord.expressionAttributeNames())
                || !values.equals(dynarecord.expressionAttributeValues())) {
            throw new IllegalStateException("the raw save sends " + raw + " but Dynarecord's unpartitioned one " + dynarecord
                    + "; make the floor do the same work");
        }
    }
}
