package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.ReadOptions;
import dev.dynarecord.Session;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.exception.RecordNotUniqueException;
import dev.dynarecord.it.fixtures.Account;
import dev.dynarecord.it.fixtures.Address;
import dev.dynarecord.it.fixtures.Counter;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.it.fixtures.User;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

@DynarecordTest
class PersistenceTest {

    private static Map<String, AttributeValue> rawUser(Session session, Object id) {
        return Raw.item(session, User.find.tableName(), "id", (String) id);
    }

    @Test
    void saveGeneratesAUuidAndTimestampsThatAreStored(Session session) {
        User u = new User();
        u.name = "Josh";
        assertThat(u.id()).isNull();
        assertThat(u.createdAt()).isNull();
        Instant before = Instant.now();
        assertThat(u.save()).isTrue();

        assertThat(u.id()).isInstanceOf(String.class);
        assertThat(UUID.fromString((String) u.id())).isNotNull();
        Map<String, AttributeValue> raw = rawUser(session, u.id());
        assertThat(raw.get("name").s()).isEqualTo("Josh");
        Instant storedCreated = Instant.parse(raw.get("createdAt").s());
        Instant storedUpdated = Instant.parse(raw.get("updatedAt").s());
        assertThat(storedCreated).isEqualTo(u.createdAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(storedUpdated).isEqualTo(u.updatedAt());

        User loaded = User.find.byId(u.id());
        assertThat(loaded.createdAt()).isEqualTo(storedCreated);
        loaded.name = "Joshua";
        loaded.saveOrThrow();
        Map<String, AttributeValue> after = rawUser(session, u.id());
        assertThat(Instant.parse(after.get("createdAt").s())).isEqualTo(storedCreated);
        assertThat(Instant.parse(after.get("updatedAt").s())).isAfterOrEqualTo(storedUpdated);
        assertThat(after.get("name").s()).isEqualTo("Joshua");
    }

    @Test
    void lifecycleFlags() {
        Address a = new Address();
        assertThat(a.isNewRecord()).isTrue();
        assertThat(a.isPersisted()).isFalse();
        assertThat(a.isDestroyed()).isFalse();
        a.city = "Lyon";
        a.saveOrThrow();
        assertThat(a.isNewRecord()).isFalse();
        assertThat(a.isPersisted()).isTrue();
        Address loaded = Address.find.byId(a.id());
        assertThat(loaded.isNewRecord()).isFalse();
        assertThat(loaded.isPersisted()).isTrue();
        assertThat(loaded.destroy()).isTrue();
        assertThat(loaded.isDestroyed()).isTrue();
        assertThat(loaded.isPersisted()).isFalse();
        assertThat(loaded.isNewRecord()).isFalse();
        assertThat(Address.find.exists(a.id())).isFalse();
        assertThatThrownBy(loaded::save).isInstanceOf(RecordNotSavedException.class).hasMessageContaining("Address");
    }

    @Test
    void findByIdOptionalAndExists() {
        Address a = Address.find.create(x -> x.city = "Nantes");
        assertThat(Address.find.byId(a.id()).city).isEqualTo("Nantes");
        assertThat(Address.find.byId(a.id(), ReadOptions.consistent()).city).isEqualTo("Nantes");
        assertThat(Address.find.byIdOptional(a.id())).map(x -> x.city).contains("Nantes");
        assertThat(Address.find.byIdOptional("missing-" + UUID.randomUUID())).isEmpty();
        assertThat(Address.find.exists(a.id())).isTrue();
        assertThat(Address.find.exists("missing-" + UUID.randomUUID())).isFalse();
    }

    @Test
    void compositeKeys() {
        new Event("orders", 1, "one").saveOrThrow();
        new Event("orders", 2, "two").saveOrThrow();
        new Event("payments", 1, "pay").saveOrThrow();
        assertThat(Event.find.byId("orders", 2L).payload).isEqualTo("two");
        assertThat(Event.find.byId("orders", 1).payload).isEqualTo("one"); // int widened to long
        assertThat(Event.find.byId("payments", 1L).payload).isEqualTo("pay");
        assertThat(Event.find.exists("orders", 3L)).isFalse();
        assertThat(Event.find.byIdOptional("orders", 3L)).isEmpty();
        Event.find.delete("orders", 1L);
        assertThat(Event.find.exists("orders", 1L)).isFalse();
        assertThat(Event.find.exists("orders", 2L)).isTrue();
    }

    @Test
    void missingIdThrowsNamingModelAndKey() {
        String id = "nobody-" + UUID.randomUUID();
        assertThatThrownBy(() -> User.find.byId(id)).isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("User").hasMessageContaining(id).hasMessageContaining("byIdOptional");
        assertThatThrownBy(() -> Event.find.byId("s", 99L)).isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("Event").hasMessageContaining("99");
    }

    @Test
    void updateAndUpdateOrThrow(Session session) {
        User u = User.find.create(x -> { x.name = "A"; x.rank = 1; });
        assertThat(u.update(x -> { x.name = "B"; x.rank = 2; })).isTrue();
        Map<String, AttributeValue> raw = rawUser(session, u.id());
        assertThat(raw.get("name").s()).isEqualTo("B");
        assertThat(raw.get("rank").n()).isEqualTo("2");
        User same = u.updateOrThrow(x -> x.score = 2.5);
        assertThat(same).isSameAs(u);
        assertThat(User.find.byId(u.id()).score).isEqualTo(2.5);
    }

    @Test
    void reloadSeesChangesMadeThroughAnotherInstance() {
        User u = User.find.create(x -> x.name = "first");
        User other = User.find.byId(u.id());
        other.update(x -> x.name = "second");
        assertThat(u.name).isEqualTo("first");
        assertThat(u.reload()).isSameAs(u);
        assertThat(u.name).isEqualTo("second");
        other.destroy();
        assertThatThrownBy(u::reload).isInstanceOf(RecordNotFoundException.class).hasMessageContaining("User");
    }

    @Test
    void destroyDeleteAndFinderDelete(Session session) {
        User a = User.find.create(x -> x.name = "a");
        User b = User.find.create(x -> x.name = "b");
        User c = User.find.create(x -> x.name = "c");
        a.destroy();
        b.delete();
        User.find.delete(c.id());
        User.find.delete("never-existed-" + UUID.randomUUID()); // not an error
        for (User x : new User[] {a, b, c}) {
            assertThat(rawUser(session, x.id())).as(x.name).isEmpty();
        }
        assertThat(b.isDestroyed()).isTrue();
    }

    @Test
    void equalityByKey() {
        User u = User.find.create(x -> x.name = "eq");
        User one = User.find.byId(u.id());
        User two = User.find.byId(u.id());
        assertThat(one).isEqualTo(two).isEqualTo(u).hasSameHashCodeAs(two);
        assertThat(new User()).isNotEqualTo(new User());
        User other = User.find.create(x -> x.name = "eq");
        assertThat(other).isNotEqualTo(u);
        assertThat(new HashSet<>(java.util.List.of(one, two, other))).hasSize(2);
        assertThat(new Event("s", 1, "x")).isEqualTo(new Event("s", 1, "y")).isNotEqualTo(new Event("s", 2, "x"));
    }

    @Test
    void createThroughTheFinder(Session session) {
        Account acc = Account.find.create(x -> { x.accountId = "acc-1"; x.owner = "Ann"; x.balance = new BigDecimal("10.25"); });
        assertThat(acc.isPersisted()).isTrue();
        Map<String, AttributeValue> raw = Raw.item(session, Account.find.tableName(), "accountId", "acc-1");
        assertThat(raw.get("owner").s()).isEqualTo("Ann");
        assertThat(new BigDecimal(raw.get("balance").n())).isEqualByComparingTo("10.25");
        assertThat(Account.find.tableName()).endsWith("_accounts");
    }

    @Test
    void defaultsOnNewRecordsAndOnLoadedItemsLackingTheAttribute(Session session) {
        assertThat(new User().poisonLimit).isEqualTo(5);
        assertThat(User.find.build().poisonLimit).isEqualTo(5);
        User u = User.find.create(x -> x.poisonLimit = 9);
        assertThat(rawUser(session, u.id()).get("poisonLimit").n()).isEqualTo("9");
        assertThat(User.find.byId(u.id()).poisonLimit).isEqualTo(9);

        String id = "old-" + UUID.randomUUID();
        session.client().putItem(PutItemRequest.builder().tableName(User.find.tableName())
                .item(Map.of("id", AttributeValue.fromS(id), "name", AttributeValue.fromS("legacy"))).build());
        User legacy = User.find.byId(id);
        assertThat(legacy.name).isEqualTo("legacy");
        assertThat(legacy.poisonLimit).isEqualTo(5);
        assertThat(legacy.rank).isZero();
    }

    @Test
    void timestampsOffStoresNoTimestampAttributes(Session session) {
        Counter c = new Counter();
        c.counterId = 42L;
        c.value = 7;
        c.saveOrThrow();
        assertThat(c.createdAt()).isNull();
        Map<String, AttributeValue> raw = Raw.item(session, Counter.find.tableName(), Map.of("counterId", AttributeValue.fromN("42")));
        assertThat(raw).containsKeys("counterId", "value").doesNotContainKeys("createdAt", "updatedAt");
        c.update(x -> x.value = 8);
        raw = Raw.item(session, Counter.find.tableName(), Map.of("counterId", AttributeValue.fromN("42")));
        assertThat(raw.get("value").n()).isEqualTo("8");
        assertThat(raw).doesNotContainKeys("createdAt", "updatedAt");
        assertThat(Counter.find.byId(42L).createdAt()).isNull();
    }

    @Test
    void newRecordWithAnExistingKeyIsRefusedAndTheItemIsUnchanged(Session session) {
        Account.find.create(x -> { x.accountId = "dup"; x.owner = "original"; });
        Map<String, AttributeValue> before = Raw.item(session, Account.find.tableName(), "accountId", "dup");
        Account dup = new Account();
        dup.accountId = "dup";
        dup.owner = "intruder";
        assertThatThrownBy(dup::save).isInstanceOf(RecordNotUniqueException.class)
                .hasMessageContaining("Account").hasMessageContaining("dup");
        assertThat(dup.isNewRecord()).isTrue();
        assertThat(dup.createdAt()).isNull();
        assertThat(Raw.item(session, Account.find.tableName(), "accountId", "dup")).isEqualTo(before);
        assertThat(before.get("owner").s()).isEqualTo("original");
    }

    @Test
    void savingARecordWhoseItemWasDeletedIsRefused(Session session) {
        User u = User.find.create(x -> x.name = "ghost");
        User.find.delete(u.id());
        u.name = "back";
        assertThatThrownBy(u::save).isInstanceOf(RecordNotSavedException.class)
                .hasMessageContaining("User").hasMessageContaining((String) u.id());
        assertThat(rawUser(session, u.id())).isEmpty();
    }

    @Test
    void nullFieldsAreRemovedFromTheItem(Session session) {
        User u = User.find.create(x -> { x.name = "n"; x.email = "e@x"; x.tags = new HashSet<>(Set.of("a")); });
        assertThat(rawUser(session, u.id())).containsKeys("email", "tags");
        u.update(x -> { x.email = null; x.tags = new HashSet<>(); });
        Map<String, AttributeValue> raw = rawUser(session, u.id());
        assertThat(raw).doesNotContainKeys("email", "tags").containsKey("name");
        User loaded = User.find.byId(u.id());
        assertThat(loaded.email).isNull();
        assertThat(loaded.tags).isNull();
    }

    @Test
    void oneRequestPerOperation(RequestRecorder recorder) {
        User.find.create(x -> x.name = "warm-up"); // table described/created here
        recorder.clear();
        User u = new User();
        u.name = "r";
        u.saveOrThrow();
        assertThat(recorder.summary()).containsExactly("PutItem " + User.find.tableName());
        recorder.clear();
        u.update(x -> x.name = "r2");
        assertThat(recorder.summary()).containsExactly("UpdateItem " + User.find.tableName());
        assertThat(recorder.single(UpdateItemRequest.class).key()).containsEntry("id", AttributeValue.fromS((String) u.id()));
        recorder.clear();
        User.find.byId(u.id());
        assertThat(recorder.summary()).containsExactly("GetItem " + User.find.tableName());
        recorder.clear();
        u.destroy();
        assertThat(recorder.summary()).containsExactly("DeleteItem " + User.find.tableName());
        assertThat(recorder.count(DeleteItemRequest.class)).isEqualTo(1);
        assertThat(recorder.count(GetItemRequest.class)).isZero();
    }

    /** Keys only, no timestamps: a second save has nothing to SET or REMOVE. */
    @dev.dynarecord.annotation.Table(timestamps = false)
    public static class KeyOnly extends dev.dynarecord.Model<KeyOnly> {
        @dev.dynarecord.annotation.HashKey public String code;
    }

    @Test
    void savingAKeyOnlyRecordTwice(Session session) {
        KeyOnly k = new KeyOnly();
        k.code = "only";
        k.saveOrThrow();
        k.saveOrThrow();
        // the key and the lock version (saving again without changes sends nothing)
        assertThat(Raw.item(session, session.tableName(KeyOnly.class), "code", "only")).containsOnlyKeys("code", "lockVersion");
        assertThat(session.find(KeyOnly.class).byId("only").isPersisted()).isTrue();
        session.find(KeyOnly.class).delete("only");
        // nothing changed: no request, and the deleted item does not come back
        assertThat(k.save()).isTrue();
        assertThat(Raw.item(session, session.tableName(KeyOnly.class), "code", "only")).isEmpty();
        // the lock-guarded touch notices that it is gone
        assertThatThrownBy(k::touch).isInstanceOf(RecordNotSavedException.class).hasMessageContaining("KeyOnly");
        assertThat(Raw.item(session, session.tableName(KeyOnly.class), "code", "only")).isEmpty();
    }

    @Test
    void anItemJustUnder400KbIsSaved(Session session) {
        Address a = new Address();
        a.street = "s".repeat(399 * 1024);
        a.saveOrThrow();
        assertThat(Raw.item(session, Address.find.tableName(), "id", (String) a.id()).get("street").s()).hasSize(399 * 1024);
        a.update(x -> x.city = "still fits");
        assertThat(Address.find.byId(a.id()).city).isEqualTo("still fits");
    }

    @Test
    void serializedSettingsRoundTrip() {
        User u = User.find.create(x -> x.settings = Map.of("theme", "dark", "size", 12, "nested", Map.of("on", true)));
        User loaded = User.find.byId(u.id());
        assertThat(loaded.settings).containsEntry("theme", "dark").containsEntry("size", 12)
                .containsEntry("nested", Map.of("on", true));
    }
}
