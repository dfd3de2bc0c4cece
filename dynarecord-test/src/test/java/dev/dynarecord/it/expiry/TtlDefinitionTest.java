package dev.dynarecord.it.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import dev.dynarecord.types.TimeFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Mistakes in {@code @Table(ttl, expiresIn)}: each a {@link ModelDefinitionException} that says what
 * to change, raised when the model is first used, before any request. (The stream and
 * point-in-time recovery options are enums: they have no wrong values.)
 */
@DynarecordTest
class TtlDefinitionTest {

    private RequestRecorder recorder;

    @BeforeEach
    void setUp(RequestRecorder recorder) {
        this.recorder = recorder;
    }

    private <E extends RuntimeException> void rejected(Class<E> type, Executable action, String... mentions) {
        recorder.clear();
        E e = Assertions.assertThrows(type, action);
        assertThat(e.getMessage()).contains(mentions);
        assertThat(recorder.summary()).as("requests sent").isEmpty();
    }

    private void rejected(Executable action, String... mentions) {
        rejected(ModelDefinitionException.class, action, mentions);
    }

    @Table(ttl = "expires")
    public static class NoSuchField extends Model<NoSuchField> {
        public static final Finder<NoSuchField> find = finder(NoSuchField.class);
        @Field(timeFormat = TimeFormat.EPOCH_SECONDS) public Instant expiresAt;
    }

    @Table(ttl = "expiresAt")
    public static class IsoText extends Model<IsoText> {
        public static final Finder<IsoText> find = finder(IsoText.class);
        @Field public Instant expiresAt;
    }

    @Table(ttl = "expiresAt")
    public static class Text extends Model<Text> {
        public static final Finder<Text> find = finder(Text.class);
        @Field public String expiresAt;
    }

    @Table(ttl = "expiresAt")
    public static class Primitive extends Model<Primitive> {
        public static final Finder<Primitive> find = finder(Primitive.class);
        @Field public long expiresAt;
    }

    @Table(ttl = "expiresOn")
    public static class EpochDays extends Model<EpochDays> {
        public static final Finder<EpochDays> find = finder(EpochDays.class);
        @Field(timeFormat = TimeFormat.EPOCH_SECONDS) public LocalDate expiresOn;
    }

    @Table(ttl = "expiresAt")
    public static class Serialized extends Model<Serialized> {
        public static final Finder<Serialized> find = finder(Serialized.class);
        @Field(serialized = true, timeFormat = TimeFormat.EPOCH_SECONDS) public Instant expiresAt;
    }

    @Table(ttl = "createdAt")
    public static class Timestamp extends Model<Timestamp> {
        public static final Finder<Timestamp> find = finder(Timestamp.class);
        @Field public String label;
    }

    @Table(key = "owner", ttl = "at")
    public static class KeyTtl extends Model<KeyTtl> {
        public static final Finder<KeyTtl> find = finder(KeyTtl.class);
        @Field public String owner;
        @RangeKey @Field(timeFormat = TimeFormat.EPOCH_SECONDS) public Instant at;
    }

    @Table(ttl = "expiresAt", expiresIn = "1 day")
    public static class NotADuration extends Model<NotADuration> {
        public static final Finder<NotADuration> find = finder(NotADuration.class);
        @Field public Long expiresAt;
    }

    @Table(ttl = "expiresAt", expiresIn = "P1M")
    public static class Months extends Model<Months> {
        public static final Finder<Months> find = finder(Months.class);
        @Field public Long expiresAt;
    }

    @Table(ttl = "expiresAt", expiresIn = "PT0S")
    public static class Zero extends Model<Zero> {
        public static final Finder<Zero> find = finder(Zero.class);
        @Field public Long expiresAt;
    }

    @Table(ttl = "expiresAt", expiresIn = "-P1D")
    public static class Negative extends Model<Negative> {
        public static final Finder<Negative> find = finder(Negative.class);
        @Field public Long expiresAt;
    }

    @Table(expiresIn = "P1D")
    public static class NoTtl extends Model<NoTtl> {
        public static final Finder<NoTtl> find = finder(NoTtl.class);
        @Field public Long expiresAt;
    }

    /** Fine as a model; its keys-only index cannot hide expired items. */
    @Table(name = "ttl_keys_only", ttl = "expiresAt")
    public static class KeysOnly extends Model<KeysOnly> {
        public static final Finder<KeysOnly> find = finder(KeysOnly.class);
        @Field @GlobalIndex(projection = Projection.KEYS_ONLY) public String owner;
        @Field public Long expiresAt;
    }

    @Test
    void theTtlMustBeAFieldOfEpochSeconds() {
        rejected(() -> NoSuchField.find.byIdOptional("x"), "names 'expires' in @Table(ttl) but has no such field",
                "@Field(timeFormat = EPOCH_SECONDS) Instant expires;");
        rejected(() -> IsoText.find.byIdOptional("x"), "'expiresAt'", "stored as ISO-8601 text",
                "@Field(timeFormat = TimeFormat.EPOCH_SECONDS)");
        rejected(() -> Text.find.byIdOptional("x"), "is a String, not epoch seconds", "or a Long");
        rejected(() -> Primitive.find.byIdOptional("x"), "is a long", "a primitive long is never absent");
        rejected(() -> EpochDays.find.byIdOptional("x"), "is a LocalDate, not epoch seconds");
        rejected(() -> Serialized.find.byIdOptional("x"), "stored by its own converter or serialized");
        rejected(() -> Timestamp.find.build(), "'createdAt'", "keeps as ISO-8601 text", "declare a field of its own");
        rejected(() -> KeyTtl.find.byIdOptional("o", Instant.EPOCH), "names its range key 'at' in @Table(ttl)",
                "keep the expiry in a field of its own");
    }

    @Test
    void expiresInMustBeAPositiveDurationWithATtl() {
        rejected(() -> NotADuration.find.build(), "@Table(expiresIn = \"1 day\")", "not an ISO-8601 duration", "\"P1D\"");
        rejected(() -> Months.find.build(), "\"P1M\"", "months and years are not durations");
        rejected(() -> Zero.find.build(), "\"PT0S\"", "give a positive duration");
        rejected(() -> Negative.find.build(), "\"-P1D\"", "give a positive duration");
        rejected(() -> NoTtl.find.create(Map.of()), "@Table(expiresIn = \"P1D\") but no ttl",
                "@Table(ttl = \"expiresAt\", expiresIn = \"P1D\")");
    }

    @Test
    void anIndexWithoutTheTtlAttributeCannotHideExpiredItems() {
        rejected(InvalidQueryException.class, () -> KeysOnly.find.where("owner", "o").useIndex("owner_index").all(),
                "does not hold [expiresAt]", "hides the items whose TTL has passed", "includeExpired()");
        // passed over, the reason in the plan; includeExpired() reads the index
        assertThat(KeysOnly.find.where("owner", "o").explain().toString()).contains("Scan")
                .contains("global index owner_index does not hold [expiresAt]");
        assertThat(KeysOnly.find.where("owner", "o").includeExpired().explain().indexName()).contains("owner_index");
    }
}
