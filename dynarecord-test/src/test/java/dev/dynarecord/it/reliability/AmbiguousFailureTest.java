package dev.dynarecord.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Key;
import dev.dynarecord.Session;
import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.exception.TransientFailureException;
import dev.dynarecord.it.FaultySessions;
import dev.dynarecord.it.fixtures.Address;
import dev.dynarecord.it.lifecycle.Player;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultyClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes whose answer is lost: the SDK's retry meets the write's own effect, or the caller repeats a
 * write that may have been applied. Each claim of the reliability guarantees, one scripted fault each.
 */
@DynarecordTest(global = false)
class AmbiguousFailureTest {

    private Session raw;
    private FaultyClient faults;
    private Session session;
    private Finder<Address> addresses;
    private Finder<Player> players;

    @BeforeEach
    void open(Session raw) {
        this.raw = raw;
        faults = FaultyClient.wrap(raw.client()).seed(11).build();
        session = FaultySessions.open(raw, faults, "amb");
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

    @Test
    void anUpdateAppliedBeforeItsRetryIsASuccessNotAStaleRecord() {
        Address a = addresses.create(x -> x.city = "Oslo");
        Address loaded = addresses.byId(a.id());
        loaded.city = "Bergen";
        faults.next(Fault.LOST_RESPONSE_RETRIED);
        assertThat(loaded.save()).isTrue();
        assertThat(loaded.hasChanges()).isFalse();
        Map<String, AttributeValue> item = stored(Address.class).get(0);
        assertThat(item.get("city").s()).isEqualTo("Bergen");
        assertThat(item.get("lockVersion").n()).as("applied once").isEqualTo("2");
        loaded.zip = "5003";
        assertThat(loaded.save()).as("the record knows its version").isTrue();
    }

    @Test
    void aCreateAppliedBeforeItsRetryIsASuccessNotSomeoneElsesKey() {
        Address a = new Address().using(session);
        a.city = "Oslo";
        faults.next(Fault.LOST_RESPONSE_RETRIED);
        assertThat(a.save()).isTrue();
        assertThat(a.isPersisted()).isTrue();
        assertThat(stored(Address.class)).hasSize(1).allSatisfy(i -> assertThat(i.get("id").s()).isEqualTo(a.id()));
    }

    @Test
    void aCreateWhoseAnswerWasLostKeepsItsKeySoSavingAgainMakesNoSecondItem() {
        Address a = new Address().using(session);
        a.city = "Oslo";
        faults.next(Fault.SERVER_ERROR_AFTER);
        assertThatThrownBy(a::save).isInstanceOfSatisfying(TransientFailureException.class, e -> {
            assertThat(e.mayHaveBeenApplied()).isTrue();
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.operation()).isEqualTo("PutItem");
        });
        assertThat(a.id()).as("the generated key is kept").isNotNull();
        assertThat(a.isNewRecord()).isTrue();
        assertThat(a.save()).isTrue();
        assertThat(stored(Address.class)).hasSize(1);
        assertThat(a.isPersisted()).isTrue();
    }

    @Test
    void aCreateThatFailedBeforeBeingAppliedIsSimplySentAgain() {
        Address a = new Address().using(session);
        a.city = "Oslo";
        faults.next(Fault.TIMEOUT_BEFORE);
        assertThatThrownBy(a::save).isInstanceOf(TransientFailureException.class);
        assertThat(stored(Address.class)).isEmpty();
        assertThat(a.save()).isTrue();
        assertThat(stored(Address.class)).hasSize(1);
    }

    @Test
    void anUpdateWhoseAnswerWasLostIsRepeatedOnce() {
        Address a = addresses.create(x -> x.city = "Oslo");
        a.city = "Bergen";
        faults.next(Fault.TIMEOUT_AFTER);
        assertThatThrownBy(a::save).isInstanceOfSatisfying(TransientFailureException.class,
                e -> assertThat(e.mayHaveBeenApplied()).isTrue());
        assertThat(a.save()).as("recognised, not stale").isTrue();
        assertThat(stored(Address.class).get(0).get("lockVersion").n()).isEqualTo("2");
        a.zip = "5003";
        assertThat(a.save()).isTrue();
        assertThat(stored(Address.class).get(0).get("lockVersion").n()).isEqualTo("3");
    }

    @Test
    void aRealConflictIsStillAConflict() {
        Address a = addresses.create(x -> x.city = "Oslo");
        Address other = addresses.byId(a.id());
        other.city = "Tromsø";
        other.saveOrThrow();
        a.city = "Bergen";
        faults.next(Fault.LOST_RESPONSE_RETRIED);
        assertThatThrownBy(a::saveOrThrow).isInstanceOf(dev.dynarecord.exception.StaleRecordException.class);
        assertThat(stored(Address.class).get(0).get("city").s()).isEqualTo("Tromsø");
    }

    @Test
    void aTouchRetriedAfterItsAnswerWasLostIsRecognised() {
        Address a = addresses.create(x -> x.city = "Oslo");
        faults.next(Fault.LOST_RESPONSE_RETRIED);
        a.touch();
        assertThat(stored(Address.class).get(0).get("lockVersion").n()).as("applied once").isEqualTo("2");
        a.city = "Bergen";
        assertThat(a.save()).as("the record knows its version").isTrue();
    }

    @Test
    void aDestroyWhoseAnswerWasLostIsDoneWhenRepeated() {
        Address a = addresses.create(x -> x.city = "Oslo");
        faults.next(Fault.SERVER_ERROR_AFTER);
        assertThatThrownBy(a::destroy).isInstanceOf(TransientFailureException.class);
        assertThat(a.destroy()).isTrue();
        assertThat(stored(Address.class)).isEmpty();
    }

    @Test
    void throttlingAppliesNothingAndIsSafeToRepeat() {
        Address a = new Address().using(session);
        a.city = "Oslo";
        faults.next(Fault.THROTTLE);
        assertThatThrownBy(a::save).isInstanceOfSatisfying(ThroughputExceededException.class,
                e -> assertThat(e.mayHaveBeenApplied()).isFalse());
        assertThat(a.id()).as("nothing applied: the failed save is rolled back as before").isNull();
        assertThat(a.save()).isTrue();
        assertThat(stored(Address.class)).hasSize(1);
    }

    @Test
    void aRetriedAddCannotBeRecognised() {
        Player p = players.create(x -> x.name = "Ann");
        faults.next(Fault.LOST_RESPONSE_RETRIED);
        assertThatThrownBy(() -> players.update(Key.of(p.id()), WriteCondition.where("credits", 0L), u -> u.increment("credits")))
                .isInstanceOfSatisfying(TransientFailureException.class, e -> assertThat(e.mayHaveBeenApplied()).isTrue())
                .hasMessageContaining("cannot tell");
        assertThat(players.byId(p.id()).credits).as("applied once, by the first attempt").isEqualTo(1);

        faults.next(Fault.LOST_RESPONSE_RETRIED);
        p.increment("credits");
        assertThat(players.byId(p.id()).credits).as("without a condition, a retried ADD is applied twice").isEqualTo(3);
    }

    @Test
    void anAtomicSetIsRecognised() {
        Player p = players.create(x -> x.name = "Ann");
        faults.next(Fault.LOST_RESPONSE_RETRIED);
        Player after = players.update(Key.of(p.id()), WriteCondition.where("name", "Ann"), u -> u.set("name", "Anna"));
        assertThat(after.name).isEqualTo("Anna");
    }
}
