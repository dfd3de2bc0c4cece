package dev.dynarecord.test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Wraps a {@link DynamoDbClient} to emulate DynamoDB's per-partition write limit, which the embedded
 * engine does not have: each partition key value (the hash key, per table) takes at most
 * {@code writesPerSecond} writes a second, 1,000 by default as DynamoDB's partitions do; beyond it a
 * write is refused as DynamoDB refuses it, before it reaches the real client:
 *
 * <pre>{@code
 * PartitionLimitClient limited = PartitionLimitClient.wrap(session.client())
 *         .writesPerSecond(100)          // DynamoDB's 1,000, scaled down
 *         .build();
 * Session hot = Session.open(c -> c.client(limited.client()).autoCreateTables(true));
 * limited.writes();                      // writes let through so far
 * limited.throttled();                   // writes refused so far
 * }</pre>
 *
 * <ul>
 *   <li>PutItem, UpdateItem and DeleteItem over the limit throw the SDK's
 *       {@code ProvisionedThroughputExceededException} (status 400), which Dynarecord reports as its
 *       {@code ThroughputExceededException}.</li>
 *   <li>BatchWriteItem sends the writes whose keys are under the limit and returns the others in
 *       {@code UnprocessedItems}; when none is under it, it throws that exception.</li>
 *   <li>TransactWriteItems over the limit for any of its items (condition checks included) throws a
 *       {@code TransactionCanceledException} whose reason is {@code ThrottlingError} for those items
 *       and {@code None} for the others; nothing is written.</li>
 *   <li>Reads, PartiQL and control-plane calls go straight through; the hash key of each table is
 *       asked of the real client (DescribeTable) once.</li>
 * </ul>
 *
 * <p>Each key has a token bucket that holds up to {@code burst} writes (by default a second's
 * worth) and refills at {@code writesPerSecond}: a key that has been idle takes a burst at once,
 * then writes at the limit. A write counts once whatever its size (DynamoDB counts write units of
 * 1 KB), a refused write takes no token, and a write that reaches the table takes one even if its
 * condition then fails, as it uses capacity in DynamoDB. Keys are limited one by one, the kindest
 * case: DynamoDB's partitions hold many keys and share the limit among them. Give a
 * {@link Builder#clock(LongSupplier) clock} to test without waiting. Thread-safe.
 */
public final class PartitionLimitClient {

    /** DynamoDB's limit: a partition takes at most 1,000 write units a second. */
    public static final int DYNAMODB_WRITES_PER_SECOND = 1000;

    private final DynamoDbClient real;
    private final DynamoDbClient client;
    private final int writesPerSecond;
    private final WriteBuckets buckets;
    private final Map<String, String> hashNames = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    private PartitionLimitClient(Builder b) {
        real = b.real;
        writesPerSecond = b.writesPerSecond;
        buckets = new WriteBuckets(b.writesPerSecond, b.burst == 0 ? b.writesPerSecond : b.burst, b.clock);
        client = ClientProxy.of(real, this::toString, this::send);
    }

    /**
     * Starts a limited client over a real one.
     *
     * @param real the client that does the work
     * @return a builder
     */
    public static Builder wrap(DynamoDbClient real) {
        return new Builder(Objects.requireNonNull(real, "real client"));
    }

    /**
     * The client to hand to the code under test, such as {@code Session.open(c -> c.client(client))}.
     * Closing it closes the real client.
     *
     * @return the limited client
     */
    public DynamoDbClient client() {
        return client;
    }

    /** @return how many writes were let through so far (a batch's or a transaction's items one by one) */
    public long writes() {
        return writes.get();
    }

    /** @return how many writes were refused so far */
    public long throttled() {
        return throttled.get();
    }

    @Override
    public String toString() {
        return "PartitionLimitClient[" + writesPerSecond + " writes/s per partition key, " + writes() + " let through, "
                + throttled() + " refused]";
    }

    /** A key's bucket: one per table and hash key value. */
    private record PartitionKey(String table, AttributeValue hash) {
    }

    private Object send(Method method, DynamoDbRequest request) throws Throwable {
        if (request instanceof PutItemRequest r) {
            admit(r.tableName(), r.item());
        } else if (request instanceof UpdateItemRequest r) {
            admit(r.tableName(), r.key());
        } else if (request instanceof DeleteItemRequest r) {
            admit(r.tableName(), r.key());
        } else if (request instanceof BatchWriteItemRequest r) {
            return batch(method, r);
        } else if (request instanceof TransactWriteItemsRequest r) {
            transaction(r);
        }
        return ClientProxy.invoke(real, method, request);
    }

    private void admit(String table, Map<String, AttributeValue> keyOrItem) {
        PartitionKey key = key(table, keyOrItem);
        if (!buckets.take(key)) {
            throttled.incrementAndGet();
            throw SdkFailures.throttle("The level of configured provisioned throughput for the table was exceeded"
                    + " (PartitionLimitClient: more than " + writesPerSecond + " writes a second to the partition key "
                    + key.hash() + " of table " + table + ")", 1);
        }
        writes.incrementAndGet();
    }

    private Object batch(Method method, BatchWriteItemRequest request) throws Throwable {
        Map<String, List<WriteRequest>> admitted = new LinkedHashMap<>();
        Map<String, List<WriteRequest>> refused = new LinkedHashMap<>();
        for (Map.Entry<String, List<WriteRequest>> table : request.requestItems().entrySet()) {
            for (WriteRequest w : table.getValue()) {
                Map<String, AttributeValue> keyOrItem = w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key();
                boolean taken = buckets.take(key(table.getKey(), keyOrItem));
                (taken ? admitted : refused).computeIfAbsent(table.getKey(), t -> new ArrayList<>()).add(w);
            }
        }
        int refusedCount = refused.values().stream().mapToInt(List::size).sum();
        throttled.addAndGet(refusedCount);
        writes.addAndGet(admitted.values().stream().mapToInt(List::size).sum());
        if (refused.isEmpty()) {
            return ClientProxy.invoke(real, method, request);
        }
        if (admitted.isEmpty()) {
            throw SdkFailures.throttle("The level of configured provisioned throughput for the table was exceeded"
                    + " (PartitionLimitClient: every write of the BatchWriteItem is over " + writesPerSecond
                    + " writes a second to its partition key)", 1);
        }
        BatchWriteItemResponse response = (BatchWriteItemResponse) ClientProxy.invoke(real, method,
                request.toBuilder().requestItems(admitted).build());
        Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
        response.unprocessedItems().forEach((t, w) -> unprocessed.computeIfAbsent(t, k -> new ArrayList<>()).addAll(w));
        refused.forEach((t, w) -> unprocessed.computeIfAbsent(t, k -> new ArrayList<>()).addAll(w));
        return response.toBuilder().unprocessedItems(unprocessed).build();
    }

    private void transaction(TransactWriteItemsRequest request) {
        List<PartitionKey> keys = new ArrayList<>();
        for (TransactWriteItem item : request.transactItems()) {
            if (item.put() != null) {
                keys.add(key(item.put().tableName(), item.put().item()));
            } else if (item.update() != null) {
                keys.add(key(item.update().tableName(), item.update().key()));
            } else if (item.delete() != null) {
                keys.add(key(item.delete().tableName(), item.delete().key()));
            } else {
                keys.add(key(item.conditionCheck().tableName(), item.conditionCheck().key()));
            }
        }
        boolean[] lacking = buckets.takeAll(keys);
        List<String> codes = new ArrayList<>(keys.size());
        for (boolean l : lacking) {
            codes.add(l ? "ThrottlingError" : "None");
        }
        if (codes.contains("ThrottlingError")) {
            throttled.addAndGet(keys.size());
            throw SdkFailures.canceled(codes, " (PartitionLimitClient: over " + writesPerSecond
                    + " writes a second to a partition key)", 1);
        }
        writes.addAndGet(keys.size());
    }

    private PartitionKey key(String table, Map<String, AttributeValue> keyOrItem) {
        String hash = hashNames.computeIfAbsent(table, t -> real.describeTable(DescribeTableRequest.builder().tableName(t)
                .build()).table().keySchema().stream().filter(k -> k.keyType() == KeyType.HASH).findFirst().orElseThrow()
                .attributeName());
        return new PartitionKey(table, keyOrItem.get(hash));
    }

    /** Configures a {@link PartitionLimitClient}; every setting has a default. */
    public static final class Builder {
        private final DynamoDbClient real;
        private int writesPerSecond = DYNAMODB_WRITES_PER_SECOND;
        private int burst;
        private LongSupplier clock = System::nanoTime;

        private Builder(DynamoDbClient real) {
            this.real = real;
        }

        /**
         * @param writesPerSecond the writes a partition key takes a second (default
         *     {@value #DYNAMODB_WRITES_PER_SECOND}, DynamoDB's; less scales the limit down, so that a
         *     test meets it before the engine's own speed)
         * @return this
         * @throws IllegalArgumentException when below 1
         */
        public Builder writesPerSecond(int writesPerSecond) {
            if (writesPerSecond < 1) {
                throw new IllegalArgumentException("writesPerSecond must be at least 1, got " + writesPerSecond);
            }
            this.writesPerSecond = writesPerSecond;
            return this;
        }

        /**
         * @param burst the most writes a key that has been idle takes at once (default: a second's worth,
         *     {@code writesPerSecond})
         * @return this
         * @throws IllegalArgumentException when below 1
         */
        public Builder burst(int burst) {
            if (burst < 1) {
                throw new IllegalArgumentException("burst must be at least 1 write, got " + burst);
            }
            this.burst = burst;
            return this;
        }

        /**
         * @param nanoTime the time in nanoseconds, as {@link System#nanoTime()} (the default); a test
         *     gives one it moves by hand
         * @return this
         */
        public Builder clock(LongSupplier nanoTime) {
            this.clock = Objects.requireNonNull(nanoTime, "clock");
            return this;
        }

        /** @return the limited client */
        public PartitionLimitClient build() {
            return new PartitionLimitClient(this);
        }
    }
}
