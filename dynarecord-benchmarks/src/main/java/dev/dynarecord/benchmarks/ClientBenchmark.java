package dev.dynarecord.benchmarks;

import dev.dynarecord.Finder;
import dev.dynarecord.Session;
import dev.dynarecord.benchmarks.model.Equivalence;
import dev.dynarecord.benchmarks.model.Fixtures;
import dev.dynarecord.benchmarks.model.LargeBean;
import dev.dynarecord.benchmarks.model.LargePojo;
import dev.dynarecord.benchmarks.model.LargeRawMapper;
import dev.dynarecord.benchmarks.model.LargeRecord;
import dev.dynarecord.benchmarks.model.NestedBean;
import dev.dynarecord.benchmarks.model.NestedPojo;
import dev.dynarecord.benchmarks.model.NestedRawMapper;
import dev.dynarecord.benchmarks.model.NestedRecord;
import dev.dynarecord.benchmarks.model.SmallBean;
import dev.dynarecord.benchmarks.model.SmallPojo;
import dev.dynarecord.benchmarks.model.SmallRawMapper;
import dev.dynarecord.benchmarks.model.SmallRecord;
import dev.dynarecord.benchmarks.stub.StubDynamoDbClient;
import dev.dynarecord.config.Adapter;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Through a client, against {@link StubDynamoDbClient} (canned responses, no I/O): the whole
 * library path of a put and a get, three ways, for the small, the large and the nested model (an
 * embedded address document and a list of three).
 *
 * <ul>
 *   <li>put: a new object copied from the fixture (the same copy constructor for all three), then
 *       Dynarecord {@code record.save()} (new record: a PutItem conditional on
 *       {@code attribute_not_exists(#n0)}), Enhanced {@code table.putItem(bean)} (unconditional:
 *       what it does by default), raw {@code putItem} with the same condition as Dynarecord.</li>
 *   <li>get: Dynarecord {@code finder.byId(id)}, Enhanced {@code table.getItem(key)}, raw
 *       {@code getItem} and the hand-written mapper; the stub answers with the fixture's item.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientBenchmark {

    /** The condition Dynarecord puts on a new record's PutItem; the raw flavour sends the same. */
    private static final String NEW_ITEM_CONDITION = "attribute_not_exists(#n0)";
    private static final Map<String, String> SMALL_CONDITION_NAMES = Map.of("#n0", "id");
    private static final Map<String, String> LARGE_CONDITION_NAMES = Map.of("#n0", "id");

    private StubDynamoDbClient smallStub;
    private StubDynamoDbClient largeStub;
    private StubDynamoDbClient nestedStub;
    private Session nestedSession;
    private Finder<NestedRecord> nestedFinder;
    private DynamoDbTable<NestedBean> nestedTable;
    private NestedRecord nestedRecord;
    private NestedBean nestedBean;
    private NestedPojo nestedPojo;
    private Session smallSession;
    private Session largeSession;
    private Finder<SmallRecord> smallFinder;
    private Finder<LargeRecord> largeFinder;
    private DynamoDbTable<SmallBean> smallTable;
    private DynamoDbTable<LargeBean> largeTable;

    private SmallRecord smallRecord;
    private SmallBean smallBean;
    private SmallPojo smallPojo;
    private LargeRecord largeRecord;
    private LargeBean largeBean;
    private LargePojo largePojo;

    /** Checks equivalence, opens a session and an Enhanced client per stub, checks the requests match. */
    @Setup(Level.Trial)
    public void setUp() {
        Equivalence.verify();
        smallRecord = Fixtures.smallRecord();
        smallBean = Fixtures.smallBean();
        smallPojo = Fixtures.smallPojo();
        largeRecord = Fixtures.largeRecord();
        largeBean = Fixtures.largeBean();
        largePojo = Fixtures.largePojo();

        smallStub = new StubDynamoDbClient().cannedItem(SmallRawMapper.toItem(smallPojo));
        largeStub = new StubDynamoDbClient().cannedItem(LargeRawMapper.toItem(largePojo));
        smallSession = open(smallStub);
        largeSession = open(largeStub);
        smallFinder = smallSession.find(SmallRecord.class);
        largeFinder = largeSession.find(LargeRecord.class);
        smallTable = DynamoDbEnhancedClient.builder().dynamoDbClient(smallStub).build()
                .table("small", TableSchema.fromBean(SmallBean.class));
        largeTable = DynamoDbEnhancedClient.builder().dynamoDbClient(largeStub).build()
                .table("large", TableSchema.fromBean(LargeBean.class));

        checkPuts();
        checkGets();
        setUpNested();
    }

    private void setUpNested() {
        nestedRecord = NestedPojo.fixtureRecord();
        nestedBean = NestedPojo.fixtureBean();
        nestedPojo = NestedPojo.fixture();
        nestedStub = new StubDynamoDbClient().cannedItem(NestedRawMapper.toItem(nestedPojo));
        nestedSession = open(nestedStub);
        nestedFinder = nestedSession.find(NestedRecord.class);
        nestedTable = DynamoDbEnhancedClient.builder().dynamoDbClient(nestedStub).build()
                .table("nested", TableSchema.fromBean(NestedBean.class));
        nestedPutDynarecord();
        PutItemRequest dynarecord = nestedStub.lastPut();
        nestedPutEnhanced();
        PutItemRequest enhanced = nestedStub.lastPut();
        nestedPutRaw();
        comparePuts("nested", dynarecord, enhanced, nestedStub.lastPut());
        Map<String, AttributeValue> expected = NestedRawMapper.toItem(nestedPojo);
        Equivalence.sameItems("nested get, Dynarecord", expected, nestedFinder.mapper().toItem(nestedGetDynarecord()));
        Equivalence.sameItems("nested get, Enhanced", expected,
                TableSchema.fromBean(NestedBean.class).itemToMap(nestedGetEnhanced(), true));
        Equivalence.sameItems("nested get, raw", expected, NestedRawMapper.toItem(nestedGetRaw()));
    }

    private static Session open(StubDynamoDbClient stub) {
        return Session.open(c -> c.adapter(Adapter.AWS).client(stub).region("us-east-1").autoCreateTables(false));
    }

    /** The three flavours must send the same item to the same table; Dynarecord and raw the same condition. */
    private void checkPuts() {
        smallPutDynarecord();
        PutItemRequest dynarecord = smallStub.lastPut();
        smallPutEnhanced();
        PutItemRequest enhanced = smallStub.lastPut();
        smallPutRaw();
        PutItemRequest raw = smallStub.lastPut();
        comparePuts("small", dynarecord, enhanced, raw);
        largePutDynarecord();
        dynarecord = largeStub.lastPut();
        largePutEnhanced();
        enhanced = largeStub.lastPut();
        largePutRaw();
        raw = largeStub.lastPut();
        comparePuts("large", dynarecord, enhanced, raw);
    }

    private static void comparePuts(String model, PutItemRequest dynarecord, PutItemRequest enhanced, PutItemRequest raw) {
        Equivalence.sameItems(model + " PutItem item, Dynarecord vs raw", raw.item(), dynarecord.item());
        Equivalence.sameItems(model + " PutItem item, Enhanced vs raw", raw.item(), enhanced.item());
        if (!raw.tableName().equals(dynarecord.tableName()) || !raw.tableName().equals(enhanced.tableName())) {
            throw new IllegalStateException(model + ": table names differ: " + dynarecord.tableName() + ", "
                    + enhanced.tableName() + ", " + raw.tableName());
        }
        if (!raw.conditionExpression().equals(dynarecord.conditionExpression())
                || !raw.expressionAttributeNames().equals(dynarecord.expressionAttributeNames())) {
            throw new IllegalStateException(model + ": Dynarecord sends " + dynarecord.conditionExpression() + " "
                    + dynarecord.expressionAttributeNames() + " but the raw flavour " + raw.conditionExpression() + " "
                    + raw.expressionAttributeNames() + "; make the floor do the same work");
        }
    }

    private void checkGets() {
        Map<String, AttributeValue> expected = SmallRawMapper.toItem(smallPojo);
        Equivalence.sameItems("small get, Dynarecord", expected, smallFinder.mapper().toItem(smallGetDynarecord()));
        Equivalence.sameItems("small get, Enhanced", expected, TableSchema.fromBean(SmallBean.class).itemToMap(smallGetEnhanced(), true));
        Equivalence.sameItems("small get, raw", expected, SmallRawMapper.toItem(smallGetRaw()));
        expected = LargeRawMapper.toItem(largePojo);
        Equivalence.sameItems("large get, Dynarecord", expected, largeFinder.mapper().toItem(largeGetDynarecord()));
        Equivalence.sameItems("large get, Enhanced", expected, TableSchema.fromBean(LargeBean.class).itemToMap(largeGetEnhanced(), true));
        Equivalence.sameItems("large get, raw", expected, LargeRawMapper.toItem(largeGetRaw()));
    }

    /** Closes the sessions (they do not own the stubs). */
    @TearDown(Level.Trial)
    public void tearDown() {
        smallSession.close();
        largeSession.close();
        nestedSession.close();
    }

    // ---- put ----

    /** @return whether it was saved */
    @Benchmark
    public boolean smallPutDynarecord() {
        return new SmallRecord(smallRecord).using(smallSession).save();
    }

    /** @return the bean sent */
    @Benchmark
    public SmallBean smallPutEnhanced() {
        SmallBean bean = new SmallBean(smallBean);
        smallTable.putItem(bean);
        return bean;
    }

    /** @return the response */
    @Benchmark
    public Object smallPutRaw() {
        return smallStub.putItem(PutItemRequest.builder().tableName("small").item(SmallRawMapper.toItem(new SmallPojo(smallPojo)))
                .conditionExpression(NEW_ITEM_CONDITION).expressionAttributeNames(SMALL_CONDITION_NAMES).build());
    }

    /** @return whether it was saved */
    @Benchmark
    public boolean largePutDynarecord() {
        return new LargeRecord(largeRecord).using(largeSession).save();
    }

    /** @return the bean sent */
    @Benchmark
    public LargeBean largePutEnhanced() {
        LargeBean bean = new LargeBean(largeBean);
        largeTable.putItem(bean);
        return bean;
    }

    /** @return the response */
    @Benchmark
    public Object largePutRaw() {
        return largeStub.putItem(PutItemRequest.builder().tableName("large").item(LargeRawMapper.toItem(new LargePojo(largePojo)))
                .conditionExpression(NEW_ITEM_CONDITION).expressionAttributeNames(LARGE_CONDITION_NAMES).build());
    }

    // ---- get ----

    /** @return the record */
    @Benchmark
    public SmallRecord smallGetDynarecord() {
        return smallFinder.byId(smallPojo.id);
    }

    /** @return the bean */
    @Benchmark
    public SmallBean smallGetEnhanced() {
        return smallTable.getItem(Key.builder().partitionValue(smallPojo.id).build());
    }

    /** @return the pojo */
    @Benchmark
    public SmallPojo smallGetRaw() {
        return SmallRawMapper.fromItem(smallStub.getItem(
                GetItemRequest.builder().tableName("small").key(SmallRawMapper.key(smallPojo.id)).build()).item());
    }

    /** @return the record */
    @Benchmark
    public LargeRecord largeGetDynarecord() {
        return largeFinder.byId(largePojo.id);
    }

    /** @return the bean */
    @Benchmark
    public LargeBean largeGetEnhanced() {
        return largeTable.getItem(Key.builder().partitionValue(largePojo.id).build());
    }

    /** @return the pojo */
    @Benchmark
    public LargePojo largeGetRaw() {
        return LargeRawMapper.fromItem(largeStub.getItem(
                GetItemRequest.builder().tableName("large").key(LargeRawMapper.key(largePojo.id)).build()).item());
    }

    // ---- nested: a document and a list of documents ----

    /** @return whether it was saved */
    @Benchmark
    public boolean nestedPutDynarecord() {
        return new NestedRecord(nestedRecord).using(nestedSession).save();
    }

    /** @return the bean sent */
    @Benchmark
    public NestedBean nestedPutEnhanced() {
        NestedBean bean = new NestedBean(nestedBean);
        nestedTable.putItem(bean);
        return bean;
    }

    /** @return the response */
    @Benchmark
    public Object nestedPutRaw() {
        return nestedStub.putItem(PutItemRequest.builder().tableName("nested")
                .item(NestedRawMapper.toItem(new NestedPojo(nestedPojo))).conditionExpression(NEW_ITEM_CONDITION)
                .expressionAttributeNames(SMALL_CONDITION_NAMES).build());
    }

    /** @return the record */
    @Benchmark
    public NestedRecord nestedGetDynarecord() {
        return nestedFinder.byId(nestedPojo.id);
    }

    /** @return the bean */
    @Benchmark
    public NestedBean nestedGetEnhanced() {
        return nestedTable.getItem(Key.builder().partitionValue(nestedPojo.id).build());
    }

    /** @return the pojo */
    @Benchmark
    public NestedPojo nestedGetRaw() {
        return NestedRawMapper.fromItem(nestedStub.getItem(
                GetItemRequest.builder().tableName("nested").key(NestedRawMapper.key(nestedPojo.id)).build()).item());
    }
}
