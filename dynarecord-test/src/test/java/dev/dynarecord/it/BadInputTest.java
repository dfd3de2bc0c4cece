package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.ItemTooLargeException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.UnknownAttributeException;
import dev.dynarecord.internal.schema.Schemas;
import dev.dynarecord.it.fixtures.Account;
import dev.dynarecord.it.fixtures.Address;
import dev.dynarecord.it.fixtures.Counter;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.it.fixtures.User;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

@DynarecordTest
class BadInputTest {

    /** String hash and range keys: the range key is never generated. */
    public static class Reading extends Model<Reading> {
        public static final Finder<Reading> find = finder(Reading.class);
        @HashKey public String sensor;
        @RangeKey public String at;
        @Field public String value;
    }

    @Table(name = "a b")
    public static class SpacedName extends Model<SpacedName> {
        @Field public String x;
    }

    @Table(name = "ab")
    public static class ShortName extends Model<ShortName> {
        @Field public String x;
    }

    /** Declares a field stored under the session's lock version attribute (lockVersion by default). */
    public static class LockClash extends Model<LockClash> {
        @Field public long lockVersion;
        @Field public String x;
    }

    public static class NoDefaultConstructor extends Model<NoDefaultConstructor> {
        @Field public String x;

        public NoDefaultConstructor(String x) {
            this.x = x;
        }
    }

    public static class UnsupportedField extends Model<UnsupportedField> {
        @Field public Thread worker;
    }

    @BeforeAll
    static void createTables(Session session) {
        // First use sends DescribeTable/CreateTable; do it here so tests see only what they cause.
        User.find.exists("warm-up");
        Address.find.exists("warm-up");
        Account.find.exists("warm-up");
        Event.find.exists("warm-up", 1L);
        Counter.find.exists(1L);
        Reading.find.exists("warm-up", "warm-up");
    }

    private static void assertNothingSent(RequestRecorder recorder) {
        assertThat(recorder.summary()).as("requests sent").isEmpty();
    }

    /** Runs an action that must throw, with a message mentioning each of the texts, before any request. */
    static void throwsNothingSent(RequestRecorder recorder, Executable action, Class<? extends Throwable> type,
            String... mentions) {
        recorder.clear();
        Throwable t = org.junit.jupiter.api.Assertions.assertThrows(type, action);
        assertThat(t.getMessage()).contains(mentions);
        assertNothingSent(recorder);
    }

    @Test
    void unknownAttribute() {
        assertThatThrownBy(() -> Schemas.of(User.class).attributeOrThrow("nope")).isInstanceOf(UnknownAttributeException.class)
                .hasMessageContaining("User").hasMessageContaining("nope").hasMessageContaining("email");
    }

    @Test
    void keyOfTheWrongType(RequestRecorder recorder) {
        throwsNothingSent(recorder, () -> User.find.byId(42), ConversionException.class, "User.id", "String");
        throwsNothingSent(recorder, () -> Event.find.byId("s", "not-a-number"), ConversionException.class,
                "Event.sequence", "not-a-number");
        throwsNothingSent(recorder, () -> Counter.find.byId("7"), ConversionException.class, "Counter.counterId", "Long");
    }

    @Test
    void missingKeys(RequestRecorder recorder) {
        Counter c = new Counter();
        c.value = 1;
        throwsNothingSent(recorder, c::save, InvalidKeyException.class, "Counter.counterId", "missing");
        assertThat(c.isNewRecord()).isTrue();
        Reading r = new Reading();
        r.sensor = "s1";
        throwsNothingSent(recorder, r::save, InvalidKeyException.class, "Reading.at", "range key");
        throwsNothingSent(recorder, () -> Counter.find.byId(null), InvalidKeyException.class, "Counter.counterId");
        throwsNothingSent(recorder, () -> Reading.find.byId("s1", null), InvalidKeyException.class, "Reading.at");
        assertThat(Reading.find.exists("s1", "x")).isFalse();
    }

    @Test
    void emptyStringKeys(RequestRecorder recorder) {
        Account a = new Account();
        a.accountId = "";
        throwsNothingSent(recorder, a::save, InvalidKeyException.class, "Account.accountId", "empty");
        throwsNothingSent(recorder, () -> Account.find.byId(""), InvalidKeyException.class, "Account.accountId", "empty");
        Reading r = new Reading();
        r.sensor = "s";
        r.at = "";
        throwsNothingSent(recorder, r::save, InvalidKeyException.class, "Reading.at", "empty");
    }

    @Test
    void keysOverTheSizeLimits(RequestRecorder recorder, Session session) {
        Account a = new Account();
        a.accountId = "é".repeat(1025); // 2050 UTF-8 bytes
        throwsNothingSent(recorder, a::save, InvalidKeyException.class, "Account.accountId", "2050", "2048");
        a.accountId = "x".repeat(2048); // exactly at the limit: accepted
        a.saveOrThrow();
        assertThat(Account.find.exists("x".repeat(2048))).isTrue();

        Reading r = new Reading();
        r.sensor = "s";
        r.at = "y".repeat(1025);
        throwsNothingSent(recorder, r::save, InvalidKeyException.class, "Reading.at", "1025", "1024");
        throwsNothingSent(recorder, () -> Reading.find.byId("s", "y".repeat(1025)), InvalidKeyException.class, "1024");
    }

    @Test
    void rangeKeyForAModelWithoutOne(RequestRecorder recorder) {
        throwsNothingSent(recorder, () -> User.find.byId("x", 1), InvalidKeyException.class, "User", "no range key");
        throwsNothingSent(recorder, () -> User.find.delete("x", "y"), InvalidKeyException.class, "User");
    }

    @Test
    void itemOver400KbIsRefusedBeforeSendingAndTheSaveIsRolledBack(RequestRecorder recorder, Session session) {
        Address a = new Address();
        a.city = "Big";
        a.street = "x".repeat(500 * 1024);
        throwsNothingSent(recorder, a::save, ItemTooLargeException.class, "Address", "400");
        assertThat(a.isNewRecord()).isTrue();
        assertThat(a.id()).isNull();
        assertThat(a.createdAt()).isNull();
        assertThat(a.updatedAt()).isNull();
        assertThat(session.client().scan(ScanRequest.builder().tableName(Address.find.tableName()).build()).items())
                .noneMatch(item -> "Big".equals(item.get("city").s()));

        // the same on an update: nothing changes in the stored item
        a.street = "small";
        a.saveOrThrow();
        Address loaded = Address.find.byId(a.id());
        java.time.Instant updatedAt = loaded.updatedAt();
        loaded.street = "y".repeat(500 * 1024);
        throwsNothingSent(recorder, loaded::save, ItemTooLargeException.class, "Address", "400");
        assertThat(loaded.updatedAt()).isEqualTo(updatedAt);
        assertThat(Raw.item(session, Address.find.tableName(), "id", (String) a.id()).get("street").s()).isEqualTo("small");
    }

    @Test
    void numbersDynamoDbCannotStore(RequestRecorder recorder) {
        Account a = new Account();
        a.accountId = "digits";
        a.balance = new BigDecimal("1234567890123456789012345678901234567.89"); // 39 significant digits
        throwsNothingSent(recorder, a::save, ConversionException.class, "Account.balance", "38");
        assertThat(a.isNewRecord()).isTrue();
        assertThat(Account.find.exists("digits")).isFalse();

        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            User u = new User();
            u.score = bad;
            throwsNothingSent(recorder, u::save, ConversionException.class, "User.score", "NaN or infinity");
            assertThat(u.id()).isNull();
        }
    }

    @Test
    void invalidTableNames(RequestRecorder recorder, Session session) {
        throwsNothingSent(recorder, () -> session.find(SpacedName.class).byId("x"), ModelDefinitionException.class,
                "SpacedName", "a b", "3 to 255");
        assertThat(session.tables().list()).noneMatch(n -> n.endsWith("a b"));
    }

    @Test
    void theLengthOfATableNameIsTheFullName(RequestRecorder recorder, Session session) {
        // "ab" is too short alone, not inside a namespace: only the full name must be 3 to 255 characters
        assertThat(session.tableName(ShortName.class)).isEqualTo(session.config().namespace() + "_ab");
        assertThat(session.find(ShortName.class).exists("x")).isFalse();
        assertThat(session.tables().list()).contains(session.config().namespace() + "_ab");
        try (Session bare = Session.open(c -> c.adapter(Adapter.LOCAL).listener(recorder))) {
            throwsNothingSent(recorder, () -> bare.find(ShortName.class).byId("x"), ModelDefinitionException.class,
                    "ShortName", "'ab'", "3 to 255", "namespace and suffix included");
        }
        // 200 + "_ab_" + 52 = 256 characters
        try (Session crowded = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("n".repeat(200)).tableSuffix("s".repeat(52))
                .listener(recorder))) {
            throwsNothingSent(recorder, () -> crowded.find(ShortName.class).byId("x"), ModelDefinitionException.class,
                    "ShortName", "_ab_sss");
        }
    }

    @Test
    void aFieldStoredAsTheLockVersionIsRefusedAtFirstUse(RequestRecorder recorder, Session session) {
        Executable[] firstUses = {
            () -> session.find(LockClash.class).byId("x"),
            () -> session.find(LockClash.class).where("x", "y").all(),
            () -> session.find(LockClash.class).update("x", u -> u.set("x", "y")),
            () -> session.tables().create(LockClash.class),
            () -> session.save(new LockClash()),
        };
        for (Executable use : firstUses) {
            throwsNothingSent(recorder, use, ModelDefinitionException.class, "LockClash", "'lockVersion'",
                    "lock version attribute of this session", "@Table(lockVersion)");
        }
        assertThat(session.tables().list()).noneMatch(n -> n.endsWith("lock_clashes"));
    }

    @Test
    void modelWithoutANoArgConstructor(RequestRecorder recorder, Session session) {
        throwsNothingSent(recorder, () -> session.find(NoDefaultConstructor.class).byId("x"), ModelDefinitionException.class,
                "NoDefaultConstructor", "no-arg constructor");
    }

    @Test
    void unsupportedFieldType(RequestRecorder recorder, Session session) {
        throwsNothingSent(recorder, () -> session.find(UnsupportedField.class).byId("x"), ModelDefinitionException.class,
                "UnsupportedField.worker", "Thread", "serialized");
    }

    @Test
    void nullInsideASet(RequestRecorder recorder) {
        User u = new User();
        u.tags = new HashSet<>(Arrays.asList("a", null));
        throwsNothingSent(recorder, u::save, ConversionException.class, "User.tags", "null");
        assertThat(u.isNewRecord()).isTrue();
        assertThat(u.id()).isNull();
    }

    @Test
    void nothingWasWrittenByAnyRefusedSave(Session session) {
        // Items the refused saves above would have written: none of them may exist.
        assertThat(session.client().scan(ScanRequest.builder().tableName(Counter.find.tableName()).build()).items()).isEmpty();
        assertThat(session.client().scan(ScanRequest.builder().tableName(Reading.find.tableName()).build()).items()).isEmpty();
        Map<String, AttributeValue> digits = Raw.item(session, Account.find.tableName(), "accountId", "digits");
        assertThat(digits).isEmpty();
    }
}
