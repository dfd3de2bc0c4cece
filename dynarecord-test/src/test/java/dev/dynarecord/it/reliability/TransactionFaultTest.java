package dev.dynarecord.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynarecord.Finder;
import dev.dynarecord.Key;
import dev.dynarecord.Session;
import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.TransactionFailedException;
import dev.dynarecord.exception.TransientFailureException;
import dev.dynarecord.it.FaultySessions;
import dev.dynarecord.it.Transfers;
import dev.dynarecord.it.fixtures.Address;
import dev.dynarecord.it.lifecycle.Player;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultStats;
import dev.dynarecord.test.FaultyClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Write transactions that meet other transactions, lose their answer, or are still in progress when
 * the SDK gives up: retried by the session's retry policy, applied at most once, and recognised when
 * the caller runs them again.
 */
@DynarecordTest(global = false)
class TransactionFaultTest {

    private static final RetryPolicy THREE = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private Session raw;
    private FaultyClient faults;
    private Session session;
    private Finder<Address> addresses;
    private Finder<Player> players;

    @BeforeEach
    void open(Session raw) {
        this.raw = raw;
        faults = FaultyClient.wrap(raw.client()).seed(13).build();
        session = FaultySessions.open(raw, faults, "txf", THREE);
        addresses = Address.find.using(session);
        players = Player.find.using(session);
        session.tables().create(Address.class);
        session.tables().create(Player.class);
    }

    @AfterEach
    void close() {
        FaultySessions.close(session);
    }

    private List<Map<String, AttributeValue>> stored(Class<?> model) {
        return FaultySessions.items(raw, session.tableName(model.asSubclass(dev.dynarecord.Model.class)));
    }

    private Address address(String city) {
        Address a = new Address().using(session);
        a.city = city;
        return a;
    }

    private long transactWrites() {
        return faults.stats().calls("TransactWriteItems");
    }

    @Test
    void aConflictIsRetriedAndTheTransactionCommits() {
        Player payer = players.create(p -> p.credits = 10);
        Address a = address("Oslo");
        faults.next(Fault.TRANSACTION_CONFLICT, Fault.TRANSACTION_CONFLICT);

        session.transaction(tx -> tx.save(a).update(Player.class, Key.of(payer.id()), c -> c.add("credits", -3)));

        assertThat(transactWrites()).as("two conflicts, then the commit").isEqualTo(3);
        assertThat(a.isPersisted()).isTrue();
        assertThat(stored(Address.class)).hasSize(1);
        assertThat(players.byId(payer.id()).credits).as("applied once").isEqualTo(7);
    }

    @Test
    void conflictsUntilTheRetriesRunOutAreARetryableFailureWithNothingChanged() {
        Player payer = players.create(p -> p.credits = 10);
        Address a = address("Oslo");
        faults.next(Fault.TRANSACTION_CONFLICT, Fault.TRANSACTION_CONFLICT, Fault.TRANSACTION_CONFLICT);

        TransactionFailedException e = catchThrowableOfType(() -> session.transaction(tx -> tx.save(a)
                .update(Player.class, Key.of(payer.id()), c -> c.add("credits", -3))), TransactionFailedException.class);

        assertThat(e.isRetryable()).isTrue();
        assertThat(e.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).contains("conflicted");
            assertThat(f.cause()).isNull();
        });
        assertThat(e).hasMessageContaining("Run it again");
        assertThat(transactWrites()).as("the policy's three attempts").isEqualTo(3);
        assertThat(a.isNewRecord()).isTrue();
        assertThat(a.id()).as("no key kept: nothing was written").isNull();
        assertThat(stored(Address.class)).isEmpty();
        assertThat(players.byId(payer.id()).credits).isEqualTo(10);
    }

    @Test
    void aRefusedConditionIsNotRetried() {
        Player payer = players.create(p -> p.credits = 2);
        TransactionFailedException e = catchThrowableOfType(() -> session.transaction(tx -> tx.update(Player.class,
                Key.of(payer.id()), WriteCondition.where("credits.gte", 5), c -> c.add("credits", -5))),
                TransactionFailedException.class);

        assertThat(e.isRetryable()).isFalse();
        assertThat(e.failures()).singleElement().satisfies(f -> assertThat(f.cause())
                .isInstanceOf(ConditionFailedException.class));
        assertThat(transactWrites()).isEqualTo(1);
    }

    @Test
    void aTransactionStillInProgressIsSentAgainUnderItsTokenAndAppliedOnce() {
        Player payer = players.create(p -> p.credits = 10);
        Address a = address("Oslo");
        faults.next(Fault.TRANSACTION_IN_PROGRESS);

        session.transaction(tx -> tx.save(a).update(Player.class, Key.of(payer.id()), c -> c.add("credits", -3)));

        assertThat(transactWrites()).isEqualTo(2);
        assertThat(a.isPersisted()).isTrue();
        assertThat(a.lockVersion()).isEqualTo(1);
        assertThat(stored(Address.class)).singleElement().satisfies(i -> assertThat(i.get("id").s()).isEqualTo(a.id()));
        assertThat(players.byId(payer.id()).credits).as("the add applied once, not twice").isEqualTo(7);
    }

    @Test
    void anAnswerLostEveryTimeIsUnknownAndRunningItAgainRecognisesTheCommit() {
        Address created = address("Oslo");
        Address changed = addresses.create(x -> x.city = "Bergen");
        changed.zip = "5003";
        faults.next(Fault.SERVER_ERROR_AFTER, Fault.SERVER_ERROR_AFTER, Fault.SERVER_ERROR_AFTER);

        TransientFailureException e = catchThrowableOfType(() -> session.transaction(tx -> tx.save(created).save(changed)),
                TransientFailureException.class);

        assertThat(e.mayHaveBeenApplied()).isTrue();
        assertThat(created.isNewRecord()).as("not known to be written").isTrue();
        Object id = created.id();
        assertThat(id).as("the generated key is kept for the repeat").isNotNull();
        assertThat(changed.hasChanges()).isTrue();
        assertThat(stored(Address.class)).as("the first attempt committed").hasSize(2);

        session.transaction(tx -> tx.save(created).save(changed));

        assertThat(created.isPersisted()).isTrue();
        assertThat(created.id()).isEqualTo(id);
        assertThat(changed.hasChanges()).isFalse();
        assertThat(changed.lockVersion()).isEqualTo(2);
        assertThat(stored(Address.class)).as("nothing stored twice").hasSize(2);
        changed.zip = "5004";
        assertThat(changed.save()).as("the record knows its version").isTrue();
    }

    @Test
    void anUnknownOutcomeThatWasNotAppliedIsWrittenByTheRepeat() {
        Address created = address("Oslo");
        faults.next(Fault.TIMEOUT_BEFORE, Fault.TIMEOUT_BEFORE, Fault.SERVER_ERROR_BEFORE);

        catchThrowableOfType(() -> session.transaction(tx -> tx.save(created)), TransientFailureException.class);
        assertThat(stored(Address.class)).isEmpty();

        session.transaction(tx -> tx.save(created));
        assertThat(created.isPersisted()).isTrue();
        assertThat(stored(Address.class)).hasSize(1);
    }

    @Test
    void sixteenThreadsTransferringUnderInjectedConflictsKeepTheTotal() throws Exception {
        FaultyClient conflicting = FaultyClient.wrap(raw.client()).seed(17).rate(0.3)
                .faults(Fault.TRANSACTION_CONFLICT, Fault.TRANSACTION_IN_PROGRESS, Fault.LOST_RESPONSE_RETRIED)
                .only("TransactWriteItems").build();
        Session busy = FaultySessions.open(raw, conflicting, "txb", RetryPolicy.DEFAULT);
        try {
            Transfers.keepTheTotal(busy, 10, 16, 12);
            FaultStats stats = conflicting.stats();
            assertThat(stats.injected(Fault.TRANSACTION_CONFLICT, "TransactWriteItems")).isPositive();
            assertThat(stats.injected(Fault.TRANSACTION_IN_PROGRESS, "TransactWriteItems")).isPositive();
            assertThat(stats.injected(Fault.LOST_RESPONSE_RETRIED, "TransactWriteItems")).isPositive();
        } finally {
            FaultySessions.close(busy);
        }
    }
}
