package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynarecord.Finder;
import dev.dynarecord.Key;
import dev.dynarecord.ReadTransaction;
import dev.dynarecord.Session;
import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.exception.TransactionFailedException;
import dev.dynarecord.it.fixtures.Address;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultyClient;
import dev.dynarecord.test.RequestRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;

/** {@code session.readTransaction(...)}: one TransactGetItems, records in the order of the gets, bound to the session. */
@DynarecordTest(global = false)
class ReadTransactionTest {

    /** Two attempts, barely a pause: the retry policy of the fault tests. */
    private static final RetryPolicy TWO = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2));

    private final Session session;
    private final Finder<Address> addresses;
    private final Finder<Player> players;
    private final Finder<Event> events;

    ReadTransactionTest(Session session) {
        this.session = session;
        this.addresses = Address.find.using(session);
        this.players = Player.find.using(session);
        this.events = Event.find.using(session);
    }

    @Test
    void getsOfThreeTablesAreOneTransactGetItemsAndComeBackInOrder(RequestRecorder recorder) {
        Address lyon = addresses.create(a -> a.city = "Lyon");
        Player ann = players.create(p -> { p.name = "Ann"; p.credits = 7; });
        Event started = new Event("orders", 3, "started").using(session);
        started.saveOrThrow();
        recorder.clear();

        List<Object> read = session.readTransaction(tx -> {
            tx.get(Player.class, ann.id());
            tx.get(Address.class, "no-such-address");
            tx.get(Address.class, Key.of(lyon.id()));
            tx.get(Event.class, Key.of("orders", 3));
        });

        TransactGetItemsRequest sent = recorder.single(TransactGetItemsRequest.class);
        assertThat(sent.transactItems()).extracting(i -> i.get().tableName()).containsExactly(session.tableName(Player.class),
                session.tableName(Address.class), session.tableName(Address.class), session.tableName(Event.class));
        assertThat(sent.transactItems()).map(TransactGetItem::get).allSatisfy(g -> assertThat(g.projectionExpression()).isNull());
        assertThat(recorder.requests(GetItemRequest.class)).isEmpty();
        assertThat(recorder.requests(BatchGetItemRequest.class)).isEmpty();
        assertThat(read).hasSize(4);
        assertThat(read.get(0)).isInstanceOfSatisfying(Player.class, p -> assertThat(p.credits).isEqualTo(7));
        assertThat(read.get(1)).isNull();
        assertThat(read.get(2)).isInstanceOfSatisfying(Address.class, a -> assertThat(a.city).isEqualTo("Lyon"));
        assertThat(read.get(3)).isInstanceOfSatisfying(Event.class, e -> assertThat(e.payload).isEqualTo("started"));
        assertThatThrownBy(() -> read.set(1, lyon)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refsGiveTypedRecordsOnceExecuted() {
        Address lyon = addresses.create(a -> a.city = "Lyon");
        Event started = new Event("orders", 1, "started").using(session);
        started.saveOrThrow();

        ReadTransaction tx = session.readTransaction();
        ReadTransaction.Ref<Address> address = tx.get(Address.class, lyon.id());
        ReadTransaction.Ref<Event> event = tx.get(Event.class, Key.of("orders", 1L));
        ReadTransaction.Ref<Event> absent = tx.get(Event.class, Key.of("orders", 2));
        assertThatThrownBy(address::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("execute()");
        List<Object> read = tx.execute();

        Address a = address.get();
        Event e = event.get();
        assertThat(a.city).isEqualTo("Lyon");
        assertThat(e.sequence).isEqualTo(1L);
        assertThat(read).containsExactly(a, e, null);
        assertThat(absent.optional()).isEmpty();
        assertThat(absent.index()).isEqualTo(2);
        assertThatThrownBy(absent::get).isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Event 'orders'/'2' in table " + session.tableName(Event.class)).hasMessageContaining("optional()");
        assertThatThrownBy(() -> tx.get(Address.class, "more")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("executed already");
        assertThatThrownBy(tx::execute).isInstanceOf(IllegalStateException.class).hasMessageContaining("executed already");
    }

    @Test
    void aRecordReadInATransactionIsANormalRecordOfTheSession() {
        Address created = addresses.create(a -> a.city = "Lyon");
        ReadTransaction tx = session.readTransaction();
        ReadTransaction.Ref<Address> ref = tx.get(Address.class, created.id());
        tx.execute();
        Address loaded = ref.get();
        assertThat(loaded.isPersisted()).isTrue();
        assertThat(loaded.hasChanges()).isFalse();
        assertThat(loaded.lockVersion()).isEqualTo(1);
        loaded.city = "Nice";
        assertThat(loaded.changed()).containsExactly("city");
        assertThat(loaded.save()).isTrue();
        assertThat(loaded.lockVersion()).isEqualTo(2);
        assertThat(addresses.byId(created.id()).city).isEqualTo("Nice");

        created.city = "Stale";
        assertThatThrownBy(created::save).isInstanceOf(StaleRecordException.class);
        assertThat(addresses.byId(created.id()).city).isEqualTo("Nice");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void badInputIsRefusedWithNothingSent(RequestRecorder recorder) {
        Address lyon = addresses.create(a -> a.city = "Lyon");
        recorder.clear();

        assertThat(session.readTransaction(tx -> { })).isEmpty();
        assertThatThrownBy(() -> session.readTransaction(tx -> tx.get((Class) null, "x")))
                .isInstanceOf(ModelDefinitionException.class).hasMessageContaining("get #0").hasMessageContaining("User.class");
        assertThatThrownBy(() -> session.readTransaction(tx -> tx.get(Address.class, (Object) null)))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("the id of Address is null");
        assertThatThrownBy(() -> session.readTransaction(tx -> tx.get(Address.class, (Key) null)))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("the key of Address is null");
        assertThatThrownBy(() -> session.readTransaction(tx -> tx.get(Event.class, Key.of("orders", "third"))))
                .isInstanceOf(ConversionException.class).hasMessageContaining("get #0").hasMessageContaining("sequence");
        assertThatThrownBy(() -> session.readTransaction(tx -> tx.get(Event.class, "orders")))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("Event has a range key (sequence)")
                .hasMessageContaining("Key.of(hash, range)");
        assertThatThrownBy(() -> session.readTransaction(tx -> tx.get(Event.class, Key.of("orders"))))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("range key").hasMessageContaining("missing");
        assertThatThrownBy(() -> session.readTransaction(tx -> tx.get(Address.class, Key.of("a", "b"))))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("no range key");
        assertThatThrownBy(() -> session.readTransaction(tx -> {
            tx.get(Player.class, "p");
            tx.get(Address.class, lyon.id());
            tx.get(Address.class, Key.of(lyon.id()));
        })).isInstanceOf(InvalidKeyException.class).hasMessageContaining("get #2: get of Address '" + lyon.id() + "'")
                .hasMessageContaining("same item as get #1");
        assertThatThrownBy(() -> session.readTransaction(tx -> {
            for (int i = 0; i <= 100; i++) {
                tx.get(Address.class, "a-" + i);
            }
        })).isInstanceOf(InvalidQueryException.class).hasMessageContaining("get #100").hasMessageContaining("at most 100");
        assertThatThrownBy(() -> session.readTransaction(tx -> {
            tx.get(Address.class, lyon.id());
            tx.execute();
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("executed already");

        assertThat(recorder.requests(TransactGetItemsRequest.class)).hasSize(1);   // the execute() inside the body
        recorder.clear();
        List<Object> hundred = session.readTransaction(tx -> {
            for (int i = 0; i < 100; i++) {
                tx.get(Address.class, "a-" + i);
            }
        });
        assertThat(hundred).hasSize(100).containsOnlyNulls();
        assertThat(recorder.single(TransactGetItemsRequest.class).transactItems()).hasSize(100);
    }

    @Test
    void aThrottledReadTransactionIsRetriedThenNamedAndExecutingItAgainReads(Session raw) {
        Address lyon = addresses.create(a -> a.city = "Lyon");
        players.create(p -> p.name = "Ann");
        FaultyClient faults = FaultyClient.wrap(raw.client()).build();
        try (Session faulty = Session.open(c -> c.client(faults.client()).namespace(raw.config().namespace()).retryPolicy(TWO))) {
            faults.next(Fault.THROTTLE);
            assertThat(faulty.readTransaction(tx -> tx.get(Address.class, lyon.id()))).as("retried").hasSize(1);
            assertThat(faults.stats().calls("TransactGetItems")).isEqualTo(2);

            ReadTransaction tx = faulty.readTransaction();
            ReadTransaction.Ref<Address> address = tx.get(Address.class, lyon.id());
            tx.get(Player.class, "p");
            faults.next(Fault.THROTTLE, Fault.THROTTLE);
            assertThatThrownBy(tx::execute).isInstanceOf(ThroughputExceededException.class)
                    .hasMessageContaining("a read transaction of 2 gets").hasMessageContaining("TransactGetItems")
                    .hasMessageContaining("nothing was applied");
            assertThat(faults.stats().injected(Fault.THROTTLE, "TransactGetItems")).isEqualTo(3);
            assertThatThrownBy(address::get).isInstanceOf(IllegalStateException.class);
            assertThat(tx.execute()).hasSize(2);
            assertThat(address.get().city).isEqualTo("Lyon");
        }
    }

    @Test
    void aConflictWithAWriteTransactionIsRetriedUntilThePolicyGivesUp(Session raw) {
        Address lyon = addresses.create(a -> a.city = "Lyon");
        FaultyClient faults = FaultyClient.wrap(raw.client()).build();
        try (Session faulty = Session.open(c -> c.client(faults.client()).namespace(raw.config().namespace()).retryPolicy(TWO))) {
            faults.next(Fault.TRANSACTION_CONFLICT);
            assertThat(faulty.readTransaction(tx -> tx.get(Address.class, lyon.id()))).singleElement()
                    .satisfies(a -> assertThat(((Address) a).city).isEqualTo("Lyon"));

            faults.next(Fault.TRANSACTION_CONFLICT, Fault.TRANSACTION_CONFLICT);
            TransactionFailedException e = catchThrowableOfType(() -> faulty.readTransaction(tx -> {
                tx.get(Player.class, "p");
                tx.get(Address.class, lyon.id());
            }), TransactionFailedException.class);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.failures()).hasSize(1);
            assertThat(e.getMessage()).contains("read transaction of 2 gets was cancelled; nothing was read", "write transaction",
                    "Run it again");
            assertThat(faults.stats().calls("TransactGetItems")).isEqualTo(4);
        }
    }

    @Test
    void aCancellationNamesTheGetsAndSaysWhetherToRunItAgain(Session raw) {
        Address lyon = addresses.create(a -> a.city = "Lyon");
        players.create(p -> p.name = "Ann");
        try (Session conflicted = Session.open(c -> c.client(Cancelling.client(raw.client(), "None", "TransactionConflict"))
                .namespace(raw.config().namespace()).retryPolicy(TWO))) {
            TransactionFailedException e = catchThrowableOfType(() -> conflicted.readTransaction(tx -> {
                tx.get(Player.class, "p");
                tx.get(Address.class, lyon.id());
            }), TransactionFailedException.class);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.failures()).extracting(TransactionFailedException.Failure::index).containsExactly(1);
            assertThat(e.getMessage()).contains("read transaction of 2 gets was cancelled; nothing was read",
                    "action #1 (get of Address '" + lyon.id() + "')", "write transaction", "Run it again");
        }
        try (Session throttled = Session.open(c -> c.client(Cancelling.client(raw.client(), "ThrottlingError"))
                .namespace(raw.config().namespace()).retryPolicy(TWO))) {
            TransactionFailedException e = catchThrowableOfType(() -> throttled.readTransaction(
                    tx -> tx.get(Address.class, lyon.id())), TransactionFailedException.class);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getMessage()).contains("throttled (ThrottlingError)");
        }
        try (Session refused = Session.open(c -> c.client(Cancelling.client(raw.client(), "ValidationError"))
                .namespace(raw.config().namespace()).retryPolicy(TWO))) {
            TransactionFailedException e = catchThrowableOfType(() -> refused.readTransaction(
                    tx -> tx.get(Address.class, lyon.id())), TransactionFailedException.class);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.failures().get(0).cause()).hasMessageContaining("ValidationError");
            assertThat(e.getMessage()).contains("4 MB");
        }
    }

    @Test
    void itemsOverFourMegabytesInAllAreRefusedWithWhatToDo() {
        String street = "x".repeat(390_000);
        ReadTransaction tx = session.readTransaction();
        for (int i = 0; i < 11; i++) {
            tx.get(Address.class, addresses.create(a -> a.street = street).id());
        }
        assertThatThrownBy(tx::execute).isInstanceOf(DynarecordException.class)
                .hasMessageContaining("refused the read transaction of 11 gets").hasMessageContaining("nothing was read")
                .hasMessageContaining("4 MB").hasMessageContaining("smaller transactions");
    }

    /** Write transactions move credits between accounts; every read transaction of all of them sees the same total. */
    @Test
    void aReadTransactionSeesNoWriteTransactionHalfWay() throws Exception {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(players.create(p -> p.credits = 100).id());
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger snapshots = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < 40; n++) {
                        int from = ThreadLocalRandom.current().nextInt(5);
                        int to = (from + 1 + ThreadLocalRandom.current().nextInt(4)) % 5;
                        try {
                            session.transaction(tx -> tx.update(Player.class, Key.of(ids.get(from)), c -> c.add("credits", -3))
                                    .update(Player.class, Key.of(ids.get(to)), c -> c.add("credits", 3)));
                        } catch (TransactionFailedException e) {
                            assertThat(e.isRetryable()).isTrue();
                        }
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                while (writing.get() || snapshots.get() == 0) {
                    try {
                        List<Object> read = session.readTransaction(tx -> ids.forEach(id -> tx.get(Player.class, id)));
                        assertThat(read.stream().mapToLong(p -> ((Player) p).credits).sum()).isEqualTo(500);
                        snapshots.incrementAndGet();
                    } catch (TransactionFailedException e) {
                        assertThat(e.isRetryable()).isTrue();
                        cancelled.incrementAndGet();
                    }
                }
                return null;
            });
            for (Future<?> w : writers) {
                w.get();
            }
            writing.set(false);
            reader.get();
        } finally {
            pool.shutdownNow();
        }
        System.out.println("ReadTransactionTest: " + snapshots.get() + " snapshots, " + cancelled.get() + " cancelled");
        assertThat(snapshots.get()).isPositive();
    }
}
