package dev.dynarecord.benchmarks;

import dev.dynarecord.Finder;
import dev.dynarecord.ImportResult;
import dev.dynarecord.Session;
import dev.dynarecord.benchmarks.model.Equivalence;
import dev.dynarecord.benchmarks.model.Fixtures;
import dev.dynarecord.benchmarks.model.StampedBean;
import dev.dynarecord.benchmarks.model.StampedPojo;
import dev.dynarecord.benchmarks.model.StampedRawMapper;
import dev.dynarecord.benchmarks.model.StampedRecord;
import dev.dynarecord.benchmarks.stub.StubDynamoDbClient;
import dev.dynarecord.config.Adapter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Batches through a client, against {@link StubDynamoDbClient}: an import of 100 new records (4
 * BatchWriteItem of 25) and a read of 100 records by id (one BatchGetItem), three ways, for the
 * small model with Dynarecord's defaults ({@link StampedRecord}: generated id, createdAt,
 * updatedAt, lock version). Times and allocations are per record
 * ({@code @OperationsPerInvocation(100)}).
 *
 * <ul>
 *   <li>import: 100 new objects copied from the fixtures into a list (the same copy constructor and
 *       list for all three), then
 *       <ul>
 *         <li>Dynarecord {@code finder.importAll(records)}: per record the validations (none are
 *             declared), a {@code UUID.randomUUID()} id, one {@code Instant.now()} for createdAt and
 *             updatedAt, the item with lock version 1, its key checked against the earlier ones; per
 *             25 one BatchWriteItem; then every record persisted (its state and dirty-tracking
 *             baseline), and the {@code ImportResult};</li>
 *         <li>Enhanced: per record the same id, {@code Instant.now()} and lock version 1 set on the
 *             bean by the caller (its version extension adds a condition that BatchWriteItem refuses,
 *             and no timestamp extension is on by default), per 25 a {@code WriteBatch} and
 *             {@code batchWriteItem}, repeated with the unprocessed puts while there are any;</li>
 *         <li>raw: the same values set on the pojo, {@link StampedRawMapper#toItem}, a
 *             {@code WriteRequest} with a {@code PutRequest} per item, per 25 a
 *             BatchWriteItemRequest, repeated with {@code UnprocessedItems} while not empty.</li>
 *       </ul>
 *       The stub answers that everything was written; the items sent are checked equal (the id and
 *       timestamps as such, their values differing).</li>
 *   <li>batch get of 100 ids: Dynarecord {@code finder.byIds(ids)} (keys converted and checked,
 *       duplicates collapsed, records loaded and returned in the order of the ids), Enhanced a
 *       {@code ReadBatch} of 100 keys and {@code batchGetItem(...).resultsForTable(table)}, raw 100
 *       keys, one BatchGetItemRequest, {@link StampedRawMapper#fromItem} per item, repeated with
 *       {@code UnprocessedKeys} while not empty; each returns a list. The stub answers with the 100
 *       items, one response built in the setup; each flavour is checked to ask exactly their keys.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchBenchmark {

    /** Records per import, ids per batch get. */
    static final int RECORDS = 100;
    /** DynamoDB's limit of writes per BatchWriteItem. */
    private static final int WRITES_PER_BATCH = 25;
    private static final String TABLE = "stamped";
    private static final String GENERATED = "<generated>";

    private StubDynamoDbClient stub;
    private Session session;
    private Finder<StampedRecord> finder;
    private DynamoDbEnhancedClient enhanced;
    private DynamoDbTable<StampedBean> table;

    private final List<StampedRecord> newRecords = new ArrayList<>(RECORDS);
    private final List<StampedBean> newBeans = new ArrayList<>(RECORDS);
    private final List<StampedPojo> newPojos = new ArrayList<>(RECORDS);
    private final List<String> ids = new ArrayList<>(RECORDS);
    private final List<Map<String, AttributeValue>> stored = new ArrayList<>(RECORDS);

    /** Checks equivalence, builds the fixtures and the canned answer, checks the three send the same. */
    @Setup(Level.Trial)
    public void setUp() {
        Equivalence.verify();
        for (int n = 0; n < RECORDS; n++) {
            newRecords.add(Fixtures.newStampedRecord(n));
            newBeans.add(Fixtures.newStampedBean(n));
            newPojos.add(Fixtures.newStampedPojo(n));
            StampedPojo written = Fixtures.storedStampedPojo(n);
            ids.add(written.id);
            stored.add(StampedRawMapper.toItem(written));
        }
        stub = new StubDynamoDbClient().cannedBatchGet(TABLE, List.copyOf(stored));
        session = Session.open(c -> c.adapter(Adapter.AWS).client(stub).region("us-east-1").autoCreateTables(false));
        finder = session.find(StampedRecord.class);
        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(stub).build();
        table = enhanced.table(TABLE, TableSchema.fromBean(StampedBean.class));
        checkImports();
        checkBatchGets();
    }

    /** Closes the session (it does not own the stub). */
    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    // ---- import ----

    /** @return what was imported */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public ImportResult<StampedRecord> importPerRecordDynarecord() {
        List<StampedRecord> records = new ArrayList<>(RECORDS);
        for (StampedRecord r : newRecords) {
            records.add(new StampedRecord(r));
        }
        return finder.importAll(records);
    }

    /** @return the number of beans written */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int importPerRecordEnhanced() {
        List<StampedBean> beans = new ArrayList<>(RECORDS);
        for (StampedBean b : newBeans) {
            beans.add(new StampedBean(b));
        }
        for (StampedBean bean : beans) {
            Instant now = Instant.now();
            bean.setId(UUID.randomUUID().toString());
            bean.setCreatedAt(now);
            bean.setUpdatedAt(now);
            bean.setLockVersion(1);
        }
        for (int from = 0; from < beans.size(); from += WRITES_PER_BATCH) {
            List<StampedBean> pending = beans.subList(from, Math.min(beans.size(), from + WRITES_PER_BATCH));
            while (!pending.isEmpty()) {
                WriteBatch.Builder<StampedBean> batch = WriteBatch.builder(StampedBean.class).mappedTableResource(table);
                pending.forEach(batch::addPutItem);
                pending = enhanced.batchWriteItem(BatchWriteItemEnhancedRequest.builder().writeBatches(batch.build()).build())
                        .unprocessedPutItemsForTable(table);
            }
        }
        return beans.size();
    }

    /** @return the number of items written */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int importPerRecordRaw() {
        List<StampedPojo> pojos = new ArrayList<>(RECORDS);
        for (StampedPojo p : newPojos) {
            pojos.add(new StampedPojo(p));
        }
        for (int from = 0; from < pojos.size(); from += WRITES_PER_BATCH) {
            List<WriteRequest> writes = new ArrayList<>(WRITES_PER_BATCH);
            for (StampedPojo p : pojos.subList(from, Math.min(pojos.size(), from + WRITES_PER_BATCH))) {
                Instant now = Instant.now();
                p.id = UUID.randomUUID().toString();
                p.createdAt = now;
                p.updatedAt = now;
                p.lockVersion = 1;
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(StampedRawMapper.toItem(p)).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(TABLE, writes);
            while (!pending.isEmpty()) {
                pending = stub.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build()).unprocessedItems();
            }
        }
        return pojos.size();
    }

    // ---- batch get ----

    /** @return the records, in the order of the ids */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<StampedRecord> batchGetPerRecordDynarecord() {
        return finder.byIds(ids);
    }

    /** @return the beans */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<StampedBean> batchGetPerRecordEnhanced() {
        ReadBatch.Builder<StampedBean> batch = ReadBatch.builder(StampedBean.class).mappedTableResource(table);
        for (String id : ids) {
            batch.addGetItem(Key.builder().partitionValue(id).build());
        }
        List<StampedBean> beans = new ArrayList<>(RECORDS);
        enhanced.batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
                .resultsForTable(table).forEach(beans::add);
        return beans;
    }

    /** @return the pojos */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<StampedPojo> batchGetPerRecordRaw() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(RECORDS);
        for (String id : ids) {
            keys.add(StampedRawMapper.key(id));
        }
        List<StampedPojo> pojos = new ArrayList<>(RECORDS);
        Map<String, KeysAndAttributes> pending = Map.of(TABLE, KeysAndAttributes.builder().keys(keys).build());
        while (!pending.isEmpty()) {
            BatchGetItemResponse response = stub.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(TABLE, List.of())) {
                pojos.add(StampedRawMapper.fromItem(item));
            }
            pending = response.unprocessedKeys();
        }
        return pojos;
    }

    // ---- checks: the three flavours must do the same work ----

    private void checkImports() {
        List<List<Map<String, AttributeValue>>> sent = new ArrayList<>();
        for (Runnable flavour : List.<Runnable>of(this::importPerRecordDynarecord, this::importPerRecordEnhanced,
                this::importPerRecordRaw)) {
            List<BatchWriteItemRequest> requests = stub.recordBatchWrites();
            flavour.run();
            stub.stopRecording();
            if (requests.size() != RECORDS / WRITES_PER_BATCH) {
                throw new IllegalStateException("an import of " + RECORDS + " sent " + requests.size() + " BatchWriteItem");
            }
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (BatchWriteItemRequest request : requests) {
                if (!request.requestItems().keySet().equals(Set.of(TABLE))) {
                    throw new IllegalStateException("BatchWriteItem to " + request.requestItems().keySet() + ", not " + TABLE);
                }
                request.requestItems().get(TABLE).forEach(w -> items.add(masked(generated(w.putRequest().item()))));
            }
            sent.add(items);
        }
        String[] names = {"Dynarecord", "Enhanced", "raw"};
        for (int n = 0; n < RECORDS; n++) {
            StampedPojo expected = Fixtures.storedStampedPojo(n);
            Map<String, AttributeValue> item = masked(StampedRawMapper.toItem(expected));
            for (int f = 0; f < names.length; f++) {
                Equivalence.sameItems("import item #" + n + ", " + names[f] + " vs the fixture", item, sent.get(f).get(n));
            }
        }
    }

    /** @return the item, once its id is checked to be a UUID and its timestamps one instant */
    private static Map<String, AttributeValue> generated(Map<String, AttributeValue> item) {
        UUID.fromString(item.get(StampedRawMapper.ID).s());
        Instant created = Instant.parse(item.get(StampedRawMapper.CREATED_AT).s());
        Instant updated = Instant.parse(item.get(StampedRawMapper.UPDATED_AT).s());
        if (!created.equals(updated)) {
            throw new IllegalStateException("createdAt " + created + " and updatedAt " + updated + " of a new item differ");
        }
        return item;
    }

    /** @return a copy of the item with its id and timestamps replaced by a mark (their values differ from run to run) */
    private static Map<String, AttributeValue> masked(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> masked = new HashMap<>(item);
        for (String name : List.of(StampedRawMapper.ID, StampedRawMapper.CREATED_AT, StampedRawMapper.UPDATED_AT)) {
            masked.put(name, AttributeValue.fromS(GENERATED));
        }
        return masked;
    }

    private void checkBatchGets() {
        List<BatchGetItemRequest> requests = stub.recordBatchGets();
        List<StampedRecord> records = batchGetPerRecordDynarecord();
        List<StampedBean> beans = batchGetPerRecordEnhanced();
        List<StampedPojo> pojos = batchGetPerRecordRaw();
        stub.stopRecording();
        if (requests.size() != 3) {
            throw new IllegalStateException("3 batch gets sent " + requests.size() + " BatchGetItem");
        }
        List<Map<String, AttributeValue>> keys = ids.stream().map(StampedRawMapper::key).toList();
        for (BatchGetItemRequest request : requests) {
            KeysAndAttributes asked = request.requestItems().get(TABLE);
            if (request.requestItems().size() != 1 || asked == null || !asked.keys().equals(keys)
                    || Boolean.TRUE.equals(asked.consistentRead()) || asked.projectionExpression() != null) {
                throw new IllegalStateException("a batch get asked " + request.requestItems() + ", not the " + RECORDS
                        + " keys of " + TABLE + ", eventually consistent, all attributes");
            }
        }
        TableSchema<StampedBean> schema = TableSchema.fromBean(StampedBean.class);
        for (int n = 0; n < RECORDS; n++) {
            Map<String, AttributeValue> expected = stored.get(n);
            Equivalence.sameItems("batch get #" + n + ", Dynarecord", expected, finder.mapper().toItem(records.get(n)));
            Equivalence.sameItems("batch get #" + n + ", Enhanced", expected, schema.itemToMap(beans.get(n), true));
            Equivalence.sameItems("batch get #" + n + ", raw", expected, StampedRawMapper.toItem(pojos.get(n)));
        }
    }
}
