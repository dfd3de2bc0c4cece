package dev.dynarecord.benchmarks;

import dev.dynarecord.ItemMapper;
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
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mapping only, no client: model to item ({@code toItem}) and item to model ({@code fromItem}), for
 * the small (6 attributes), large (40 attributes) and nested (a name, an embedded address document
 * and a list of three) models, three ways: Dynarecord's public
 * {@link ItemMapper} (its {@code fromItem} makes a loaded record, as a find does: dirty tracking,
 * lock version, callbacks), the Enhanced Client's bean {@link TableSchema}, and hand-written raw
 * mapping (the floor). Every flavour reads the same item and writes an equal one ({@link Equivalence}).
 *
 * <pre>
 * java -cp ... org.openjdk.jmh.Main MappingBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MappingBenchmark {

    private Session session;
    private ItemMapper<SmallRecord> dynarecordSmall;
    private ItemMapper<LargeRecord> dynarecordLarge;
    private TableSchema<SmallBean> enhancedSmall;
    private TableSchema<LargeBean> enhancedLarge;
    private ItemMapper<NestedRecord> dynarecordNested;
    private TableSchema<NestedBean> enhancedNested;
    private NestedRecord nestedRecord;
    private NestedBean nestedBean;
    private NestedPojo nestedPojo;
    private Map<String, AttributeValue> nestedItem;

    private SmallRecord smallRecord;
    private SmallBean smallBean;
    private SmallPojo smallPojo;
    private LargeRecord largeRecord;
    private LargeBean largeBean;
    private LargePojo largePojo;

    /** The stored items every flavour reads (equal for all three, checked in setup). */
    private Map<String, AttributeValue> smallItem;
    private Map<String, AttributeValue> largeItem;

    /** Checks the flavours are equivalent, then builds mappers and schemas (cold cost excluded) and fixtures. */
    @Setup(Level.Trial)
    public void setUp() {
        Equivalence.verify();
        session = Equivalence.mappingSession();
        dynarecordSmall = session.mapper(SmallRecord.class);
        dynarecordLarge = session.mapper(LargeRecord.class);
        enhancedSmall = TableSchema.fromBean(SmallBean.class);
        enhancedLarge = TableSchema.fromBean(LargeBean.class);
        smallRecord = Fixtures.smallRecord();
        smallBean = Fixtures.smallBean();
        smallPojo = Fixtures.smallPojo();
        largeRecord = Fixtures.largeRecord();
        largeBean = Fixtures.largeBean();
        largePojo = Fixtures.largePojo();
        smallItem = SmallRawMapper.toItem(smallPojo);
        largeItem = LargeRawMapper.toItem(largePojo);
        dynarecordNested = session.mapper(NestedRecord.class);
        enhancedNested = TableSchema.fromBean(NestedBean.class);
        nestedRecord = NestedPojo.fixtureRecord();
        nestedBean = NestedPojo.fixtureBean();
        nestedPojo = NestedPojo.fixture();
        nestedItem = NestedRawMapper.toItem(nestedPojo);
        Equivalence.sameItems("nested toItem, Dynarecord", nestedItem, nestedToItemDynarecord());
        Equivalence.sameItems("nested toItem, Enhanced", nestedItem, nestedToItemEnhanced());
        Equivalence.sameItems("nested fromItem, Dynarecord", nestedItem, dynarecordNested.toItem(nestedFromItemDynarecord()));
        Equivalence.sameItems("nested fromItem, Enhanced", nestedItem, enhancedNested.itemToMap(nestedFromItemEnhanced(), true));
        Equivalence.sameItems("nested fromItem, raw", nestedItem, NestedRawMapper.toItem(nestedFromItemRaw()));
    }

    /** Closes the mapping session (it sends nothing; its stub client is not closed). */
    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    // ---- small: model -> item ----

    /** @return the item */
    @Benchmark
    public Map<String, AttributeValue> smallToItemDynarecord() {
        return dynarecordSmall.toItem(smallRecord);
    }

    /** @return the item */
    @Benchmark
    public Map<String, AttributeValue> smallToItemEnhanced() {
        return enhancedSmall.itemToMap(smallBean, true);
    }

    /** @return the item */
    @Benchmark
    public Map<String, AttributeValue> smallToItemRaw() {
        return SmallRawMapper.toItem(smallPojo);
    }

    // ---- small: item -> model ----

    /** @return the model */
    @Benchmark
    public SmallRecord smallFromItemDynarecord() {
        return dynarecordSmall.fromItem(smallItem);
    }

    /** @return the model */
    @Benchmark
    public SmallBean smallFromItemEnhanced() {
        return enhancedSmall.mapToItem(smallItem);
    }

    /** @return the model */
    @Benchmark
    public SmallPojo smallFromItemRaw() {
        return SmallRawMapper.fromItem(smallItem);
    }

    // ---- large: model -> item ----

    /** @return the item */
    @Benchmark
    public Map<String, AttributeValue> largeToItemDynarecord() {
        return dynarecordLarge.toItem(largeRecord);
    }

    /** @return the item */
    @Benchmark
    public Map<String, AttributeValue> largeToItemEnhanced() {
        return enhancedLarge.itemToMap(largeBean, true);
    }

    /** @return the item */
    @Benchmark
    public Map<String, AttributeValue> largeToItemRaw() {
        return LargeRawMapper.toItem(largePojo);
    }

    // ---- large: item -> model ----

    /** @return the model */
    @Benchmark
    public LargeRecord largeFromItemDynarecord() {
        return dynarecordLarge.fromItem(largeItem);
    }

    /** @return the model */
    @Benchmark
    public LargeBean largeFromItemEnhanced() {
        return enhancedLarge.mapToItem(largeItem);
    }

    /** @return the model */
    @Benchmark
    public LargePojo largeFromItemRaw() {
        return LargeRawMapper.fromItem(largeItem);
    }

    // ---- nested: a document and a list of documents ----

    /** @return the item */
    @Benchmark
    public Map<String, AttributeValue> nestedToItemDynarecord() {
        return dynarecordNested.toItem(nestedRecord);
    }

    /** @return the item */
    @Benchmark
    public Map<String, AttributeValue> nestedToItemEnhanced() {
        return enhancedNested.itemToMap(nestedBean, true);
    }

    /** @return the item */
    @Benchmark
    public Map<String, AttributeValue> nestedToItemRaw() {
        return NestedRawMapper.toItem(nestedPojo);
    }

    /** @return the model */
    @Benchmark
    public NestedRecord nestedFromItemDynarecord() {
        return dynarecordNested.fromItem(nestedItem);
    }

    /** @return the model */
    @Benchmark
    public NestedBean nestedFromItemEnhanced() {
        return enhancedNested.mapToItem(nestedItem);
    }

    /** @return the model */
    @Benchmark
    public NestedPojo nestedFromItemRaw() {
        return NestedRawMapper.fromItem(nestedItem);
    }
}
