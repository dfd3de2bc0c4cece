package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.ItemMapper;
import dev.dynarecord.Key;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.AfterFind;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The public mapping API: records to items and back with nothing sent, checked against the engine
 * through the raw SDK client (what a Lambda processing DynamoDB Streams, or raw SDK code, does).
 */
@DynarecordTest
class ItemMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Table(name = "mapped_articles")
    public static class Article extends Model<Article> {
        public static final Finder<Article> find = finder(Article.class);

        @HashKey public String slug;
        @Field public String title;
        @Field public int views;
        @Field public Set<String> tags;
        @Field @Index(range = true, shards = 4) public Instant publishedAt;
        public int finds;

        @AfterFind
        void found() {
            finds++;
        }
    }

    /** A private field: the processor cannot reach it from the package, so it is reached by a method handle. */
    public static class Secretive extends Model<Secretive> {
        @HashKey public String code;
        @Field private String secret;
    }

    /** A type no converter knows and that is not marked serialized. */
    public static class Unmappable extends Model<Unmappable> {
        @Field public Thread worker;
    }

    @Test
    void saysWhetherItsModelsFieldAccessIsGenerated(Session session) {
        boolean generated = !"reflective".equals(System.getProperty("dynarecord.accessors"));
        ItemMapper<Article> articles = session.mapper(Article.class);
        assertThat(articles.generatedAccess()).isEqualTo(generated);
        assertThat(articles.toString()).isEqualTo("ItemMapper{Article -> " + articles.tableName()
                + (generated ? ", generated access" : "") + "}");
        assertThat(session.mapper(Secretive.class).generatedAccess()).as("a private field").isFalse();
    }

    @BeforeAll
    static void tables(Session session) {
        session.tables().create(Article.class);
        session.tables().create(Event.class);
    }

    private static Article article(String slug, int views) {
        Article a = new Article();
        a.slug = slug;
        a.title = "About " + slug;
        a.views = views;
        a.tags = Set.of("java", "dynamodb");
        a.publishedAt = T0.plusSeconds(views);
        return a;
    }

    private static Map<String, AttributeValue> rawGet(Session session, ItemMapper<?> mapper, Map<String, AttributeValue> key) {
        return session.client().getItem(GetItemRequest.builder().tableName(mapper.tableName()).key(key).consistentRead(true)
                .build()).item();
    }

    @Test
    void mappersOfASessionAndOfAFinderAgree(Session session) {
        ItemMapper<Article> mapper = session.mapper(Article.class);
        assertThat(mapper.type()).isEqualTo(Article.class);
        assertThat(mapper.tableName()).isEqualTo(session.tableName(Article.class)).endsWith("_mapped_articles");
        assertThat(Article.find.mapper().tableName()).isEqualTo(mapper.tableName());
        assertThat(Article.find.using(session).mapper().tableName()).isEqualTo(mapper.tableName());
        assertThat(mapper.toString()).contains("Article", mapper.tableName());
    }

    @Test
    void toItemPutThroughTheRawClientIsWhatTheFinderReads(Session session, RequestRecorder recorder) {
        ItemMapper<Article> mapper = session.mapper(Article.class);
        Article a = article("raw-put", 7);
        Map<String, AttributeValue> item = mapper.toItem(a);
        assertThat(recorder.count()).as("mapping sends nothing").isZero();
        assertThat(item).containsEntry("slug", AttributeValue.fromS("raw-put"))
                .containsEntry("views", AttributeValue.fromN("7"))
                .containsEntry("publishedAt", AttributeValue.fromS("2026-03-01T10:00:07.000000000Z"))
                .containsKey("publishedAt_shard")                     // the sharded index sees the item
                .doesNotContainKeys("finds", "createdAt", "lockVersion"); // not stored; null; never saved
        assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("java", "dynamodb");

        session.client().putItem(PutItemRequest.builder().tableName(mapper.tableName()).item(item).build());

        Article found = Article.find.byId("raw-put");
        assertThat(found.toMap()).isEqualTo(a.toMap());
        assertThat(Article.find.where("publishedAt").between(T0.plusSeconds(7), T0.plusSeconds(7)).all())
                .extracting(x -> x.slug).containsExactly("raw-put");
        found.views = 8;
        found.saveOrThrow();                                          // an item without a lock version is version 0
        assertThat(Article.find.byId("raw-put").views).isEqualTo(8);
        assertThat(found.lockVersion()).isEqualTo(1);
    }

    @Test
    void fromItemOfARawGetItemIsTheRecordTheFinderLoads(Session session, RequestRecorder recorder) {
        ItemMapper<Article> mapper = Article.find.mapper();
        Article created = Article.find.create(x -> {
            x.slug = "raw-get";
            x.title = "first";
            x.views = 1;
            x.publishedAt = T0;
        });
        created.update(x -> x.title = "second");                      // lock version 2
        Map<String, AttributeValue> item = rawGet(session, mapper, mapper.key(created));
        recorder.clear();

        Article mapped = mapper.fromItem(item);
        assertThat(recorder.count()).as("mapping sends nothing").isZero();
        Article found = Article.find.byId("raw-get");
        assertThat(mapped.toMap()).isEqualTo(found.toMap());
        assertThat(mapped).isEqualTo(found);
        assertThat(mapped.isPersisted()).isTrue();
        assertThat(mapped.isNewRecord()).isFalse();
        assertThat(mapped.hasChanges()).isFalse();
        assertThat(mapped.lockVersion()).isEqualTo(2).isEqualTo(found.lockVersion());
        assertThat(mapped.finds).as("after_find ran, as for a find").isEqualTo(1);
        assertThat(mapped.session()).isSameAs(session);
        assertThat(mapper.toItem(mapped)).as("back to the same item, lock version included").isEqualTo(item);

        mapped.views = 5;
        assertThat(mapped.changed()).containsExactly("views");
        mapped.saveOrThrow();                                         // an update guarded by lock version 2
        assertThat(Article.find.byId("raw-get", dev.dynarecord.ReadOptions.consistent()).views).isEqualTo(5);
        Article stale = mapper.fromItem(item);                       // the same item again: now out of date
        stale.views = 6;
        assertThatThrownBy(stale::save).isInstanceOf(StaleRecordException.class).hasMessageContaining("lockVersion is 3");
    }

    @Test
    void keysOfRecordsKeyValuesAndItems(Session session) {
        ItemMapper<Event> events = session.mapper(Event.class);
        Event e = new Event("orders", 42L, "placed");
        assertThat(events.key(e)).isEqualTo(Map.of("stream", AttributeValue.fromS("orders"), "sequence", AttributeValue.fromN("42")));
        assertThat(events.key(Key.of("orders", 42L))).isEqualTo(events.key(e));
        assertThat(events.key(Key.of("orders", 42))).as("widened as byId widens").isEqualTo(events.key(e));

        session.client().putItem(b -> b.tableName(events.tableName()).item(events.toItem(e)));
        Map<String, AttributeValue> stored = rawGet(session, events, events.key(Key.of("orders", 42L)));
        assertThat(events.keyOf(stored)).isEqualTo(Key.of("orders", 42L));
        assertThat(events.keyOf(events.key(e))).isEqualTo(e.key());
        assertThat(Event.find.byKey(events.keyOf(stored)).payload).isEqualTo("placed");

        ItemMapper<Article> articles = session.mapper(Article.class);
        assertThat(articles.key(article("k", 1))).isEqualTo(Map.of("slug", AttributeValue.fromS("k")));
        assertThat(articles.key(Key.of("k"))).isEqualTo(Map.of("slug", AttributeValue.fromS("k")));
        assertThat(articles.keyOf(Map.of("slug", AttributeValue.fromS("k")))).isEqualTo(Key.of("k"));
    }

    /** What a Lambda on the table's stream (NEW_AND_OLD_IMAGES) does with each record. */
    @Test
    void streamImagesAreProcessedAsLoadedRecords(Session session) {
        ItemMapper<Article> mapper = session.mapper(Article.class);
        Article a = Article.find.create(x -> {
            x.slug = "streamed";
            x.title = "v1";
            x.views = 10;
            x.publishedAt = T0;
        });
        Map<String, AttributeValue> v1 = rawGet(session, mapper, mapper.key(a));
        a.update(x -> x.views = 11);
        Map<String, AttributeValue> v2 = rawGet(session, mapper, mapper.key(a));
        Map<String, AttributeValue> keys = mapper.key(a);
        List<Record> batch = List.of(
                event(OperationType.INSERT, keys, null, v1),
                event(OperationType.MODIFY, keys, v1, v2),
                event(OperationType.REMOVE, keys, v2, null));

        List<String> seen = new ArrayList<>();
        for (Record r : batch) {
            StreamRecord change = r.dynamodb();
            switch (r.eventName()) {
                case INSERT -> seen.add("inserted " + mapper.fromItem(change.newImage()).views);
                case MODIFY -> {
                    Article before = mapper.fromItem(change.oldImage());
                    Article after = mapper.fromItem(change.newImage());
                    seen.add("views " + before.views + " -> " + after.views + ", lock " + before.lockVersion() + " -> "
                            + after.lockVersion());
                }
                case REMOVE -> seen.add("removed " + mapper.keyOf(change.keys()) + " (was " + mapper.fromItem(change.oldImage())
                        .title + ")");
                default -> seen.add("?");
            }
        }
        assertThat(seen).containsExactly("inserted 10", "views 10 -> 11, lock 1 -> 2", "removed 'streamed' (was v1)");

        StreamRecord removal = batch.get(2).dynamodb();
        assertThat(removal.hasNewImage()).isFalse();
        assertThatThrownBy(() -> mapper.fromItem(removal.newImage())).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("has no 'slug'").hasMessageContaining("OLD_IMAGE");
        Article latest = mapper.fromItem(batch.get(1).dynamodb().newImage());
        latest.title = "edited from the stream";
        latest.saveOrThrow();                                         // the newest image is current: no conflict
        assertThat(Article.find.byId("streamed").title).isEqualTo("edited from the stream");
    }

    private static Record event(OperationType type, Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {
        StreamRecord.Builder change = StreamRecord.builder().keys(keys);
        if (oldImage != null) {
            change.oldImage(oldImage);
        }
        if (newImage != null) {
            change.newImage(newImage);
        }
        return Record.builder().eventName(type).dynamodb(change.build()).build();
    }

    // ---- bad input: a named exception that says what to change, nothing sent ----

    @Test
    void fromItemRefusesWhatIsNotAnItemOfTheModel(Session session, RequestRecorder recorder) {
        ItemMapper<Article> mapper = session.mapper(Article.class);
        recorder.clear();
        assertThatThrownBy(() -> mapper.fromItem(null)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Article").hasMessageContaining("fromItem was given null").hasMessageContaining("OLD_IMAGE");
        assertThatThrownBy(() -> mapper.fromItem(Map.of("title", AttributeValue.fromS("no key"))))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("has no 'slug' (hash key)").hasMessageContaining(mapper.tableName())
                .hasMessageContaining("pass a whole item").hasMessageContaining("[title]");
        assertThatThrownBy(() -> mapper.fromItem(Map.of("slug", AttributeValue.fromNul(true))))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("has no 'slug'");

        Map<String, AttributeValue> wrongType = new HashMap<>(mapper.toItem(article("typed", 3)));
        wrongType.put("views", AttributeValue.fromS("many"));
        assertThatThrownBy(() -> mapper.fromItem(wrongType)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Article.views").hasMessageContaining("type N but found S");
        Map<String, AttributeValue> wrongKeyType = new HashMap<>(wrongType);
        wrongKeyType.put("views", AttributeValue.fromN("3"));
        wrongKeyType.put("slug", AttributeValue.fromN("12"));
        assertThatThrownBy(() -> mapper.fromItem(wrongKeyType)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Article.slug");
        assertThat(recorder.count()).isZero();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void toItemAndKeyRefuseRecordsThatCannotBeStored(Session session, RequestRecorder recorder) {
        ItemMapper<Article> mapper = session.mapper(Article.class);
        recorder.clear();
        assertThatThrownBy(() -> mapper.toItem(null)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Article").hasMessageContaining("toItem was given null instead of a record");
        Article keyless = article(null, 1);
        assertThatThrownBy(() -> mapper.toItem(keyless)).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("Article.slug (hash key) is missing").hasMessageContaining("set it first");
        assertThatThrownBy(() -> mapper.toItem(article("", 1))).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("Article.slug").hasMessageContaining("empty");
        assertThatThrownBy(() -> mapper.toItem(article("x".repeat(2049), 1))).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("2049 bytes");
        ItemMapper raw = mapper;
        assertThatThrownBy(() -> raw.toItem(new Event("s", 1, "p"))).isInstanceOf(ConversionException.class)
                .hasMessageContaining("was given a " + Event.class.getName()).hasMessageContaining("session.mapper(Event.class)");

        assertThatThrownBy(() -> mapper.key((Article) null)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("key was given null");
        assertThatThrownBy(() -> mapper.key(keyless)).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("Article.slug (hash key) is missing");
        assertThatThrownBy(() -> mapper.key((Key) null)).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("key(Key) was given null").hasMessageContaining("Key.of(hash)");
        assertThatThrownBy(() -> mapper.key(Key.of("a", 1L))).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("has no range key");
        assertThatThrownBy(() -> session.mapper(Event.class).key(Key.of("orders"))).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("Event.sequence (range key) is missing");
        assertThatThrownBy(() -> session.mapper(Event.class).key(Key.of("orders", "first")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("Event.sequence");

        assertThatThrownBy(() -> mapper.keyOf(null)).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("keyOf was given null").hasMessageContaining("[slug]");
        assertThatThrownBy(() -> session.mapper(Event.class).keyOf(Map.of("stream", AttributeValue.fromS("s"))))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("has no 'sequence' (range key)")
                .hasMessageContaining("Keys");
        assertThatThrownBy(() -> session.mapper(Event.class).keyOf(Map.of("stream", AttributeValue.fromS("s"),
                "sequence", AttributeValue.fromS("one")))).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Event.sequence");
        assertThat(recorder.count()).isZero();
    }

    @Test
    void aClassThatCannotBeMappedIsRefusedWhenItsMapperIsMade(Session session) {
        assertThatThrownBy(() -> session.mapper(Unmappable.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("worker");
        assertThatThrownBy(() -> session.mapper((Class<Article>) null)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("pass the model class");
    }
}
