package dev.dynarecord.it;

import static dev.dynarecord.it.BadInputTest.throwsNothingSent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.ItemTooLargeException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values DynamoDB refuses inside an item, and key values it refuses in a Query: each a named
 * exception before any request, and a refused save leaves the record as it was.
 */
@DynarecordTest
class BadInputLimitsTest {

    /** Maps, lists and number sets, and keys of two global indexes (one with a range key). */
    @Table(name = "documents")
    public static class Doc extends Model<Doc> {
        public static final Finder<Doc> find = finder(Doc.class);
        @Field @Index public String owner;
        @Field @GlobalIndex(rangeKey = "title") public String shelf;
        @Field public String title;
        @Field public Map<String, Object> body;
        @Field public Map<String, String> labels;
        @Field public List<Object> entries;
        @Field public Set<BigDecimal> amounts;
        @Field public Set<Double> ratios;
    }

    /** String hash and range keys. */
    public static class Sample extends Model<Sample> {
        public static final Finder<Sample> find = finder(Sample.class);
        @HashKey public String sensor;
        @RangeKey public String at;
    }

    @BeforeAll
    static void createTables() {
        Doc.find.exists("warm-up");
        Sample.find.exists("warm-up", "warm-up");
    }

    /** {@code maps} maps inside one another, the innermost holding a string. */
    static Map<String, Object> maps(int maps) {
        Object value = "leaf";
        for (int i = 0; i < maps; i++) {
            value = Map.of("k", value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    /** {@code lists} lists inside one another, the innermost holding a string. */
    static List<Object> lists(int lists) {
        Object value = "leaf";
        for (int i = 0; i < lists; i++) {
            value = List.of(value);
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    private static int depth(Object value) {
        return value instanceof Map<?, ?> m ? 1 + depth(m.values().iterator().next())
                : value instanceof List<?> l ? 1 + depth(l.get(0)) : 0;
    }

    /** Saving a new record is refused before any request, and leaves it as it was: new, no id, no timestamps. */
    private static void saveRefused(RequestRecorder recorder, Doc doc, Class<? extends Throwable> type, String... mentions) {
        throwsNothingSent(recorder, doc::save, type, mentions);
        assertThat(doc.isNewRecord()).isTrue();
        assertThat(doc.id()).isNull();
        assertThat(doc.createdAt()).isNull();
    }

    private static Doc saved() {
        Doc doc = new Doc();
        doc.title = "saved";
        doc.saveOrThrow();
        return doc;
    }

    @Test
    void mapsAndListsNestedDeeperThanDynamoDbStores(RequestRecorder recorder) {
        Doc doc = new Doc();
        doc.body = maps(32);
        saveRefused(recorder, doc, ConversionException.class, "Doc.body", "nested more than 31 deep", "serialized");
        doc.body = null;
        doc.entries = lists(32);
        saveRefused(recorder, doc, ConversionException.class, "Doc.entries", "nested more than 31 deep");
        doc.entries = List.of(Map.of("a", lists(31)));
        saveRefused(recorder, doc, ConversionException.class, "Doc.entries");

        doc.entries = lists(31); // 31 levels of lists inside the item: the deepest DynamoDB stores
        doc.body = maps(31);
        doc.saveOrThrow();
        Doc loaded = Doc.find.byId(doc.id());
        assertThat(depth(loaded.body)).isEqualTo(31);
        assertThat(depth(loaded.entries)).isEqualTo(31);
    }

    @Test
    void atomicUpdatesNestingTooDeep(RequestRecorder recorder) {
        Object id = saved().id();
        throwsNothingSent(recorder, () -> Doc.find.update(id, u -> u.set("body", maps(32))), ConversionException.class,
                "Doc.body", "nested more than 31 deep");
        throwsNothingSent(recorder, () -> Doc.find.update(id, u -> u.setIfNotExists("entries", lists(32))),
                ConversionException.class, "Doc.entries");
        // an appended element sits inside the stored list: 31 maps in it make 32 levels
        throwsNothingSent(recorder, () -> Doc.find.update(id, u -> u.append("entries", maps(31))), ConversionException.class,
                "Doc.entries", "nested more than 31 deep");
        throwsNothingSent(recorder, () -> Doc.find.update(id, u -> u.prepend("entries", "x", maps(31))),
                ConversionException.class, "Doc.entries");
        Doc updated = Doc.find.update(id, u -> u.append("entries", maps(30)).set("body", maps(31)));
        assertThat(depth(updated.entries)).isEqualTo(31);
        assertThat(depth(updated.body)).isEqualTo(31);
    }

    @Test
    void anAtomicUpdateWhoseOwnValuesAreOver400KbIsRefusedFirst(RequestRecorder recorder) {
        Object id = saved().id();
        String half = "x".repeat(210 * 1024);
        throwsNothingSent(recorder, () -> Doc.find.update(id, u -> u.set("body", Map.of("k", half)).append("entries", half)),
                ItemTooLargeException.class, "after the update", "400 KB");
        throwsNothingSent(recorder, () -> Doc.find.upsert("new-doc", u -> u.set("labels", Map.of("k", half + half))),
                ItemTooLargeException.class, "labels");
    }

    @Test
    void numberSetsWithElementsEqualAsNumbers(RequestRecorder recorder) {
        Doc doc = new Doc();
        doc.amounts = Set.of(new BigDecimal("1.0"), new BigDecimal("1.00")); // distinct in Java, one number in DynamoDB
        saveRefused(recorder, doc, ConversionException.class, "Doc.amounts", "1.0", "1.00", "keep one");
        doc.amounts = Set.of(new BigDecimal("10"), new BigDecimal("1E+1"));
        saveRefused(recorder, doc, ConversionException.class, "Doc.amounts", "1E+1");
        doc.amounts = null;
        doc.ratios = new HashSet<>(List.of(0.0, -0.0)); // -0.0 is stored as 0
        saveRefused(recorder, doc, ConversionException.class, "Doc.ratios", "-0.0");
        doc.ratios = null;
        doc.body = Map.of("untyped", Set.of(1, 1L));
        saveRefused(recorder, doc, ConversionException.class, "Doc.body", "same number");

        Object id = saved().id();
        throwsNothingSent(recorder, () -> Doc.find.update(id, u -> u.set("amounts", Set.of(new BigDecimal("2.50"),
                new BigDecimal("2.5")))), ConversionException.class, "Doc.amounts", "2.5");
        throwsNothingSent(recorder, () -> Doc.find.update(id, u -> u.setIfNotExists("ratios", new HashSet<>(List.of(-0.0, 0.0)))),
                ConversionException.class, "Doc.ratios");
        // addToSet and removeFromSet send each number once, as DynamoDB sees them: 1.0 and 1.00 are one element
        Doc updated = Doc.find.update(id, u -> u.addToSet("amounts", new BigDecimal("1.0"), new BigDecimal("1.00"), 2)
                .addToSet("ratios", 0.0, -0.0, 0.5));
        assertThat(updated.amounts).hasSize(2);
        assertThat(updated.ratios).containsExactlyInAnyOrder(0.0, 0.5);
        updated = Doc.find.update(id, u -> u.removeFromSet("ratios", -0.0, 0.0));
        assertThat(updated.ratios).containsExactly(0.5);
        doc.body = null;
        doc.amounts = Set.of(BigDecimal.ONE, new BigDecimal("1.5"), BigDecimal.TEN);
        doc.ratios = Set.of(-0.5, 0.0, 0.5);
        doc.saveOrThrow();
        assertThat(Doc.find.byId(doc.id()).amounts).hasSize(3);
    }

    @Test
    void emptyStringsAsMapKeys(RequestRecorder recorder) {
        Doc doc = new Doc();
        doc.labels = Map.of("", "x");
        saveRefused(recorder, doc, ConversionException.class, "Doc.labels", "the map at labels", "empty string as a key");
        doc.labels = null;
        doc.body = Map.of("a", List.of("x", Map.of("", 1)));
        saveRefused(recorder, doc, ConversionException.class, "Doc.body", "the map at body.a[1]", "rename or drop");

        Doc stored = saved();
        Instant updatedAt = stored.updatedAt();
        stored.body = Map.of("ok", Map.of("", true));
        throwsNothingSent(recorder, stored::save, ConversionException.class, "Doc.body", "body.ok");
        assertThat(stored.updatedAt()).isEqualTo(updatedAt);
        assertThat(Doc.find.byId(stored.id()).body).isNull();
        throwsNothingSent(recorder, () -> Doc.find.update(stored.id(), u -> u.set("labels", Map.of("", "x"))),
                ConversionException.class, "Doc.labels");
        throwsNothingSent(recorder, () -> Doc.find.update(stored.id(), u -> u.append("entries", Map.of("", "x"))),
                ConversionException.class, "Doc.entries", "the map at entries[0]");
    }

    @Test
    void emptyOrOversizedIndexKeysOnSave(RequestRecorder recorder) {
        Doc doc = new Doc();
        doc.owner = "";
        saveRefused(recorder, doc, InvalidKeyException.class, "Doc.owner", "hash key of global index", "empty", "leave it null");
        doc.owner = null;
        doc.shelf = "s";
        doc.title = "";
        saveRefused(recorder, doc, InvalidKeyException.class, "Doc.title", "range key of global index", "empty");
        doc.title = "t";
        doc.owner = "é".repeat(1025); // 2050 UTF-8 bytes
        saveRefused(recorder, doc, InvalidKeyException.class, "Doc.owner", "2050", "2048");
        doc.owner = "o";
        doc.title = "y".repeat(1025);
        saveRefused(recorder, doc, InvalidKeyException.class, "Doc.title", "1025", "1024");

        Object id = saved().id();
        throwsNothingSent(recorder, () -> Doc.find.update(id, u -> u.set("owner", "")), InvalidKeyException.class,
                "Doc.owner", "empty");
        throwsNothingSent(recorder, () -> Doc.find.update(id, u -> u.setIfNotExists("shelf", "")), InvalidKeyException.class,
                "Doc.shelf");
        doc.title = "";
        doc.shelf = null;
        doc.owner = null;
        saveRefused(recorder, doc, InvalidKeyException.class, "Doc.title"); // DynamoDB checks each index key it is given
    }

    @Test
    void emptyKeyValuesInKeyConditions(RequestRecorder recorder) {
        throwsNothingSent(recorder, () -> Doc.find.where("owner", "").all(), InvalidQueryException.class,
                "Doc.owner", "hash key of global index", "empty", "drop the condition");
        throwsNothingSent(recorder, () -> Doc.find.where("shelf", "s").where("title.begins_with", "").all(),
                InvalidQueryException.class, "Doc.title", "range key of global index");
        throwsNothingSent(recorder, () -> Doc.find.where("id", "").first(), InvalidQueryException.class, "Doc.id", "hash key");
        throwsNothingSent(recorder, () -> Sample.find.where("sensor", "s").where("at.between", List.of("", "b")).count(),
                InvalidQueryException.class, "Sample.at", "range key", "empty");
        throwsNothingSent(recorder, () -> Sample.find.where("sensor", "s").where("at.gt", "").explain(),
                InvalidQueryException.class, "Sample.at");

        // Only key conditions: a filter may compare an index key with the empty string.
        recorder.clear();
        assertThat(Doc.find.where("id", "nobody").where("owner", "").all()).isEmpty();
        assertThat(recorder.summary()).containsExactly("Query " + Doc.find.tableName());
    }

    @Test
    void keyValuesOverTheSizeLimitsInKeyConditions(RequestRecorder recorder) {
        String hash = "é".repeat(1025); // 2050 UTF-8 bytes
        throwsNothingSent(recorder, () -> Sample.find.where("sensor", hash).all(), InvalidQueryException.class,
                "Sample.sensor", "2050", "2048");
        throwsNothingSent(recorder, () -> Doc.find.where("owner", hash).all(), InvalidQueryException.class, "Doc.owner", "2048");
        throwsNothingSent(recorder, () -> Sample.find.where("sensor", "s").where("at.begins_with", "y".repeat(1025)).all(),
                InvalidQueryException.class, "Sample.at", "1025", "1024");
        throwsNothingSent(recorder, () -> Doc.find.where("shelf", "s").where("title", "y".repeat(1025)).all(),
                InvalidQueryException.class, "Doc.title", "1024");

        // byId and where refuse the same values, with the same words
        throwsNothingSent(recorder, () -> Sample.find.byId(hash, "a"), InvalidKeyException.class,
                "Sample.sensor", "2050", "2048");
        assertThat(Sample.find.where("sensor", "x".repeat(2048)).where("at", "y".repeat(1024)).all()).isEmpty();
    }
}
