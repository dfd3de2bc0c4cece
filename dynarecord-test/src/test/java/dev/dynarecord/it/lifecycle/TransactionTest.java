package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynarecord.Finder;
import dev.dynarecord.Key;
import dev.dynarecord.Session;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.ItemTooLargeException;
import dev.dynarecord.exception.RecordInvalidException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.exception.TransactionFailedException;
import dev.dynarecord.it.Transfers;
import dev.dynarecord.it.fixtures.Address;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** {@code session.transaction(...)}: one TransactWriteItems, all or nothing, records changed only after the commit. */
@DynarecordTest(global = false)
class TransactionTest {

    private final Session session;
    private final Finder<Address> addresses;
    private final Finder<Player> players;

    TransactionTest(Session session) {
        this.session = session;
        this.addresses = Address.find.using(session);
        this.players = Player.find.using(session);
    }

    private Address address(String city) {
        Address a = new Address().using(session);
        a.city = city;
        return a;
    }

    @Test
    void aCreateASaveADestroyADeleteAnUpdateAndACheckCommitTogether(RequestRecorder recorder) {
        Address saved = addresses.create(a -> a.city = "Lyon");
        Address doomed = addresses.create(a -> a.city = "Gone");
        Address deleted = addresses.create(a -> a.city = "Deleted");
        Player player = players.create(p -> p.credits = 5);
        Player stock = players.create(p -> p.credits = 3);
        Address created = address("Paris");
        saved.city = "Nice";
        recorder.clear();

        session.transaction(tx -> tx.save(created).save(saved).destroy(doomed)
                .delete(Address.class, Key.of(deleted.id()))
                .update(Player.class, Key.of(player.id()), c -> c.add("credits", 1))
                .check(Player.class, Key.of(stock.id()), WriteCondition.where("credits.gt", 0)));

        TransactWriteItemsRequest sent = recorder.single(TransactWriteItemsRequest.class);
        assertThat(sent.transactItems()).hasSize(6);
        assertThat(sent.clientRequestToken()).isNotBlank();
        assertThat(created.isPersisted()).isTrue();
        assertThat(created.id()).isNotNull();
        assertThat(created.lockVersion()).isEqualTo(1);
        assertThat(saved.lockVersion()).isEqualTo(2);
        assertThat(saved.hasChanges()).isFalse();
        assertThat(doomed.isDestroyed()).isTrue();
        assertThat(addresses.byId(created.id()).city).isEqualTo("Paris");
        assertThat(addresses.byId(saved.id()).city).isEqualTo("Nice");
        assertThat(addresses.exists(doomed.id())).isFalse();
        assertThat(addresses.exists(deleted.id())).isFalse();
        assertThat(players.byId(player.id()).credits).isEqualTo(6);
    }

    @Test
    void aFailingThirdActionWritesNothingAndChangesNoRecord() {
        Address saved = addresses.create(a -> a.city = "Lyon");
        Address stale = addresses.create(a -> a.city = "Old");
        Address other = addresses.byId(stale.id());
        other.city = "Moved on";
        other.save();
        Address created = address("Paris");
        saved.city = "Nice";
        stale.city = "Stale";
        Player player = players.create(p -> p.credits = 5);

        TransactionFailedException e = catchThrowableOfType(() -> session.transaction(tx -> tx.save(created).save(saved)
                .save(stale).update(Player.class, Key.of(player.id()), c -> c.add("credits", 1))),
                TransactionFailedException.class);

        assertThat(e.failures()).hasSize(1);
        assertThat(e.failures().get(0).index()).isEqualTo(2);
        assertThat(e.failures().get(0).cause()).isInstanceOf(StaleRecordException.class);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("action #2", "save of Address '" + stale.id() + "'", "changed by someone else");
        assertThat(created.id()).isNull();
        assertThat(created.isNewRecord()).isTrue();
        assertThat(saved.lockVersion()).isEqualTo(1);
        assertThat(saved.hasChanges()).isTrue();
        assertThat(stale.lockVersion()).isEqualTo(1);
        assertThat(stale.changed()).contains("city");
        assertThat(addresses.byId(saved.id()).city).isEqualTo("Lyon");
        assertThat(addresses.byId(stale.id()).city).isEqualTo("Moved on");
        assertThat(players.byId(player.id()).credits).isEqualTo(5);
    }

    @Test
    void aRefusedConditionOfAnUpdateOrACheckIsNamed() {
        Player poor = players.create(p -> p.credits = 1);
        TransactionFailedException e = catchThrowableOfType(() -> session.transaction(tx -> tx
                .check(Player.class, Key.of(poor.id()), WriteCondition.where("credits.gt", 5))
                .update(Player.class, Key.of("no-such-player"), c -> c.add("credits", 1))), TransactionFailedException.class);
        assertThat(e.failures()).extracting(TransactionFailedException.Failure::index).containsExactly(0, 1);
        assertThat(e.failures().get(0).cause()).isInstanceOf(ConditionFailedException.class);
        assertThat(e.failures().get(1).cause()).isInstanceOf(dev.dynarecord.exception.RecordNotFoundException.class);
        assertThat(e.getMessage()).contains("action #0 (check of Player", "action #1 (update of Player");
    }

    @Test
    void aCancelledTransactionOfOneActionSaysSo() {
        Player poor = players.create(p -> p.credits = 1);
        TransactionFailedException e = catchThrowableOfType(() -> session.transaction(tx -> tx
                .check(Player.class, Key.of(poor.id()), WriteCondition.where("credits.gt", 5))), TransactionFailedException.class);
        assertThat(e.getMessage()).startsWith("the transaction of 1 action was cancelled");
    }

    @Test
    void badInputIsRefusedWithNothingSent(RequestRecorder recorder) {
        Address saved = addresses.create(a -> a.city = "Lyon");
        ImportTest.Guest invalid = new ImportTest.Guest().using(session);
        recorder.clear();

        session.transaction(tx -> { });
        assertThatThrownBy(() -> session.transaction(tx -> tx.save(address("ok")).save(invalid)))
                .isInstanceOf(RecordInvalidException.class).hasMessageContaining("action #1").hasMessageContaining("Guest");
        assertThatThrownBy(() -> session.transaction(tx -> {
            for (int i = 0; i <= 100; i++) {
                tx.delete(Address.class, Key.of("a-" + i));
            }
        })).isInstanceOf(InvalidUpdateException.class).hasMessageContaining("101 actions");
        List<Address> big = new ArrayList<>();
        assertThatThrownBy(() -> session.transaction(tx -> {
            for (int i = 0; i < 11; i++) {
                Address a = address("big");
                a.street = "x".repeat(390_000);
                big.add(a);
                tx.save(a);
            }
        })).isInstanceOf(ItemTooLargeException.class).hasMessageContaining("4 MB");
        assertThat(big).allSatisfy(a -> assertThat(a.id()).isNull());
        saved.city = "Changed";
        assertThatThrownBy(() -> session.transaction(tx -> tx.save(saved).destroy(saved)))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("same item");
        assertThatThrownBy(() -> session.transaction(tx -> tx.delete(Address.class, Key.of("k"))
                .update(Address.class, Key.of("k"), c -> c.set("city", "x")))).isInstanceOf(InvalidKeyException.class);
        try (Session elsewhere = Session.open(c -> c.client(session.client()).namespace(session.config().namespace()))) {
            Address foreign = new Address().using(elsewhere);
            assertThatThrownBy(() -> session.transaction(tx -> tx.save(foreign)))
                    .isInstanceOf(RecordNotSavedException.class).hasMessageContaining("another session");
        }
        assertThat(recorder.requests(TransactWriteItemsRequest.class)).isEmpty();
        assertThat(saved.isDestroyed()).isFalse();
        assertThat(saved.lockVersion()).isEqualTo(1);
    }

    @Test
    void sixteenThreadsTransferringBetweenTenAccountsKeepTheTotal() throws Exception {
        Transfers.keepTheTotal(session, 10, 16, 15);
    }
}
