package dev.dynarecord.it.query;

import static dev.dynarecord.ReadOptions.consistent;
import static dev.dynarecord.ReadOptions.strict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Key;
import dev.dynarecord.Session;
import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.it.fixtures.Address;
import dev.dynarecord.it.fixtures.Counter;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.it.lifecycle.Player;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultyClient;
import dev.dynarecord.test.RequestRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

/** Reads of many records by key: one BatchGetItem per 100 keys, in input order, every key checked first. */
@DynarecordTest(global = false)
class BatchReadTest {

    private static List<Object> ids(List<? extends dev.dynarecord.Model<?>> records) {
        return records.stream().map(r -> (Object) r.id()).toList();
    }

    private static List<Address> addresses(Finder<Address> find, int n) {
        List<Address> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            out.add(find.create(a -> a.city = "c" + k));
        }
        return out;
    }

    @Test
    void manyIdsComeBackInTheirOrderWithDuplicatesReadOnce(Session session, RequestRecorder recorder) {
        Finder<Address> find = Address.find.using(session);
        List<Address> saved = addresses(find, 230);
        List<Object> wanted = new ArrayList<>(ids(saved));
        java.util.Collections.reverse(wanted);
        wanted.add(3, "nobody");
        wanted.add(wanted.get(10));
        recorder.clear();
        List<Address> read = find.byIds(wanted);
        assertThat(ids(read)).containsExactlyElementsOf(wanted.stream().filter(id -> !id.equals("nobody")).distinct().toList());
        assertThat(read.get(0).city).isEqualTo("c229");
        List<BatchGetItemRequest> requests = recorder.requests(BatchGetItemRequest.class);
        assertThat(requests).hasSize(3);
        assertThat(requests.stream().mapToInt(r -> r.requestItems().values().iterator().next().keys().size()).sum())
                .as("231 distinct keys, each read once").isEqualTo(231);
        assertThat(recorder.summary()).allMatch(s -> s.startsWith("BatchGetItem"));
    }

    @Test
    void strictNamesTheKeysWithoutAnItemAndConsistentReadsConsistently(Session session, RequestRecorder recorder) {
        Finder<Address> find = Address.find.using(session);
        List<Address> saved = addresses(find, 3);
        assertThatThrownBy(() -> find.byIds(List.of(saved.get(0).id(), "ghost-1", "ghost-2"), strict()))
                .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("2 of 3")
                .hasMessageContaining("'ghost-1'").hasMessageContaining("'ghost-2'");
        recorder.clear();
        assertThat(find.byIds(ids(saved), consistent().andStrict())).hasSize(3);
        assertThat(recorder.single(BatchGetItemRequest.class).requestItems().values().iterator().next().consistentRead()).isTrue();
        assertThat(find.byIds(List.of())).isEmpty();
    }

    @Test
    void aProjectionReadsOnlyItsFieldsAndTheRecordsArePartial(Session session, RequestRecorder recorder) {
        Finder<Address> find = Address.find.using(session);
        List<Address> saved = addresses(find, 3);
        saved.forEach(a -> {
            a.zip = "z-" + a.city;
            a.save();
        });
        recorder.clear();
        List<Address> read = find.project("city").consistent().byIds(ids(saved));

        assertThat(read).extracting(a -> a.city).containsExactly("c0", "c1", "c2");
        assertThat(read).allSatisfy(a -> {
            assertThat(a.zip).as("not read").isNull();
            assertThat(a.isPartial()).isTrue();
        });
        var keys = recorder.single(BatchGetItemRequest.class).requestItems().values().iterator().next();
        assertThat(keys.projectionExpression()).isNotNull();
        assertThat(keys.expressionAttributeNames().values()).contains("id", "city").doesNotContain("zip");
        assertThat(keys.consistentRead()).isTrue();
        assertThatThrownBy(() -> read.get(0).save()).isInstanceOf(dev.dynarecord.exception.RecordNotSavedException.class)
                .hasMessageContaining("project(...)");
        assertThat(find.project("city").byKeys(List.of(Key.of(saved.get(1).id()), Key.of("nobody")), consistent()))
                .containsOnlyKeys(Key.of(saved.get(1).id()));
    }

    @Test
    void aReadByKeyRefusesQueryConditionsAndOptions(Session session, RequestRecorder recorder) {
        Finder<Address> find = Address.find.using(session);
        recorder.clear();
        assertThatThrownBy(() -> find.where("city", "Oslo").byIds(List.of("a")))
                .isInstanceOf(dev.dynarecord.exception.InvalidQueryException.class)
                .hasMessageContaining("byIds reads by key").hasMessageContaining("project(...), consistent() and includeExpired()");
        assertThatThrownBy(() -> find.project("city").limit(2).byKeys(List.of(Key.of("a")), strict()))
                .isInstanceOf(dev.dynarecord.exception.InvalidQueryException.class).hasMessageContaining("byKeys");
        assertThatThrownBy(() -> find.project("nope")).isInstanceOf(dev.dynarecord.exception.InvalidQueryException.class)
                .hasMessageContaining("no field 'nope'");
        assertThat(recorder.requests()).isEmpty();
    }

    @Test
    void aDecimalKeyIsFoundWhateverItsTrailingZeros(Session session) {
        Finder<dev.dynarecord.it.fixtures.Price> prices = dev.dynarecord.it.fixtures.Price.find.using(session);
        prices.create(p -> {
            p.amount = new java.math.BigDecimal("1.50");
            p.label = "one fifty";
        });
        List<dev.dynarecord.it.fixtures.Price> read = prices.byIds(List.of(new java.math.BigDecimal("1.50"),
                new java.math.BigDecimal("1.5"), new java.math.BigDecimal("2")), consistent());
        assertThat(read).as("1.50 and 1.5 are one key; 2 has no item").singleElement()
                .satisfies(p -> assertThat(p.label).isEqualTo("one fifty"));
        List<dev.dynarecord.it.fixtures.Price> twice = new ArrayList<>();
        for (String amount : List.of("3.0", "3")) {
            dev.dynarecord.it.fixtures.Price p = new dev.dynarecord.it.fixtures.Price().using(session);
            p.amount = new java.math.BigDecimal(amount);
            twice.add(p);
        }
        assertThatThrownBy(() -> prices.importAll(twice)).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("has the key of an earlier record");
    }

    @Test
    void compositeKeysAreReadByKey(Session session) {
        Finder<Player> players = Player.find.using(session);
        Player p = players.create(x -> x.name = "Ann");
        Map<Key, Player> found = players.byKeys(List.of(Key.of("nobody"), Key.of(p.id())));
        assertThat(found).containsOnlyKeys(Key.of(p.id()));
        assertThat(found.get(Key.of(p.id())).name).isEqualTo("Ann");
    }

    @Test
    void hashAndRangeKeysComeBackByTheirKeysInOrderWithDuplicatesReadOnce(Session session, RequestRecorder recorder) {
        Finder<Event> events = Event.find.using(session);
        events.create(e -> { e.stream = "s1"; e.sequence = 1; e.payload = "s1/1"; });
        events.create(e -> { e.stream = "s1"; e.sequence = 2; e.payload = "s1/2"; });
        events.create(e -> { e.stream = "s2"; e.sequence = 1; e.payload = "s2/1"; });
        recorder.clear();
        Map<Key, Event> found = events.byKeys(List.of(Key.of("s2", 1L), Key.of("s1", 2L), Key.of("s1", 99L),
                Key.of("s1", 1L), Key.of("s1", 2L)));
        assertThat(found).containsOnlyKeys(Key.of("s2", 1L), Key.of("s1", 2L), Key.of("s1", 1L));
        assertThat(found.values()).extracting(e -> e.payload).containsExactly("s2/1", "s1/2", "s1/1");
        assertThat(recorder.single(BatchGetItemRequest.class).requestItems().values().iterator().next().keys())
                .as("4 distinct keys, the one given twice read once").hasSize(4);
    }

    @Test
    void badIdsAreRefusedBeforeAnythingIsSent(Session session, RequestRecorder recorder) {
        Finder<Counter> counters = Counter.find.using(session);
        counters.create(c -> c.counterId = 1L);
        recorder.clear();
        assertThatThrownBy(() -> counters.byIds(Arrays.asList(1L, null))).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("Counter").hasMessageContaining("id #1");
        assertThatThrownBy(() -> counters.byIds(List.of(1L, "two"))).isInstanceOf(ConversionException.class)
                .hasMessageContaining("counterId");
        assertThatThrownBy(() -> counters.byIds(null)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> counters.byKeys(Arrays.asList(Key.of(1L), null))).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("key #1");
        assertThat(recorder.requests()).isEmpty();
    }

    @Test
    void unprocessedKeysAndThrottlingAreRetriedUntilEveryRecordIsRead(Session raw) {
        FaultyClient faults = FaultyClient.wrap(raw.client()).seed(3).rate(0.5).faults(Fault.UNPROCESSED, Fault.THROTTLE)
                .only("BatchGetItem").build();
        try (Session session = Session.open(c -> c.client(faults.client()).namespace(raw.config().namespace())
                .retryPolicy(new RetryPolicy(20, Duration.ofMillis(1), Duration.ofMillis(5))))) {
            List<Address> saved = addresses(Address.find.using(raw), 450);
            faults.next(Fault.THROTTLE, Fault.UNPROCESSED, Fault.THROTTLE, Fault.THROTTLE);
            List<Address> read = Address.find.using(session).byIds(ids(saved));
            assertThat(ids(read)).containsExactlyElementsOf(ids(saved));
            assertThat(faults.stats().injected(Fault.UNPROCESSED)).isPositive();
            assertThat(faults.stats().injected(Fault.THROTTLE)).isPositive();
        }
    }

    @Test
    void keysThatStayUnreadAreAThroughputExceptionNamingThem(Session raw) {
        FaultyClient faults = FaultyClient.wrap(raw.client()).rate(1).faults(Fault.THROTTLE).only("BatchGetItem").build();
        try (Session session = Session.open(c -> c.client(faults.client()).namespace(raw.config().namespace())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2))))) {
            List<Address> saved = addresses(Address.find.using(raw), 2);
            assertThatThrownBy(() -> Address.find.using(session).byIds(ids(saved)))
                    .isInstanceOf(ThroughputExceededException.class).hasMessageContaining("2 of 2 items were not read")
                    .hasMessageContaining((String) saved.get(0).id()).hasMessageContaining("retryPolicy");
            assertThat(faults.stats().calls("BatchGetItem")).isEqualTo(3);
        }
    }

    @Test
    void tenThousandIdsUnderThrottlingAndUnprocessedKeysComeBackExactlyAndInOrder(Session raw) {
        Finder<Address> plain = Address.find.using(raw);
        raw.tables().create(Address.class);
        String table = plain.tableName();
        List<Object> ids = new ArrayList<>();
        List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String id = String.format("a-%05d", (i * 7919) % 10_000);
            String city = "c" + i;
            ids.add(id);
            batch.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(Map.of(
                    "id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id),
                    "city", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(city)))).build());
            if (batch.size() == 25) {
                List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> chunk = List.copyOf(batch);
                raw.client().batchWriteItem(r -> r.requestItems(Map.of(table, chunk)));
                batch.clear();
            }
        }
        FaultyClient faults = FaultyClient.wrap(raw.client()).seed(20).rate(0.5).faults(Fault.THROTTLE, Fault.UNPROCESSED)
                .only("BatchGetItem").build();
        try (Session session = Session.open(c -> c.client(faults.client()).namespace(raw.config().namespace())
                .retryPolicy(new RetryPolicy(10, Duration.ofMillis(1), Duration.ofMillis(4))))) {
            List<Address> read = Address.find.using(session).byIds(ids, strict());
            assertThat(ids(read)).containsExactlyElementsOf(ids);
            long throttled = faults.stats().injected(Fault.THROTTLE);
            long unprocessed = faults.stats().injected(Fault.UNPROCESSED);
            long calls = faults.stats().calls("BatchGetItem");
            assertThat((double) throttled / calls).as("about a quarter throttled").isBetween(0.15, 0.35);
            assertThat((double) unprocessed / calls).as("about a quarter partly unprocessed").isBetween(0.15, 0.35);
            System.out.println("byIds of 10,000 under faults: " + calls + " BatchGetItem calls, " + throttled + " throttled, "
                    + unprocessed + " partly unprocessed; every record read once, in order");
        }
    }
}
