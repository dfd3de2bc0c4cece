package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.AfterDestroy;
import dev.dynarecord.annotation.BeforeDestroy;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.PartialWriteException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.exception.ScanProhibitedException;
import dev.dynarecord.exception.TransientFailureException;
import dev.dynarecord.exception.UnknownAttributeException;
import dev.dynarecord.it.association.Forum;
import dev.dynarecord.it.association.Post;
import dev.dynarecord.it.association.Topic;
import dev.dynarecord.spi.RequestListener;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultyClient;
import dev.dynarecord.test.RequestRecorder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Writes over a query: deleteAll (keys, BatchWriteItem), destroyAll (each record's destroy), updateAll (atomic updates). */
@DynarecordTest(global = false)
class QueryWritesTest {

    /** A magic-id model with a global index on its plan, so {@code where("plan", ...)} is a Query. */
    @Table(name = "qw_subscribers")
    public static class Subscriber extends Model<Subscriber> {
        public static final Finder<Subscriber> find = finder(Subscriber.class);
        /** The names of the subscribers whose after_destroy ran (only this class's tests use it, one at a time). */
        static final List<String> DESTROYED = new CopyOnWriteArrayList<>();

        @Field @Index public String plan;
        @Field public String name;
        @Field public int rank;
        @Field public long credits;
        @Field public boolean keep;

        @BeforeDestroy boolean unlessKept() {
            return !keep;
        }

        @AfterDestroy void destroyed() {
            DESTROYED.add(name);
        }
    }

    private final Session session;
    private final Finder<Subscriber> subscribers;

    QueryWritesTest(Session session) {
        this.session = session;
        this.subscribers = Subscriber.find.using(session);
    }

    @BeforeEach
    void empty(RequestRecorder recorder) {
        subscribers.allowScan().deleteAll();
        Subscriber.DESTROYED.clear();
        recorder.clear();
    }

    private void seed(int count, String plan) {
        for (int i = 0; i < count; i++) {
            int n = i;
            subscribers.create(s -> {
                s.plan = plan;
                s.name = plan + " " + n;
                s.rank = n;
            });
        }
    }

    /** @return the stored items of the subscribers' table (a raw, consistent Scan, not recorded) */
    private List<Map<String, AttributeValue>> stored() {
        return session.client().scanPaginator(r -> r.tableName(subscribers.tableName()).consistentRead(true)).items()
                .stream().toList();
    }

    private long stored(String plan) {
        return stored().stream().filter(i -> plan.equals(i.get("plan").s())).count();
    }

    @Test
    void deleteAllDeletesOnlyTheMatchingRecordsReadingKeysAndWriting25ARequest(RequestRecorder recorder) {
        seed(60, "FREE");
        seed(40, "PRO");
        recorder.clear();

        assertThat(subscribers.where("plan", "FREE").deleteAll()).isEqualTo(60);

        assertThat(stored("FREE")).isZero();
        assertThat(stored("PRO")).isEqualTo(40);
        List<BatchWriteItemRequest> batches = recorder.requests(BatchWriteItemRequest.class);
        assertThat(batches).extracting(b -> b.requestItems().values().stream().mapToInt(List::size).sum())
                .containsExactly(25, 25, 10);
        assertThat(batches).allSatisfy(b -> assertThat(b.requestItems().values()).allSatisfy(writes ->
                assertThat(writes).allSatisfy(w -> assertThat(w.deleteRequest().key()).containsOnlyKeys("id"))));
        // The keys are read on the index, keys only; no record is loaded, nothing is deleted one by one.
        assertThat(recorder.requests(QueryRequest.class)).isNotEmpty().allSatisfy(q -> {
            assertThat(q.indexName()).isEqualTo("plan_index");
            assertThat(q.expressionAttributeNames().values()).containsOnly("id", "plan");
        });
        assertThat(recorder.count(ScanRequest.class) + recorder.count(GetItemRequest.class)
                + recorder.count(DeleteItemRequest.class)).isZero();
    }

    @Test
    void deleteAllHonoursTheLimitIgnoresAProjectionAndOnTheFinderScansTheTable(RequestRecorder recorder) {
        seed(10, "FREE");
        seed(5, "PRO");

        assertThat(subscribers.where("plan", "FREE").limit(4).deleteAll()).isEqualTo(4);
        assertThat(stored("FREE")).isEqualTo(6);
        assertThat(subscribers.where("plan", "FREE").project("name").deleteAll()).isEqualTo(6);
        assertThat(subscribers.where("rank.gte", 3).allowScan().deleteAll()).isEqualTo(2);
        assertThat(stored("PRO")).isEqualTo(3);

        recorder.clear();
        assertThat(subscribers.deleteAll()).isEqualTo(3);     // warnOnScan (the default) logs it
        assertThat(stored()).isEmpty();
        assertThat(recorder.single(ScanRequest.class).projectionExpression()).isNotNull();
        assertThat(subscribers.deleteAll()).isZero();
    }

    @Test
    void destroyAllRunsEachRecordsCallbacksAndABeforeDestroyReturningFalseStopsIt(RequestRecorder recorder) {
        seed(4, "PRO");
        seed(3, "FREE");

        assertThat(subscribers.where("plan", "PRO").destroyAll()).isEqualTo(4);
        assertThat(Subscriber.DESTROYED).containsExactlyInAnyOrder("PRO 0", "PRO 1", "PRO 2", "PRO 3");
        assertThat(recorder.count(DeleteItemRequest.class)).isEqualTo(4);
        assertThat(recorder.requests(DeleteItemRequest.class)).allSatisfy(d ->
                assertThat(d.conditionExpression()).as("the lock version is checked").isNotNull());
        assertThat(stored("PRO")).isZero();

        Subscriber kept = subscribers.where("plan", "FREE").first().orElseThrow();
        kept.keep = true;
        kept.saveOrThrow();
        Subscriber.DESTROYED.clear();
        assertThatThrownBy(() -> subscribers.where("plan", "FREE").destroyAll()).isInstanceOf(RecordNotSavedException.class)
                .isNotInstanceOf(PartialWriteException.class)
                .hasMessageContaining(kept.id().toString()).hasMessageContaining("before_destroy callback returned false")
                .hasMessageContaining("destroyAll() stops here, after destroying " + Subscriber.DESTROYED.size() + " records");
        assertThat(subscribers.exists(kept.id())).isTrue();
        assertThat(stored("FREE")).isEqualTo(3 - Subscriber.DESTROYED.size());
    }

    @Test
    void destroyAllCascadesToTheDependents() {
        Finder<Forum> forums = Forum.find.using(session);
        Forum kept = forums.create(f -> f.title = "kept");
        for (int f = 0; f < 3; f++) {
            Forum old = forums.create(x -> x.title = "old");
            for (int t = 0; t < 2; t++) {
                Topic topic = old.topics.create(x -> x.subject = "s");
                topic.posts.create(x -> x.body = "b");
            }
        }
        Topic keptTopic = kept.topics.create(x -> x.subject = "k");
        keptTopic.posts.create(x -> x.body = "k");

        assertThat(forums.where("title", "old").allowScan().destroyAll()).isEqualTo(3);

        assertThat(forums.allowScan().all()).extracting(f -> f.title).containsExactly("kept");
        assertThat(Topic.find.using(session).allowScan().all()).extracting(t -> t.subject).containsExactly("k");
        assertThat(Post.find.using(session).allowScan().all()).extracting(p -> p.body).containsExactly("k");
    }

    @Test
    void updateAllChangesExactlyTheMatchingRecordsAndMovesTheirLockVersionByOne(RequestRecorder recorder) {
        seed(6, "FREE");
        seed(4, "PRO");
        Map<Object, Long> versions = subscribers.allowScan().stream().collect(java.util.stream.Collectors.toMap(
                Model::id, Model::lockVersion));
        recorder.clear();

        assertThat(subscribers.where("plan", "FREE").updateAll(u -> u.set("rank", 9).add("credits", 5))).isEqualTo(6);

        assertThat(recorder.requests(UpdateItemRequest.class)).hasSize(6).allSatisfy(u -> {
            assertThat(u.conditionExpression()).contains("attribute_exists");
            assertThat(u.returnValues()).isEqualTo(ReturnValue.NONE);
        });
        for (Subscriber s : subscribers.allowScan().all()) {
            boolean free = s.plan.equals("FREE");
            assertThat(s.rank).as(s.name).isEqualTo(free ? 9 : Integer.parseInt(s.name.substring(4)));
            assertThat(s.credits).as(s.name).isEqualTo(free ? 5 : 0);
            assertThat(s.lockVersion()).as(s.name).isEqualTo(versions.get(s.id()) + (free ? 1 : 0));
            assertThat(s.updatedAt().isAfter(s.createdAt())).as(s.name).isEqualTo(free);
        }
        // An update of the attribute the query reads its index by.
        assertThat(subscribers.where("plan", "PRO").updateAll(u -> u.set("plan", "GOLD"))).isEqualTo(4);
        assertThat(stored("GOLD")).isEqualTo(4);
    }

    @Test
    void updateAllSkipsARecordDeletedMeanwhile() {
        seed(5, "FREE");
        AtomicReference<String> deleted = new AtomicReference<>();
        RequestListener deleteAnother = request -> {
            if (request instanceof UpdateItemRequest u && deleted.get() == null) {
                String other = stored().stream().map(i -> i.get("id").s())
                        .filter(id -> !id.equals(u.key().get("id").s())).findFirst().orElseThrow();
                deleted.set(other);
                session.client().deleteItem(r -> r.tableName(subscribers.tableName()).key(Map.of("id", AttributeValue.fromS(other))));
            }
        };
        session.addListener(deleteAnother);
        try {
            assertThat(subscribers.where("plan", "FREE").updateAll(u -> u.add("credits", 1))).isEqualTo(4);
        } finally {
            session.removeListener(deleteAnother);
        }
        assertThat(subscribers.exists(deleted.get())).as("an update never recreates a deleted item").isFalse();
        assertThat(stored()).hasSize(4).allSatisfy(i -> assertThat(i.get("credits").n()).isEqualTo("1"));
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest(RequestRecorder recorder) {
        seed(2, "FREE");
        recorder.clear();
        refused(recorder, () -> subscribers.where("plan", "FREE").updateAll(null), InvalidUpdateException.class,
                "updateAll(...) needs the changes");
        refused(recorder, () -> subscribers.where("plan", "FREE").updateAll(u -> u.set("id", "other")), InvalidKeyException.class,
                "hash key");
        refused(recorder, () -> subscribers.updateAll(u -> u.set("nope", 1)), UnknownAttributeException.class, "nope");
        refused(recorder, () -> subscribers.where("plan", "FREE").updateAll(u -> u.add("name", 1)), InvalidUpdateException.class,
                "name");
        refused(recorder, () -> subscribers.where("plan", "FREE").project("name").destroyAll(), InvalidQueryException.class,
                "project(...)");
        assertThat(stored("FREE")).isEqualTo(2);
    }

    @Test
    void errorOnScanRefusesAScanBeforeAnyRequestAndAllowScanOrAQueryNeedsNoPermission() {
        seed(3, "FREE");
        seed(3, "PRO");
        RequestRecorder own = new RequestRecorder();
        try (Session strict = Session.open(c -> c.adapter(Adapter.LOCAL).namespace(session.config().namespace())
                .errorOnScan(true).listener(own))) {
            Finder<Subscriber> find = Subscriber.find.using(strict);
            List<Executable> scans = List.of(find::deleteAll, find::destroyAll, () -> find.updateAll(u -> u.set("rank", 1)),
                    () -> find.where("rank.gte", 1).deleteAll(), () -> find.where("rank.gte", 1).destroyAll(),
                    () -> find.where("rank.gte", 1).updateAll(u -> u.set("rank", 1)));
            for (Executable scan : scans) {
                assertThatThrownBy(scan::execute).isInstanceOf(ScanProhibitedException.class)
                        .hasMessageContaining("errorOnScan").hasMessageContaining("allowScan()");
            }
            assertThat(own.requests()).as("requests sent while refusing").isEmpty();

            assertThat(find.where("rank.gte", 2).allowScan().updateAll(u -> u.add("credits", 1))).isEqualTo(2);
            assertThat(find.where("plan", "FREE").deleteAll()).isEqualTo(3);          // a Query: no permission needed
            assertThat(find.where("rank.gte", 2).allowScan().destroyAll()).isEqualTo(1);
            assertThat(find.allowScan().deleteAll()).isEqualTo(2);
        }
        assertThat(stored()).isEmpty();
    }

    @Test
    void aDeleteAllThatFailsPartWayCountsEveryDeleteMadeAndRepeatingItFinishesIt() {
        seed(60, "FREE");
        seed(40, "PRO");
        FaultyClient faults = FaultyClient.wrap(session.client()).only("BatchWriteItem").build();
        try (Session faulty = Session.open(c -> c.client(faults.client()).autoCreateTables(true)
                .namespace(session.config().namespace()))) {
            Finder<Subscriber> find = Subscriber.find.using(faulty);
            faults.next(Fault.NONE, Fault.SERVER_ERROR_BEFORE);
            PartialWriteException e = catchThrowableOfType(PartialWriteException.class,
                    () -> find.where("plan", "FREE").deleteAll());
            assertThat(e.applied()).isEqualTo(25).isEqualTo(60 - stored("FREE"));
            assertThat(e.requested()).isEqualTo(-1);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getCause()).isInstanceOf(TransientFailureException.class);
            assertThat(e).hasMessageContaining("25 records were deleted").hasMessageContaining("Repeat the same call");

            // A batch partly processed whose retry fails: what it made is counted too.
            faults.next(Fault.UNPROCESSED, Fault.SERVER_ERROR_BEFORE);
            PartialWriteException again = catchThrowableOfType(PartialWriteException.class,
                    () -> find.where("plan", "FREE").deleteAll());
            assertThat(again.applied()).isBetween(1L, 24L).isEqualTo(35 - stored("FREE"));

            assertThat(find.where("plan", "FREE").deleteAll()).isEqualTo(35 - again.applied());
        }
        assertThat(stored("FREE")).isZero();
        assertThat(stored("PRO")).isEqualTo(40);
    }

    @Test
    void updatesAndDestroysThatFailPartWaySayHowManyWereMade() {
        seed(5, "FREE");
        FaultyClient faults = FaultyClient.wrap(session.client()).only("UpdateItem", "DeleteItem").build();
        try (Session faulty = Session.open(c -> c.client(faults.client()).autoCreateTables(true)
                .namespace(session.config().namespace()))) {
            Finder<Subscriber> find = Subscriber.find.using(faulty);
            faults.next(Fault.NONE, Fault.NONE, Fault.TIMEOUT_BEFORE);
            PartialWriteException update = catchThrowableOfType(PartialWriteException.class,
                    () -> find.where("plan", "FREE").updateAll(u -> u.set("rank", 7)));
            assertThat(update.applied()).isEqualTo(2);
            assertThat(update).hasMessageContaining("2 records were updated").hasMessageContaining("updates every matching"
                    + " record again");
            assertThat(stored().stream().filter(i -> i.get("rank").n().equals("7"))).hasSize(2);

            faults.next(Fault.NONE, Fault.SERVER_ERROR_BEFORE);
            PartialWriteException destroy = catchThrowableOfType(PartialWriteException.class,
                    () -> find.where("plan", "FREE").destroyAll());
            assertThat(destroy.applied()).isEqualTo(1);
            assertThat(destroy.isRetryable()).isTrue();
            assertThat(stored()).hasSize(4);
            assertThat(find.where("plan", "FREE").destroyAll()).isEqualTo(4);
        }
        assertThat(stored()).isEmpty();
    }

    private static void refused(RequestRecorder recorder, Executable call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
        assertThat(recorder.requests()).as("requests sent").isEmpty();
    }
}
