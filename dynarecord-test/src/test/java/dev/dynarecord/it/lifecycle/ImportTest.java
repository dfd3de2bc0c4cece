package dev.dynarecord.it.lifecycle;

import static dev.dynarecord.it.FaultySessions.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynarecord.Finder;
import dev.dynarecord.Import;
import dev.dynarecord.ImportProgress;
import dev.dynarecord.ImportResult;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.AfterCreate;
import dev.dynarecord.annotation.AfterSave;
import dev.dynarecord.annotation.BeforeCreate;
import dev.dynarecord.annotation.BeforeSave;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.annotation.Transient;
import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.PartialWriteException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.it.FaultySessions;
import dev.dynarecord.it.fixtures.Address;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.lifecycle.Errors;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultStats;
import dev.dynarecord.test.FaultyClient;
import dev.dynarecord.test.RequestRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/** {@code find.importAll}: new records, 25 a BatchWriteItem, each stored as its save would store it. */
@DynarecordTest(global = false)
class ImportTest {

    /** A magic-id model with a validation and the save and create callbacks, logged on the record. */
    @Table(name = "imp_guests")
    public static class Guest extends Model<Guest> {
        public static final Finder<Guest> find = finder(Guest.class);

        @Field public String name;
        @Transient public List<String> log = new ArrayList<>();
        @Transient public boolean refuse;

        @Override
        protected void validate(Errors errors) {
            if (name == null || name.isBlank()) {
                errors.add("name", "can't be blank");
            }
        }

        @BeforeSave boolean beforeSave() {
            log.add("before_save");
            return !refuse;
        }

        @BeforeCreate void beforeCreate() {
            log.add("before_create");
        }

        @AfterCreate void afterCreate() {
            log.add("after_create");
        }

        @AfterSave void afterSave() {
            log.add("after_save");
        }
    }

    /** A model whose key the user gives. */
    @Table(name = "imp_badges")
    public static class Badge extends Model<Badge> {
        public static final Finder<Badge> find = finder(Badge.class);

        @HashKey public String code;
        @Field public String label;
    }

    private final Session session;

    ImportTest(Session session) {
        this.session = session;
    }

    private static List<Address> addresses(int n) {
        return IntStream.range(0, n).mapToObj(ImportTest::address).toList();
    }

    private static Address address(int i) {
        Address a = new Address();
        a.city = "city " + i;
        a.number = i;
        return a;
    }

    private static Guest guest(String name) {
        Guest g = new Guest();
        g.name = name;
        return g;
    }

    private static Badge badge(String code) {
        Badge b = new Badge();
        b.code = code;
        return b;
    }

    @Test
    void aThousandRecordsAreStoredAsTheirSavesWouldStoreThemAndArePersisted(RequestRecorder recorder) {
        List<Address> records = addresses(1000);
        records.forEach(a -> a.city = "import " + a.number);
        ImportResult<Address> result = Address.find.using(session).importAll(records);

        assertThat(result.written()).isEqualTo(1000);
        assertThat(result.batches()).isEqualTo(40);
        assertThat(result.allWritten()).isTrue();
        List<BatchWriteItemRequest> batches = recorder.requests(BatchWriteItemRequest.class);
        assertThat(batches).hasSize(40)
                .allSatisfy(b -> assertThat(b.requestItems().values().iterator().next()).hasSizeLessThanOrEqualTo(25));
        List<Map<String, AttributeValue>> items = items(session, session.tableName(Address.class)).stream()
                .filter(i -> i.get("city").s().startsWith("import ")).toList();
        assertThat(items).hasSize(1000).allSatisfy(i -> {
            assertThat(i.get("lockVersion").n()).isEqualTo("1");
            assertThat(i).containsKeys("id", "createdAt", "updatedAt", "city", "number");
        });
        Set<String> stored = new HashSet<>();
        items.forEach(i -> stored.add(i.get("id").s()));
        assertThat(records).allSatisfy(a -> {
            assertThat(a.isNewRecord()).isFalse();
            assertThat(a.hasChanges()).isFalse();
            assertThat(a.createdAt()).isNotNull().isEqualTo(a.updatedAt());
            assertThat(stored).contains(String.valueOf(a.id()));
        });
        // Persisted as after save(): the next save is an update of the changed attribute, under lock version 1.
        Address first = records.get(0);
        first.zip = "12345";
        assertThat(first.save()).isTrue();
        assertThat(Address.find.using(session).byId(first.id()).zip).isEqualTo("12345");
    }

    @Test
    void invalidRecordsAreSkippedAndReportedWithTheirErrors() {
        List<Guest> guests = List.of(guest("ann"), guest(""), guest("bob"), guest(null), guest("cy"));
        ImportResult<Guest> result = Guest.find.using(session).importAll(guests);
        assertThat(result.written()).isEqualTo(3);
        assertThat(result.skipped()).containsExactly(guests.get(1), guests.get(3)).allSatisfy(g -> {
            assertThat(g.isNewRecord()).isTrue();
            assertThat(g.id()).isNull();
            assertThat(g.errors().on("name")).containsExactly("can't be blank");
        });
        assertThat(items(session, session.tableName(Guest.class)).stream().map(i -> i.get("name").s()))
                .contains("ann", "bob", "cy").doesNotContain("");

        ImportResult<Guest> unchecked = Guest.find.using(session).importAll(List.of(guest("")), Import.options().skipValidation());
        assertThat(unchecked.written()).isEqualTo(1);
    }

    @Test
    void callbacksRunOnlyWithTheOptionBeforeAndAfterTheirBatch() {
        Guest quiet = guest("quiet");
        Guest.find.using(session).importAll(List.of(quiet));
        assertThat(quiet.log).isEmpty();

        List<Guest> loud = IntStream.range(0, 30).mapToObj(i -> guest("loud " + i)).toList();
        loud.get(3).refuse = true;
        ImportResult<Guest> result = Guest.find.using(session).importAll(loud.stream(), Import.options().runCallbacks());
        assertThat(result.written()).isEqualTo(29);
        assertThat(result.skipped()).containsExactly(loud.get(3));
        assertThat(loud.get(0).log).containsExactly("before_save", "before_create", "after_create", "after_save");
        assertThat(loud.get(3).log).containsExactly("before_save");
        assertThat(loud.get(3).isNewRecord()).isTrue();
    }

    @Test
    void aKeyGivenTwiceIsRefusedBeforeItsBatchIsSent() {
        Finder<Badge> badges = Badge.find.using(session);
        assertThatThrownBy(() -> badges.importAll(List.of(badge("a"), badge("b"), badge("a"))))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("record #2").hasMessageContaining("Badge 'a'")
                .hasMessageContaining("0 records were written before it");
        assertThat(items(session, session.tableName(Badge.class))).isEmpty();

        List<Badge> many = new ArrayList<>(IntStream.range(0, 30).mapToObj(i -> badge("d" + i)).toList());
        many.add(badge("d3"));
        assertThatThrownBy(() -> badges.importAll(many)).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("record #30").hasMessageContaining("25 records were written before it");
        assertThat(items(session, session.tableName(Badge.class))).hasSize(25);
        assertThat(many.get(24).isNewRecord()).isFalse();
        assertThat(many.get(25).isNewRecord()).isTrue();
    }

    @Test
    void aHashAndRangeKeyGivenTwiceIsRefusedAndKeysSharingAPartAreNot() {
        Finder<Event> events = Event.find.using(session);
        ImportResult<Event> result = events.importAll(List.of(new Event("s1", 1, "a"), new Event("s1", 2, "b"),
                new Event("s2", 1, "c")));
        assertThat(result.written()).isEqualTo(3);
        assertThatThrownBy(() -> events.importAll(List.of(new Event("s3", 1, "d"), new Event("s3", 1, "e"))))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("record #1");
        assertThat(items(session, session.tableName(Event.class))).hasSize(3);
    }

    @Test
    void badInputIsRefusedWithNothingSent(RequestRecorder recorder) {
        Finder<Address> finder = Address.find.using(session);
        Address saved = finder.create(a -> a.city = "saved");
        Address destroyed = finder.create(a -> a.city = "gone");
        destroyed.destroy();
        int before = items(session, session.tableName(Address.class)).size();
        Address other = address(1);
        try (Session elsewhere = Session.open(c -> c.client(session.client()).namespace(session.config().namespace()))) {
            other.using(elsewhere);
            recorder.clear();
            assertThatThrownBy(() -> finder.importAll((Iterable<Address>) null)).isInstanceOf(RecordNotSavedException.class)
                    .hasMessageContaining("not null");
            assertThatThrownBy(() -> finder.importAll(Stream.of(address(0)), null)).isInstanceOf(RecordNotSavedException.class);
            assertThatThrownBy(() -> finder.importAll(Arrays.asList(address(0), null))).isInstanceOf(RecordNotSavedException.class)
                    .hasMessageContaining("record #1 is null");
            assertThatThrownBy(() -> finder.importAll(List.of(address(0), saved))).isInstanceOf(RecordNotSavedException.class)
                    .hasMessageContaining("is persisted already");
            assertThatThrownBy(() -> finder.importAll(List.of(destroyed))).isInstanceOf(RecordNotSavedException.class)
                    .hasMessageContaining("was destroyed");
            assertThatThrownBy(() -> finder.importAll(List.of(other))).isInstanceOf(RecordNotSavedException.class)
                    .hasMessageContaining("another session");
        }
        assertThat(recorder.requests(BatchWriteItemRequest.class)).isEmpty();
        assertThat(items(session, session.tableName(Address.class))).hasSize(before);
    }

    @Test
    void theProgressListenerHearsOfEachBatch() {
        List<ImportProgress> heard = new ArrayList<>();
        ImportResult<Address> result = Address.find.using(session).importAll(addresses(60).stream(),
                Import.options().progress(heard::add));
        assertThat(heard).extracting(ImportProgress::written).containsExactly(25L, 50L, 60L);
        assertThat(heard.get(2).batches()).isEqualTo(3);
        assertThat(heard.get(2).line()).startsWith("60 written, 0 skipped, 3 batches, 0 retries in ");
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(heard.get(2).elapsed());
    }

    @Test
    void theRetriesOfThrottledAndUnprocessedBatchesAreCountedInTheProgressAndTheResult(Session raw) {
        FaultyClient faults = FaultyClient.wrap(raw.client()).only("BatchWriteItem").build();
        Session faulty = FaultySessions.open(raw, faults, "impretry", new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)));
        try {
            // The first batch is throttled once, the second partly processed: each is sent once more.
            faults.next(Fault.THROTTLE, Fault.NONE, Fault.UNPROCESSED);
            List<ImportProgress> heard = new ArrayList<>();
            ImportResult<Address> result = Address.find.using(faulty).importAll(addresses(60).stream(),
                    Import.options().progress(heard::add));
            assertThat(heard).extracting(ImportProgress::retries).containsExactly(1L, 2L, 2L);
            assertThat(heard.get(2).line()).startsWith("60 written, 0 skipped, 3 batches, 2 retries in ");
            assertThat(result.retries()).isEqualTo(2);
            assertThat(result.batches() + result.retries()).isEqualTo(faults.stats().calls("BatchWriteItem")).isEqualTo(5);
            assertThat(items(raw, faulty.tableName(Address.class))).hasSize(60);
        } finally {
            FaultySessions.close(faulty);
        }
    }

    @Test
    void aFailurePartWayCountsEveryRecordWrittenAndRepeatingWithTheNewRecordsKeepsTheirIds(Session raw) {
        FaultyClient faults = FaultyClient.wrap(raw.client()).only("BatchWriteItem").build();
        Session faulty = FaultySessions.open(raw, faults, "impfail", new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)));
        try {
            List<Address> records = addresses(60);
            String table = faulty.tableName(Address.class);
            // The second batch is partly processed, then its retry times out after being applied.
            faults.next(Fault.NONE, Fault.UNPROCESSED, Fault.TIMEOUT_AFTER);
            PartialWriteException e = catchThrowableOfType(PartialWriteException.class,
                    () -> Address.find.using(faulty).importAll(records));
            assertThat(e.applied()).isGreaterThan(25).isLessThanOrEqualTo(50);
            assertThat(e).hasMessageContaining("filter(Model::isNewRecord)")
                    .as("not the batch's advice to repeat the same call, which an import refuses")
                    .hasMessageNotContaining("repeating makes no duplicates");
            assertThat(records.subList(0, 25)).allSatisfy(a -> assertThat(a.isNewRecord()).isFalse());
            List<Object> failedIds = records.subList(25, 50).stream().map(Address::id).toList();
            assertThat(failedIds).doesNotContainNull();
            assertThat(records.subList(50, 60)).allSatisfy(a -> assertThat(a.id()).isNull());

            ImportResult<Address> repeat = Address.find.using(faulty).importAll(records.stream().filter(Model::isNewRecord),
                    Import.options());
            assertThat(repeat.written()).isEqualTo(35);
            assertThat(records.subList(25, 50).stream().map(Address::id).toList()).isEqualTo(failedIds);
            assertThat(items(raw, table)).hasSize(60);
        } finally {
            FaultySessions.close(faulty);
        }
    }

    @Test
    void twentyThousandRecordsUnderThrottlingAndUnprocessedBatchesAreEachStoredOnce(Session raw) {
        FaultyClient faults = FaultyClient.wrap(raw.client()).seed(20261204).rate(0.5)
                .faults(Fault.THROTTLE, Fault.UNPROCESSED).only("BatchWriteItem").build();
        Session faulty = FaultySessions.open(raw, faults, "impsoak", new RetryPolicy(20, Duration.ofMillis(1), Duration.ofMillis(4)));
        try {
            String table = faulty.tableName(Badge.class);
            long start = System.nanoTime();
            ImportResult<Badge> result = Badge.find.using(faulty).importAll(
                    IntStream.range(0, 20_000).mapToObj(i -> badge("k" + i)).toList(), Import.options().skipValidation());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.written()).isEqualTo(20_000);
            List<Map<String, AttributeValue>> items = items(raw, table);
            Set<String> codes = new HashSet<>();
            items.forEach(i -> codes.add(i.get("code").s()));
            assertThat(items).hasSize(20_000);
            assertThat(codes).hasSize(20_000);
            assertThat(IntStream.range(0, 20_000).mapToObj(i -> "k" + i)).allMatch(codes::contains);
            FaultStats stats = faults.stats();
            assertThat(stats.injected(Fault.THROTTLE)).isPositive();
            assertThat(stats.injected(Fault.UNPROCESSED)).isPositive();
            assertThat(result.retries()).isEqualTo(stats.calls("BatchWriteItem") - result.batches()).isPositive();
            System.out.println("Import of 20,000 records: " + stats.calls("BatchWriteItem") + " BatchWriteItem calls, "
                    + stats.injected(Fault.THROTTLE) + " throttled, " + stats.injected(Fault.UNPROCESSED)
                    + " partly unprocessed, " + result.batches() + " batches, " + millis + " ms; stored " + items.size()
                    + " items, " + codes.size() + " distinct keys");
        } finally {
            FaultySessions.close(faulty);
        }
    }
}
