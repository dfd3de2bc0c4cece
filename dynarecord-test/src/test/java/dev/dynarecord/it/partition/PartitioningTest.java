package dev.dynarecord.it.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.Partitioning;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.it.FaultySessions;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

/**
 * Write partitioning on the embedded engine: each save writes one copy, reads by key and queries
 * give each record once, its newest copy; destroys leave no copy; what cannot be made sound is
 * refused before anything is sent.
 */
@DynarecordTest(global = false)
class PartitioningTest {

    /** A hot record: ten copies, and an index a query can read. */
    @Table(name = "hot_topics", partitioning = Partitioning.ON, partitionSize = 10)
    public static class Topic extends Model<Topic> {
        public static final Finder<Topic> find = finder(Topic.class);

        @Field @GlobalIndex public String owner;
        @Field public String title;
        @Field public long views;
    }

    /** One copy: every save meets the copy the last one wrote, so a lost race is always seen. */
    @Table(name = "single_copy", partitioning = Partitioning.ON, partitionSize = 1)
    public static class Single extends Model<Single> {
        public static final Finder<Single> find = finder(Single.class);

        @Field public String title;
    }

    /** A declared String id: generated when null, as the magic one. */
    @Table(name = "named_hot", partitioning = Partitioning.ON, partitionSize = 4)
    public static class Named extends Model<Named> {
        public static final Finder<Named> find = finder(Named.class);

        @Field public String id;
    }

    private final Session session;
    private final Finder<Topic> topics;

    PartitioningTest(Session session) {
        this.session = session;
        this.topics = session.find(Topic.class);
    }

    private List<Map<String, AttributeValue>> stored(Class<?> type) {
        return FaultySessions.items(session, session.tableName(type));
    }

    private List<Map<String, AttributeValue>> copiesOf(Object id) {
        return stored(Topic.class).stream().filter(i -> i.get("id").s().startsWith(id + ".")).toList();
    }

    private Topic topic(String owner, String title) {
        Topic t = new Topic().using(session);
        t.owner = owner;
        t.title = title;
        t.saveOrThrow();
        return t;
    }

    @Test
    void eachSaveWritesOneWholeCopyAndEveryReadGivesTheNewest() {
        Topic t = topic("ada", "first");
        assertThat(copiesOf(t.id())).singleElement().satisfies(i -> {
            assertThat(i.get("id").s()).matches(t.id() + "\\.[0-9]");
            assertThat(i.get("title").s()).isEqualTo("first");
        });
        for (int i = 1; i <= 8; i++) {
            t.title = "title " + i;
            t.saveOrThrow();
        }
        assertThat(copiesOf(t.id())).hasSizeBetween(2, 9)
                .allSatisfy(i -> assertThat(i).containsKeys("owner", "title", "createdAt", "updatedAt", "lockVersion"));
        assertThat(copiesOf(t.id()).stream().mapToLong(i -> Long.parseLong(i.get("lockVersion").n())).max()).hasValue(9);

        Topic read = topics.byId(t.id());
        assertThat(read.id()).isEqualTo(t.id());
        assertThat(read.title).isEqualTo("title 8");
        assertThat(read.lockVersion()).isEqualTo(9);
        assertThat(topics.byIdOptional(t.id())).isPresent();
        assertThat(topics.exists(t.id())).isTrue();

        read.title = "from the reader";
        read.saveOrThrow();
        t.reload();
        assertThat(t.title).isEqualTo("from the reader");
        assertThat(t.lockVersion()).isEqualTo(10);
        java.time.Instant before = t.updatedAt();
        t.touch();
        assertThat(t.lockVersion()).isEqualTo(11);
        assertThat(topics.byId(t.id()).updatedAt()).isAfter(before);
        assertThat(topics.byId(t.id()).lockVersion()).isEqualTo(11);
    }

    @Test
    void copiesOverAHundredKeysAreReadInRequestsSentAtOnce() {
        List<Object> ids = java.util.stream.IntStream.range(0, 15).mapToObj(i -> (Object) topic("many", "t" + i).id()).toList();
        RequestRecorder recorder = new RequestRecorder();
        session.addListener(recorder);
        List<Topic> read;
        try {
            read = topics.byIds(ids);
        } finally {
            session.removeListener(recorder);
        }
        assertThat(read).extracting(Model::id).containsExactlyElementsOf(ids);
        assertThat(recorder.requests(BatchGetItemRequest.class)).as("150 keys: 100 and 50")
                .extracting(r -> r.requestItems().get(topics.tableName()).keys().size()).containsExactlyInAnyOrder(100, 50);
    }

    @Test
    void anImportWritesOneCopyOfEachNewRecord() {
        List<Topic> records = java.util.stream.IntStream.range(0, 30).mapToObj(i -> {
            Topic t = new Topic().using(session);
            t.owner = "importer";
            t.title = "imported " + i;
            return t;
        }).toList();
        assertThat(topics.importAll(records).written()).isEqualTo(30);
        assertThat(records).allSatisfy(t -> assertThat(copiesOf(t.id())).hasSize(1));
        assertThat(topics.byIds(records.stream().map(Model::id).toList())).hasSize(30);
        assertThat(topics.where("owner", "importer").count()).isEqualTo(30);
    }

    @Test
    void theMapperReadsACopyAsTheRecordItStands() {
        Topic t = topic("ada", "mapped");
        Map<String, AttributeValue> copy = copiesOf(t.id()).get(0);
        var mapper = session.mapper(Topic.class);
        assertThat(mapper.fromItem(copy).id()).isEqualTo(t.id());
        assertThat(mapper.keyOf(copy).hash()).isEqualTo(t.id());
        assertThat(mapper.toItem(t).get("id").s()).isEqualTo(t.id());
    }

    @Test
    void aReadByKeyIsOneBatchGetItemOfEveryCopy() {
        Topic t = topic("ada", "counted");
        RequestRecorder recorder = new RequestRecorder();
        session.addListener(recorder);
        try {
            topics.byId(t.id());
        } finally {
            session.removeListener(recorder);
        }
        List<BatchGetItemRequest> gets = recorder.requests(BatchGetItemRequest.class);
        assertThat(gets).singleElement().satisfies(r -> assertThat(r.requestItems().get(topics.tableName()).keys())
                .extracting(k -> k.get("id").s()).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 10).mapToObj(n -> t.id() + "." + n).toList()));
    }

    @Test
    void eightThreadsSavingOneRecordLeaveEveryReaderSeeingTheSameLastVersion() throws Exception {
        Topic t = topic("ada", "start");
        Thread[] threads = new Thread[8];
        for (int n = 0; n < threads.length; n++) {
            int thread = n;
            threads[n] = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    Topic mine = topics.byId(t.id(), dev.dynarecord.ReadOptions.consistent());
                    mine.title = "thread " + thread + " save " + i;
                    mine.views = i;
                    try {
                        mine.saveOrThrow();
                    } catch (StaleRecordException lost) {
                        // its copy held a newer version: another thread's save won, as it should
                    }
                }
            });
            threads[n].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long highest = copiesOf(t.id()).stream().mapToLong(i -> Long.parseLong(i.get("lockVersion").n())).max().orElseThrow();
        Set<String> seen = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> topics.byId(t.id(), dev.dynarecord.ReadOptions.consistent()))
                .map(r -> r.lockVersion() + " " + r.title).collect(Collectors.toSet());
        assertThat(seen).as("every reader picks the same newest copy").hasSize(1);
        assertThat(seen.iterator().next()).startsWith(highest + " thread ");
    }

    @Test
    void aSaveThatMeetsANewerVersionInItsCopyIsStaleAndWritesNothing() {
        Single first = new Single().using(session);
        first.title = "a";
        first.saveOrThrow();
        Single mine = session.find(Single.class).byId(first.id());
        Single theirs = session.find(Single.class).byId(first.id());
        theirs.title = "theirs";
        theirs.saveOrThrow();
        mine.title = "mine";
        assertThatThrownBy(mine::saveOrThrow).isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("was changed since it was read").hasMessageContaining("reload()");
        assertThat(mine.lockVersion()).isEqualTo(1);
        assertThat(session.find(Single.class).byId(first.id()).title).isEqualTo("theirs");
    }

    @Test
    void destroyDeleteAndDeleteByKeyRemoveEveryCopy() {
        Topic a = topic("ada", "a");
        Topic b = topic("ada", "b");
        Topic c = topic("ada", "c");
        for (Topic t : List.of(a, b, c)) {
            for (int i = 0; i < 5; i++) {
                t.views = i + 1;
                t.saveOrThrow();
            }
        }
        a.destroy();
        b.delete();
        topics.delete(c.id());
        assertThat(copiesOf(a.id())).isEmpty();
        assertThat(copiesOf(b.id())).isEmpty();
        assertThat(copiesOf(c.id())).isEmpty();
        assertThat(topics.byIdOptional(a.id())).isEmpty();
    }

    @Test
    void byIdsGivesEachRecordOnceItsNewestInTheOrderAsked() {
        Topic a = topic("ada", "a1");
        Topic b = topic("bob", "b1");
        a.title = "a2";
        a.saveOrThrow();
        b.title = "b2";
        b.saveOrThrow();
        b.title = "b3";
        b.saveOrThrow();
        assertThat(topics.byIds(List.of(b.id(), "nobody", a.id(), b.id()))).extracting(t -> t.title)
                .containsExactly("b3", "a2");
    }

    @Test
    void queriesAndScansGiveEachRecordOnceAndNeverOneThatNoLongerMatches() {
        Topic kept = topic("carol", "kept");
        kept.views = 1;
        kept.saveOrThrow();
        kept.views = 2;
        kept.saveOrThrow();
        Topic moved = topic("carol", "moved");
        moved.owner = "dave";   // an older copy still says carol
        moved.saveOrThrow();

        assertThat(topics.where("owner", "carol").all()).extracting(t -> t.title).containsExactly("kept");
        assertThat(topics.where("owner", "carol").count()).isEqualTo(1);
        assertThat(topics.where("owner", "carol").first()).map(t -> t.views).contains(2L);
        assertThat(topics.where("owner", "dave").all()).extracting(t -> t.title).containsExactly("moved");
        assertThat(topics.where("title", "kept").allowScan().all()).singleElement()
                .satisfies(t -> assertThat(t.views).isEqualTo(2));

        assertThat(topics.where("owner", "carol").deleteAll()).isEqualTo(1);
        assertThat(copiesOf(kept.id())).as("every copy of the record deleted").isEmpty();
        assertThat(copiesOf(moved.id())).isNotEmpty();
        assertThat(topics.where("owner", "dave").destroyAll()).isEqualTo(1);
        assertThat(copiesOf(moved.id())).isEmpty();
    }

    @Test
    void whatNeedsOneItemIsRefusedBeforeAnythingIsSent() {
        Topic t = topic("erin", "x");
        assertThatThrownBy(() -> topics.where("owner", "erin").page(10, null)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("is partitioned").hasMessageContaining("stream()");
        assertThatThrownBy(() -> topics.where("id", t.id()).all()).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("byId(...)");
        assertThatThrownBy(() -> t.increment("views")).isInstanceOf(InvalidUpdateException.class)
                .hasMessageContaining("increment(...) is not supported");
        assertThatThrownBy(() -> topics.update(t.id(), u -> u.set("title", "y"))).isInstanceOf(InvalidUpdateException.class)
                .hasMessageContaining("an atomic update is not supported");
        t.title = "z";
        assertThatThrownBy(() -> t.save(WriteCondition.where("title", "x"))).isInstanceOf(InvalidUpdateException.class)
                .hasMessageContaining("save(condition)");
        assertThatThrownBy(() -> session.transaction(tx -> tx.save(t))).isInstanceOf(InvalidUpdateException.class)
                .hasMessageContaining("a transaction");
        assertThatThrownBy(() -> session.readTransaction(tx -> tx.get(Topic.class, t.id())))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("read transaction");
        Named given = new Named().using(session);
        given.id = "my-own-id";
        assertThatThrownBy(given::saveOrThrow).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("is generated").hasMessageContaining("nothing was written");
        assertThat(session.find(Named.class).byIdOptional("my-own-id")).isEmpty();
        Named generated = new Named().using(session);
        generated.saveOrThrow();
        assertThat(session.find(Named.class).byId(generated.id).id).isEqualTo(generated.id);
        assertThat(topics.byId(t.id()).title).isEqualTo("x");
    }
}
