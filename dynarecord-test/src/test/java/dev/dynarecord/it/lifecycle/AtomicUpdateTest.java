package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Key;
import dev.dynarecord.Session;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.it.fixtures.Counter;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Atomic and conditional updates: Finder.update / upsert with Update and WriteCondition, Model.increment. */
@DynarecordTest
class AtomicUpdateTest {

    static Map<String, AttributeValue> raw(Session session, String id) {
        return session.client().getItem(r -> r.tableName(Player.find.tableName())
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
    }

    static Player player() {
        return Player.find.create(p -> {
            p.name = "Ada";
            p.state = "ACTIVE";
            p.rank = 3;
            p.credits = 10;
            p.score = 1.5;
            p.balance = new BigDecimal("100.25");
            p.tags = Set.of("a", "b");
            p.lucky = Set.of(7L);
            p.history = List.of("x");
            p.nickname = "ace";
            p.lastSeen = Instant.parse("2026-01-01T00:00:00Z");
        });
    }

    @Test
    void setRemoveAndSetIfNotExistsChangeTheItemAndTheReturnedRecord(Session session) {
        Player p = player();
        String id = (String) p.id();

        Player after = Player.find.update(id, u -> u.set("name", "Grace").set("nickname", null).remove("lastSeen")
                .setIfNotExists("status", "IGNORED").setIfNotExists("visits", 5L));

        assertThat(after.name).isEqualTo("Grace");
        assertThat(after.nickname).isNull();
        assertThat(after.lastSeen).isNull();
        assertThat(after.state).isEqualTo("ACTIVE");
        assertThat(after.visits).isEqualTo(5L);
        assertThat(after.credits).isEqualTo(10);
        assertThat(after.isPersisted()).isTrue();
        Map<String, AttributeValue> item = raw(session, id);
        assertThat(item.get("name").s()).isEqualTo("Grace");
        assertThat(item).doesNotContainKeys("nickname", "lastSeen");
        assertThat(item.get("status").s()).isEqualTo("ACTIVE");
        assertThat(item.get("visits").n()).isEqualTo("5");
        assertThat(Player.find.byId(id).name).isEqualTo("Grace");
    }

    /** A set of times stored as epoch seconds: NS, not SS. */
    @dev.dynarecord.annotation.Table(name = "epoch_sets")
    public static class Visits extends dev.dynarecord.Model<Visits> {
        public static final dev.dynarecord.Finder<Visits> find = finder(Visits.class);
        @dev.dynarecord.annotation.Field(timeFormat = dev.dynarecord.types.TimeFormat.EPOCH_SECONDS) public Set<Instant> seen;
    }

    @Test
    void addToSetConvertsTimesAsTheFieldStoresThem(Session session) {
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        Instant second = Instant.parse("2026-01-02T00:00:00.5Z");
        Visits v = Visits.find.create(x -> x.seen = Set.of(first));
        Visits.find.update(v.id(), u -> u.addToSet("seen", second, first));
        assertThat(Visits.find.byId(v.id()).seen).containsExactlyInAnyOrder(first, second);
        assertThat(session.client().getItem(r -> r.tableName(Visits.find.tableName()).key(Map.of("id",
                AttributeValue.fromS(v.id().toString())))).item().get("seen").ns()).containsExactlyInAnyOrder("1767225600", "1767312000.5");
        Visits.find.update(v.id(), u -> u.removeFromSet("seen", first));
        assertThat(Visits.find.byId(v.id()).seen).containsExactly(second);
    }

    @Test
    void aKeyStandsForItsPartsWhereAHashKeyValueGoes(RequestRecorder recorder) {
        String id = player().id().toString();
        assertThat(Player.find.update(Key.of(id), u -> u.set("name", "Key")).name).isEqualTo("Key");
        assertThat(Player.find.byId(Key.of(id)).name).isEqualTo("Key");
        assertThat(Player.find.exists(Key.of(id))).isTrue();
        Event event = Event.find.create(e -> {
            e.stream = "keys";
            e.sequence = 7;
        });
        assertThat(Event.find.upsert(Key.of("keys", 7L), u -> u.set("payload", "p")).payload).isEqualTo("p");
        assertThat(Event.find.byId(Key.of("keys", 7L)).payload).isEqualTo("p");
        recorder.clear();
        assertThatThrownBy(() -> Event.find.byId(Key.of("keys"), 7L)).isInstanceOf(dev.dynarecord.exception.InvalidKeyException.class)
                .hasMessageContaining("pass the Key alone, or the hash and range values");
        assertThat(recorder.requests()).isEmpty();
        Event.find.delete(Key.of("keys", event.sequence));
        Player.find.delete(Key.of(id));
        assertThat(Event.find.exists(Key.of("keys", 7L))).isFalse();
        assertThat(Player.find.exists(id)).isFalse();
    }

    @Test
    void numbersAreAddedAtomicallyAndAMissingNumberCountsAsZero(Session session) {
        String id = (String) player().id();

        Player after = Player.find.update(id, u -> u.increment("rank").increment("credits", 5).decrement("score", 0.5)
                .add("balance", new BigDecimal("-0.25")).increment("visits"));

        assertThat(after.rank).isEqualTo(4);
        assertThat(after.credits).isEqualTo(15);
        assertThat(after.score).isEqualTo(1.0);
        assertThat(after.balance).isEqualByComparingTo("100");
        assertThat(after.visits).isEqualTo(1L);
        Map<String, AttributeValue> item = raw(session, id);
        assertThat(item.get("count").n()).isEqualTo("4");
        assertThat(item.get("credits").n()).isEqualTo("15");

        after = Player.find.update(id, u -> u.decrement("rank").decrement("credits", 20).add("visits", 2));
        assertThat(after.rank).isEqualTo(3);
        assertThat(after.credits).isEqualTo(-5);
        assertThat(after.visits).isEqualTo(3L);
    }

    @Test
    void setsGainAndLoseElementsAndAnEmptiedSetIsRemoved(Session session) {
        String id = (String) player().id();

        Player after = Player.find.update(id, u -> u.addToSet("tags", "c", "a", "c").removeFromSet("lucky", 7, 8));
        assertThat(after.tags).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(after.lucky).isNull();
        assertThat(raw(session, id)).doesNotContainKey("lucky");

        after = Player.find.update(id, u -> u.removeFromSet("tags", "a").addToSet("lucky", 1, 2L));
        assertThat(after.tags).containsExactlyInAnyOrder("b", "c");
        assertThat(after.lucky).containsExactlyInAnyOrder(1L, 2L);
        assertThat(raw(session, id).get("lucky").ns()).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void appendAndPrependWorkOnExistingAndMissingLists(Session session) {
        String id = (String) player().id();

        Player after = Player.find.update(id, u -> u.append("history", "y", "z"));
        assertThat(after.history).containsExactly("x", "y", "z");
        after = Player.find.update(id, u -> u.prepend("history", "v", "w"));
        assertThat(after.history).containsExactly("v", "w", "x", "y", "z");

        Player.find.update(id, u -> u.remove("history"));
        after = Player.find.update(id, u -> u.prepend("history", "first"));
        assertThat(after.history).containsExactly("first");
        assertThat(raw(session, id).get("history").l()).extracting(AttributeValue::s).containsExactly("first");
    }

    @Test
    void expressionsUseOnlyPlaceholders(RequestRecorder recorder) {
        String id = (String) player().id();
        recorder.clear();

        Player.find.update(Key.of(id), WriteCondition.where("status", "ACTIVE").and("count.gte", 1).andUnlessExists("visits"),
                u -> u.set("status", "IDLE").increment("count").addToSet("tags", "z").removeFromSet("lucky", 7)
                        .remove("nickname").append("history", "h"));

        UpdateItemRequest request = recorder.single(UpdateItemRequest.class);
        assertThat(request.updateExpression()).startsWith("SET ").contains(" ADD ", " DELETE ", " REMOVE ", "list_append(if_not_exists(")
                .doesNotContain("status", "count", "tags", "nickname", "history", "lucky", "updatedAt", "lockVersion", "ACTIVE", "IDLE");
        assertThat(request.conditionExpression()).startsWith("attribute_exists(#")
                .contains("attribute_not_exists(#").doesNotContain("status", "count", "visits", "id");
        assertThat(request.expressionAttributeNames()).containsValues("status", "count", "tags", "nickname", "history", "updatedAt",
                "lockVersion", "id", "visits");
        assertThat(request.expressionAttributeNames().keySet()).allMatch(k -> k.matches("#n\\d+"));
        assertThat(request.expressionAttributeValues().keySet()).allMatch(k -> k.matches(":v\\d+"));
        assertThat(request.returnValues()).isEqualTo(ReturnValue.ALL_NEW);
        assertThat(request.returnValuesOnConditionCheckFailure()).as("a refusal is explained by reading the item, on every engine")
                .isNull();
    }

    @Test
    void upsertCreatesThenUpdatesKeepingCreatedAtAndCountingTheLockVersion(Session session, RequestRecorder recorder) {
        recorder.clear();
        Player created = Player.find.upsert("p-up", u -> u.set("name", "New").increment("visits"));

        assertThat(recorder.count(UpdateItemRequest.class)).isEqualTo(1);
        assertThat(recorder.single(UpdateItemRequest.class).conditionExpression()).isNull();
        assertThat(created.id()).isEqualTo("p-up");
        assertThat(created.name).isEqualTo("New");
        assertThat(created.visits).isEqualTo(1L);
        assertThat(created.createdAt()).isNotNull().isEqualTo(created.updatedAt());
        assertThat(raw(session, "p-up").get("lockVersion").n()).isEqualTo("1");

        Player updated = Player.find.upsert("p-up", u -> u.increment("visits"));
        assertThat(updated.visits).isEqualTo(2L);
        assertThat(updated.name).isEqualTo("New");
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt()).isNotEqualTo(created.createdAt());
        assertThat(raw(session, "p-up").get("lockVersion").n()).isEqualTo("2");
    }

    @Test
    void updateOfAMissingKeyIsRecordNotFoundAndCreatesNothing(Session session) {
        assertThatThrownBy(() -> Player.find.update("ghost", u -> u.set("name", "Boo")))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("no Player with key 'ghost'").hasMessageContaining("use upsert to create it");
        assertThatThrownBy(() -> Player.find.update(Key.of("ghost"), WriteCondition.where("credits.gte", 1), u -> u.increment("credits")))
                .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("upsert");

        assertThat(raw(session, "ghost")).isEmpty();
    }

    @Test
    void userConditionsGateTheUpdateAndAFailedOneLeavesTheItemAlone(Session session) {
        String id = (String) player().id();
        Map<String, AttributeValue> before = raw(session, id);

        Player spent = Player.find.update(Key.of(id), WriteCondition.where("credits.gte", 5), u -> u.decrement("credits", 5));
        assertThat(spent.credits).isEqualTo(5);
        Player.find.update(Key.of(id), WriteCondition.where("credits.gte", 5), u -> u.decrement("credits", 5));

        Map<String, AttributeValue> spentOut = raw(session, id);
        assertThatThrownBy(() -> Player.find.update(Key.of(id), WriteCondition.where("credits.gte", 5), u -> u.decrement("credits", 5)))
                .isInstanceOf(ConditionFailedException.class)
                .hasMessageContaining("Player '" + id + "'").hasMessageContaining("credits gte 5").hasMessageContaining("nothing was written");
        assertThat(raw(session, id)).isEqualTo(spentOut);
        assertThat(spentOut.get("credits").n()).isEqualTo("0");
        assertThat(before.get("credits").n()).isEqualTo("10");

        assertThatThrownBy(() -> Player.find.update(Key.of(id), WriteCondition.where("nickname.null", true).and("status", "ACTIVE"),
                u -> u.set("name", "nope"))).isInstanceOf(ConditionFailedException.class)
                .hasMessageContaining("nickname not_exists AND status eq 'ACTIVE'");
        assertThat(Player.find.byId(id).name).isEqualTo("Ada");
    }

    @Test
    void unlessExistsAndIfExists(Session session) {
        Player first = Player.find.upsert(Key.of("p-once"), WriteCondition.unlessExists("nickname"), u -> u.set("nickname", "one"));
        assertThat(first.nickname).isEqualTo("one");

        assertThatThrownBy(() -> Player.find.upsert(Key.of("p-once"), WriteCondition.unlessExists("nickname"),
                u -> u.set("nickname", "two"))).isInstanceOf(ConditionFailedException.class).hasMessageContaining("nickname not_exists");
        assertThat(raw(session, "p-once").get("nickname").s()).isEqualTo("one");

        assertThatThrownBy(() -> Player.find.upsert(Key.of("p-never"), WriteCondition.ifExists("name"), u -> u.set("name", "x")))
                .isInstanceOf(ConditionFailedException.class).hasMessageContaining("Player 'p-never'");
        assertThat(raw(session, "p-never")).isEmpty();
        Player second = Player.find.update(Key.of("p-once"), WriteCondition.ifExists("nickname"), u -> u.set("name", "named"));
        assertThat(second.name).isEqualTo("named");
    }

    @Test
    void rangeKeysAndModelsWithoutTimestamps(Session session) {
        Event.find.create(e -> { e.stream = "s"; e.sequence = 1; e.payload = "one"; });

        Event e = Event.find.update("s", 1L, u -> u.set("payload", "uno"));
        assertThat(e.payload).isEqualTo("uno");
        assertThat(Event.find.byId("s", 1L).payload).isEqualTo("uno");
        assertThatThrownBy(() -> Event.find.update("s", 2L, u -> u.set("payload", "dos")))
                .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("'s'/'2'");

        Counter c = Counter.find.upsert(42L, u -> u.increment("value", 3).set("label", "hits"));
        assertThat(c.value).isEqualTo(3);
        c = Counter.find.upsert(42L, u -> u.increment("value", 3));
        assertThat(c.value).isEqualTo(6);
        assertThat(c.label).isEqualTo("hits");
        assertThat(session.client().getItem(r -> r.tableName(Counter.find.tableName())
                .key(Map.of("counterId", AttributeValue.fromN("42")))).item()).doesNotContainKeys("createdAt", "updatedAt");
    }

    @Test
    void anEmptyUpdateOnlyTouchesUpdatedAt(Session session) {
        Player p = player();
        Player after = Player.find.update(p.id(), u -> { });
        assertThat(after.updatedAt()).isAfterOrEqualTo(p.updatedAt());
        assertThat(after.name).isEqualTo("Ada");
    }

    @Test
    void incrementAndDecrementOnALoadedRecordChangeTheFieldAndTheItemOnly(Session session, RequestRecorder recorder) {
        Player p = Player.find.byId(player().id());
        Instant updatedAt = p.updatedAt();
        Map<String, AttributeValue> before = raw(session, (String) p.id());
        p.name = "unsaved change";
        recorder.clear();

        assertThat(p.increment("rank")).isSameAs(p);
        p.increment("credits", 5).decrement("score").decrement("visits", 2);

        assertThat(p.rank).isEqualTo(4);
        assertThat(p.credits).isEqualTo(15);
        assertThat(p.score).isEqualTo(0.5);
        assertThat(p.visits).isEqualTo(-2L);
        assertThat(p.updatedAt()).isEqualTo(updatedAt);
        assertThat(recorder.requests(UpdateItemRequest.class)).hasSize(4).allSatisfy(r -> {
            assertThat(r.returnValues()).isEqualTo(ReturnValue.UPDATED_NEW);
            assertThat(r.updateExpression()).startsWith("ADD ").doesNotContain("SET");
        });
        Map<String, AttributeValue> item = raw(session, (String) p.id());
        assertThat(item.get("count").n()).isEqualTo("4");
        assertThat(item.get("credits").n()).isEqualTo("15");
        assertThat(item.get("visits").n()).isEqualTo("-2");
        assertThat(item.get("name").s()).isEqualTo("Ada");
        assertThat(item.get("updatedAt")).isEqualTo(before.get("updatedAt"));
        assertThat(item.get("lockVersion")).isEqualTo(before.get("lockVersion"));
    }

    @Test
    void incrementOnANewRecordIsRefusedWithoutARequest(RequestRecorder recorder) {
        Player fresh = Player.find.build(p -> p.name = "new");
        recorder.clear();

        assertThatThrownBy(() -> fresh.increment("rank")).isInstanceOf(RecordNotSavedException.class).hasMessageContaining("save it first");
        assertThatThrownBy(() -> fresh.decrement("rank", 2)).isInstanceOf(RecordNotSavedException.class);
        assertThat(fresh.rank).isZero();
        assertThat(recorder.count()).isZero();
    }

    @Test
    void incrementOnARecordWhoseItemWasDeletedIsRecordNotFound(Session session) {
        Player p = player();
        Player.find.delete(p.id());

        assertThatThrownBy(() -> p.increment("rank")).isInstanceOf(RecordNotFoundException.class).hasMessageContaining("no longer exists");
        assertThat(raw(session, (String) p.id())).isEmpty();
    }

    @Test
    void eightThreadsIncrementingOneRecordLoseNothing(RequestRecorder recorder) throws Exception {
        String id = (String) player().id();
        recorder.clear();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    Player mine = Player.find.byId(id);
                    for (int i = 0; i < 500; i++) {
                        mine.increment("visits");
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                // only a guard against a hang: beside other classes on a busy machine, 4,000 updates can take a minute
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Player.find.byId(id, dev.dynarecord.ReadOptions.consistent()).visits).isEqualTo(4_000L);
    }
}
