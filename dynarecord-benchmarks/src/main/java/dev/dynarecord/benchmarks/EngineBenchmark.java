package dev.dynarecord.benchmarks;

import dev.dynarecord.Finder;
import dev.dynarecord.Session;
import dev.dynarecord.benchmarks.model.Equivalence;
import dev.dynarecord.benchmarks.model.Fixtures;
import dev.dynarecord.benchmarks.model.RowBean;
import dev.dynarecord.benchmarks.model.RowPojo;
import dev.dynarecord.benchmarks.model.RowRawMapper;
import dev.dynarecord.benchmarks.model.RowRecord;
import dev.dynarecord.config.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * End to end on the embedded engine (DynamoDB Local in this JVM), three ways, all through the one
 * client of a LOCAL Dynarecord session: a table per flavour with the {@link RowRecord} attributes
 * (hash {@code part}, range {@code n}), each loaded with {@value #ITEMS} equal items in partition
 * {@value #LOADED}. The engine dominates these numbers; {@link ClientBenchmark} isolates the mapper.
 *
 * <ul>
 *   <li>put: one new item per operation, in partition {@value #PUT} (so the loaded partition keeps
 *       exactly {@value #ITEMS} items). Dynarecord and raw: PutItem conditional on the key being free;
 *       Enhanced: its default unconditional PutItem.</li>
 *   <li>get: a random existing key of the loaded partition (seeded, the same sequence for all three).</li>
 *   <li>query: the whole loaded partition, every page, mapped to objects.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EngineBenchmark {

    /** Items loaded into each table. */
    public static final int ITEMS = 10_000;
    /** The queried partition. */
    public static final String LOADED = "load";
    /** The partition new items go to. */
    public static final String PUT = "put";

    private static final String NEW_ITEM_CONDITION = "attribute_not_exists(#n0)";
    private static final Map<String, String> CONDITION_NAMES = Map.of("#n0", RowRawMapper.PART);
    private static final String QUERY_EXPRESSION = "#p = :p";
    private static final Map<String, String> QUERY_NAMES = Map.of("#p", RowRawMapper.PART);
    private static final Map<String, AttributeValue> QUERY_VALUES = Map.of(":p", AttributeValue.createS(LOADED));

    private Session session;
    private DynamoDbClient client;
    private Finder<RowRecord> finder;
    private DynamoDbTable<RowBean> enhancedTable;
    private String rawTable;
    private final Key enhancedPartition = Key.builder().partitionValue(LOADED).build();

    private int nextDynarecord = ITEMS;
    private int nextEnhanced = ITEMS;
    private int nextRaw = ITEMS;
    private final SplittableRandom random = new SplittableRandom(42);

    /** Checks equivalence, creates the three tables on the embedded engine and loads them. */
    @Setup(Level.Trial)
    public void setUp() {
        Equivalence.verify();
        session = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("bench"));
        client = session.client();
        finder = session.find(RowRecord.class);
        String dynarecordTable = session.tableName(RowRecord.class);
        rawTable = dynarecordTable + "_raw";
        String enhancedName = dynarecordTable + "_enhanced";

        session.tables().drop(RowRecord.class);
        session.tables().create(RowRecord.class);
        enhancedTable = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build()
                .table(enhancedName, TableSchema.fromBean(RowBean.class));
        createTable(enhancedName);
        createTable(rawTable);

        for (String table : List.of(dynarecordTable, enhancedName, rawTable)) {
            load(table);
        }
        check();
    }

    private void createTable(String name) {
        try {
            client.deleteTable(b -> b.tableName(name));
        } catch (ResourceNotFoundException absent) {
            // first run in this JVM
        }
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(RowRawMapper.PART).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(RowRawMapper.N).attributeType(ScalarAttributeType.N).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(RowRawMapper.PART).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(RowRawMapper.N).keyType(KeyType.RANGE).build()));
    }

    /** The same items in every table (the flavours write equal items: {@link Equivalence}). */
    private void load(String table) {
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int n = 0; n < ITEMS; n++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(RowRawMapper.toItem(Fixtures.rowPojo(LOADED, n))).build()).build());
            if (batch.size() == 25 || n == ITEMS - 1) {
                Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> send = pending;
                    BatchWriteItemResponse r = client.batchWriteItem(b -> b.requestItems(send));
                    pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                }
                batch.clear();
            }
        }
    }

    private void check() {
        int d = queryDynarecord().size();
        int e = queryEnhanced().size();
        int r = queryRaw().size();
        if (d != ITEMS || e != ITEMS || r != ITEMS) {
            throw new IllegalStateException("query sizes: Dynarecord " + d + ", Enhanced " + e + ", raw " + r
                    + "; expected " + ITEMS);
        }
        Map<String, AttributeValue> expected = RowRawMapper.toItem(Fixtures.rowPojo(LOADED, 1234));
        Equivalence.sameItems("get, Dynarecord", expected, finder.mapper().toItem(finder.byId(LOADED, 1234)));
        Equivalence.sameItems("get, Enhanced", expected, TableSchema.fromBean(RowBean.class)
                .itemToMap(enhancedTable.getItem(Key.builder().partitionValue(LOADED).sortValue(1234).build()), true));
        Equivalence.sameItems("get, raw", expected, RowRawMapper.toItem(RowRawMapper.fromItem(
                client.getItem(GetItemRequest.builder().tableName(rawTable).key(RowRawMapper.key(LOADED, 1234)).build()).item())));
    }

    /** Closes the session (the shared engine stops when the JVM exits). */
    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    // ---- put ----

    /** @return whether it was saved */
    @Benchmark
    public boolean putDynarecord() {
        return Fixtures.rowRecord(PUT, nextDynarecord++).using(session).save();
    }

    /** @return the bean written */
    @Benchmark
    public RowBean putEnhanced() {
        RowBean bean = Fixtures.rowBean(PUT, nextEnhanced++);
        enhancedTable.putItem(bean);
        return bean;
    }

    /** @return the response */
    @Benchmark
    public Object putRaw() {
        return client.putItem(PutItemRequest.builder().tableName(rawTable).item(RowRawMapper.toItem(Fixtures.rowPojo(PUT, nextRaw++)))
                .conditionExpression(NEW_ITEM_CONDITION).expressionAttributeNames(CONDITION_NAMES).build());
    }

    // ---- get ----

    /** @return the record */
    @Benchmark
    public RowRecord getDynarecord() {
        return finder.byId(LOADED, random.nextInt(ITEMS));
    }

    /** @return the bean */
    @Benchmark
    public RowBean getEnhanced() {
        return enhancedTable.getItem(Key.builder().partitionValue(LOADED).sortValue(random.nextInt(ITEMS)).build());
    }

    /** @return the pojo */
    @Benchmark
    public RowPojo getRaw() {
        return RowRawMapper.fromItem(client.getItem(GetItemRequest.builder().tableName(rawTable)
                .key(RowRawMapper.key(LOADED, random.nextInt(ITEMS))).build()).item());
    }

    // ---- query ----

    /** @return every record of the loaded partition */
    @Benchmark
    public List<RowRecord> queryDynarecord() {
        return finder.where(RowRawMapper.PART, LOADED).all();
    }

    /** @return every bean of the loaded partition */
    @Benchmark
    public List<RowBean> queryEnhanced() {
        List<RowBean> out = new ArrayList<>(ITEMS);
        for (RowBean bean : enhancedTable.query(QueryConditional.keyEqualTo(enhancedPartition)).items()) {
            out.add(bean);
        }
        return out;
    }

    /** @return every pojo of the loaded partition */
    @Benchmark
    public List<RowPojo> queryRaw() {
        List<RowPojo> out = new ArrayList<>(ITEMS);
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = client.query(QueryRequest.builder().tableName(rawTable).keyConditionExpression(QUERY_EXPRESSION)
                    .expressionAttributeNames(QUERY_NAMES).expressionAttributeValues(QUERY_VALUES).exclusiveStartKey(start).build());
            List<Map<String, AttributeValue>> items = page.items();
            for (int k = 0, n = items.size(); k < n; k++) {
                out.add(RowRawMapper.fromItem(items.get(k)));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
