package dev.dynarecord.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.LocalIndex;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.types.AttributeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class IndexSchemaTest {

    private static final BaseClass BASE = TestSchemas.BASE;

    private static ModelSchema<?> schema(Class<?> type) {
        return ModelSchema.build(type, BASE);
    }

    private static IndexSchema index(Class<?> type, String name) {
        return schema(type).indexes().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name + " in " + schema(type).indexes()));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> definitionError(Class<?> type) {
        return assertThatThrownBy(() -> ModelSchema.build(type, BASE))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageStartingWith(type.getName() + " ");
    }

    // --- valid models ---------------------------------------------------------------------------

    @Table(key = "username", rangeKey = "expiresAt")
    static class Authentication extends Model<Authentication> {
        @Field String username;
        @Field Instant expiresAt;
        @Field @LocalIndex String token;
        @Field(name = "ip_addr") @LocalIndex(name = "by_ip", projection = Projection.INCLUDE, include = {"agent", "apiUserId"})
        String ip;
        @Field @GlobalIndex(rangeKey = "expiresAt", projection = Projection.KEYS_ONLY) String apiUserId;
        @Field @GlobalIndex
        @GlobalIndex(name = "agent_by_ip", rangeKey = "ip", readCapacity = 4, writeCapacity = 2,
                projection = Projection.INCLUDE, include = {"token", "username", "token"})
        String agent;
        @Field @Index(rangeKey = "createdAt") String email;
        @Field @Index(range = true, shards = 4) Instant loggedAt;
        @Field @Index String plan;
    }

    static class MagicId extends Model<MagicId> {
        @Field @Index(range = true) long score;
        @Field @GlobalIndex(rangeKey = "score") String team;
    }

    static class SameHash extends Model<SameHash> {
        @HashKey @GlobalIndex(rangeKey = "score") String user;
        @Field int score;
    }

    static class NoIndexes extends Model<NoIndexes> {
        @Field String name;
    }

    @Index(field = "createdAt", range = true, shards = 4)
    @Index(field = "updatedAt", name = "recently_updated", range = true)
    static class Stamped extends Model<Stamped> {
        @Field @Index @Index(name = "by_name_and_creation", rangeKey = "createdAt") String name;
    }

    @Index(field = "createdAt", range = true)
    abstract static class StampedBase<T extends StampedBase<T>> extends Model<T> {
    }

    static class InheritsStampIndex extends StampedBase<InheritsStampIndex> {
        @Field String name;
    }


    static class TooManyIncluded extends Model<TooManyIncluded> {
        @Field @GlobalIndex(projection = Projection.INCLUDE, include = {"a000", "a001", "a002", "a003", "a004", "a005", "a006", "a007", "a008", "a009", "a010", "a011", "a012", "a013", "a014", "a015", "a016", "a017", "a018", "a019", "a020", "a021", "a022", "a023", "a024", "a025", "a026", "a027", "a028", "a029", "a030", "a031", "a032", "a033", "a034", "a035", "a036", "a037", "a038", "a039", "a040", "a041", "a042", "a043", "a044", "a045", "a046", "a047", "a048", "a049", "a050"}) String g1;
        @Field @GlobalIndex(projection = Projection.INCLUDE, include = {"a051", "a052", "a053", "a054", "a055", "a056", "a057", "a058", "a059", "a060", "a061", "a062", "a063", "a064", "a065", "a066", "a067", "a068", "a069", "a070", "a071", "a072", "a073", "a074", "a075", "a076", "a077", "a078", "a079", "a080", "a081", "a082", "a083", "a084", "a085", "a086", "a087", "a088", "a089", "a090", "a091", "a092", "a093", "a094", "a095", "a096", "a097", "a098", "a099", "a100"}) String g2;
        @Field String a000, a001, a002, a003, a004, a005, a006, a007, a008, a009, a010, a011, a012, a013, a014, a015, a016, a017, a018, a019, a020, a021, a022, a023, a024, a025, a026, a027, a028, a029, a030, a031, a032, a033, a034, a035, a036, a037, a038, a039, a040, a041, a042, a043, a044, a045, a046, a047, a048, a049, a050, a051, a052, a053, a054, a055, a056, a057, a058, a059, a060, a061, a062, a063, a064, a065, a066, a067, a068, a069, a070, a071, a072, a073, a074, a075, a076, a077, a078, a079, a080, a081, a082, a083, a084, a085, a086, a087, a088, a089, a090, a091, a092, a093, a094, a095, a096, a097, a098, a099, a100;
    }

    static class HundredIncluded extends Model<HundredIncluded> {
        @Field @GlobalIndex(projection = Projection.INCLUDE, include = {"a000", "a001", "a002", "a003", "a004", "a005", "a006", "a007", "a008", "a009", "a010", "a011", "a012", "a013", "a014", "a015", "a016", "a017", "a018", "a019", "a020", "a021", "a022", "a023", "a024", "a025", "a026", "a027", "a028", "a029", "a030", "a031", "a032", "a033", "a034", "a035", "a036", "a037", "a038", "a039", "a040", "a041", "a042", "a043", "a044", "a045", "a046", "a047", "a048", "a049", "a050"}) String g1;
        @Field @GlobalIndex(projection = Projection.INCLUDE, include = {"a000", "a001", "a002", "a003", "a004", "a005", "a006", "a007", "a008", "a009", "a010", "a011", "a012", "a013", "a014", "a015", "a016", "a017", "a018", "a019", "a020", "a021", "a022", "a023", "a024", "a025", "a026", "a027", "a028", "a029", "a030", "a031", "a032", "a033", "a034", "a035", "a036", "a037", "a038", "a039", "a040", "a041", "a042", "a043", "a044", "a045", "a046", "a047", "a048", "a049", "a050", "a051", "a052", "a053", "a054", "a055", "a056", "a057", "a058", "a059", "a060", "a061", "a062", "a063", "a064", "a065", "a066", "a067", "a068", "a069", "a070", "a071", "a072", "a073", "a074", "a075", "a076", "a077", "a078", "a079", "a080", "a081", "a082", "a083", "a084", "a085", "a086", "a087", "a088", "a089", "a090", "a091", "a092", "a093", "a094", "a095", "a096", "a097", "a098", "a099"}) String g2;
        @Field String a000, a001, a002, a003, a004, a005, a006, a007, a008, a009, a010, a011, a012, a013, a014, a015, a016, a017, a018, a019, a020, a021, a022, a023, a024, a025, a026, a027, a028, a029, a030, a031, a032, a033, a034, a035, a036, a037, a038, a039, a040, a041, a042, a043, a044, a045, a046, a047, a048, a049, a050, a051, a052, a053, a054, a055, a056, a057, a058, a059, a060, a061, a062, a063, a064, a065, a066, a067, a068, a069, a070, a071, a072, a073, a074, a075, a076, a077, a078, a079, a080, a081, a082, a083, a084, a085, a086, a087, a088, a089, a090, a091, a092, a093, a094, a095, a096, a097, a098, a099, a100;
    }

    @Nested
    class Building {

        @Test
        void indexesAreLocalFirstThenGlobalInDeclarationOrder() {
            assertThat(schema(Authentication.class).indexes()).extracting(IndexSchema::name).containsExactly(
                    "token_index", "by_ip", "apiUserId_expiresAt_index", "agent_index", "agent_by_ip", "email_createdAt_index",
                    "loggedAt_sharded_index", "plan_index");
            ModelSchema<?> s = schema(Authentication.class);
            assertThat(s.tableDefinition().indexes()).isEqualTo(s.indexes());
            assertThat(schema(NoIndexes.class).indexes()).isEmpty();
            assertThat(schema(NoIndexes.class).tableDefinition().indexes()).isEmpty();
        }

        @Test
        void localIndexHasTheTableHashKeyAndTheFieldAsRangeKey() {
            ModelSchema<?> s = schema(Authentication.class);
            IndexSchema token = s.index("token_index").orElseThrow();
            assertThat(token.kind()).isEqualTo(IndexSchema.Kind.LOCAL);
            assertThat(token.global()).isFalse();
            assertThat(token.hashKey()).isSameAs(s.hashKey());
            assertThat(token.hashKeyName()).isEqualTo("username");
            assertThat(token.rangeKey().orElseThrow().name()).isEqualTo("token");
            assertThat(token.projection()).isEqualTo(Projection.ALL);
            assertThat(token.include()).isEmpty();
            assertThat(token.shards()).isZero();
            assertThat(token.sharded()).isFalse();
            assertThat(token.readCapacity()).isZero();
            assertThat(token.writeCapacity()).isZero();
        }

        @Test
        void localIndexWithNameAndIncludeUsesAttributeNames() {
            IndexSchema byIp = index(Authentication.class, "by_ip");
            assertThat(byIp.kind()).isEqualTo(IndexSchema.Kind.LOCAL);
            assertThat(byIp.rangeKey().orElseThrow().name()).isEqualTo("ip_addr");
            assertThat(byIp.projection()).isEqualTo(Projection.INCLUDE);
            assertThat(byIp.include()).containsExactly("agent", "apiUserId");
        }

        @Test
        void globalIndexWithRangeKeyAndProjection() {
            IndexSchema api = index(Authentication.class, "apiUserId_expiresAt_index");
            assertThat(api.kind()).isEqualTo(IndexSchema.Kind.GLOBAL);
            assertThat(api.hashKey().name()).isEqualTo("apiUserId");
            assertThat(api.hashKeyName()).isEqualTo("apiUserId");
            assertThat(api.rangeKey().orElseThrow().name()).isEqualTo("expiresAt");
            assertThat(api.projection()).isEqualTo(Projection.KEYS_ONLY);
            assertThat(api.readCapacity()).isZero();
            assertThat(api.shards()).isZero();
        }

        @Test
        void repeatedGlobalIndexesOnOneField() {
            IndexSchema plain = index(Authentication.class, "agent_index");
            assertThat(plain.hashKeyName()).isEqualTo("agent");
            assertThat(plain.rangeKey()).isEmpty();
            assertThat(plain.projection()).isEqualTo(Projection.ALL);
            IndexSchema named = index(Authentication.class, "agent_by_ip");
            assertThat(named.hashKeyName()).isEqualTo("agent");
            assertThat(named.rangeKey().orElseThrow().name()).isEqualTo("ip_addr");   // rangeKey named by field name
            assertThat(named.readCapacity()).isEqualTo(4);
            assertThat(named.writeCapacity()).isEqualTo(2);
            // keys are held anyway (username is the table's hash key), duplicates once
            assertThat(named.include()).containsExactly("token");
        }

        @Test
        void dynamoidIndexIsGlobalWithProjectionAll() {
            IndexSchema email = index(Authentication.class, "email_createdAt_index");
            assertThat(email.kind()).isEqualTo(IndexSchema.Kind.GLOBAL);
            assertThat(email.hashKeyName()).isEqualTo("email");
            assertThat(email.rangeKey().orElseThrow().name()).isEqualTo("createdAt");
            assertThat(email.projection()).isEqualTo(Projection.ALL);
            assertThat(email.readCapacity()).isZero();
            assertThat(email.writeCapacity()).isZero();
            IndexSchema plan = index(Authentication.class, "plan_index");
            assertThat(plan.hashKeyName()).isEqualTo("plan");
            assertThat(plan.rangeKey()).isEmpty();
            assertThat(plan.sharded()).isFalse();
        }

        @Test
        void rangeIndexIsShardedOnASyntheticNumberAttribute() {
            IndexSchema logged = index(Authentication.class, "loggedAt_sharded_index");
            assertThat(logged.kind()).isEqualTo(IndexSchema.Kind.GLOBAL);
            assertThat(logged.hashKey()).isNull();
            assertThat(logged.hashKeyName()).isEqualTo("loggedAt_shard");
            assertThat(logged.rangeKey().orElseThrow().name()).isEqualTo("loggedAt");
            assertThat(logged.shards()).isEqualTo(4);
            assertThat(logged.sharded()).isTrue();
            assertThat(logged.projection()).isEqualTo(Projection.ALL);
            assertThat(TableDefinition.indexHashKey(logged)).isEqualTo(new TableDefinition.KeyAttribute("loggedAt_shard", AttributeType.N));
            assertThat(schema(Authentication.class).attribute("loggedAt_shard")).isEmpty();
            assertThat(index(MagicId.class, "score_sharded_index").shards()).isEqualTo(10);
        }

        @Test
        void theTimestampsAreIndexedFromTheClassAfterTheFields() {
            ModelSchema<?> schema = schema(Stamped.class);
            assertThat(schema.indexes()).extracting(IndexSchema::name).containsExactly(
                    "name_index", "by_name_and_creation", "createdAt_sharded_index", "recently_updated");
            IndexSchema created = schema.indexes().get(2);
            assertThat(created.sharded()).isTrue();
            assertThat(created.shards()).isEqualTo(4);
            assertThat(created.hashKeyName()).isEqualTo("createdAt_shard");
            assertThat(created.rangeKey().orElseThrow()).isSameAs(schema.createdAt().orElseThrow());
            assertThat(TableDefinition.indexHashKey(created)).isEqualTo(new TableDefinition.KeyAttribute("createdAt_shard", AttributeType.N));
            IndexSchema updated = index(Stamped.class, "recently_updated");
            assertThat(updated.hashKeyName()).isEqualTo("updatedAt_shard");
            assertThat(updated.shards()).isEqualTo(10);
            assertThat(index(InheritsStampIndex.class, "createdAt_sharded_index").rangeKey().orElseThrow().name())
                    .isEqualTo("createdAt");

            Stamped s = new Stamped();
            s.name = "x";
            schema.createdAt().orElseThrow().set(s, Instant.parse("2026-01-01T00:00:00Z"));
            schema.hashKey().set(s, "some-id");
            Map<String, AttributeValue> item = schema.toItem(s);
            assertThat(Integer.parseInt(item.get("createdAt_shard").n())).isBetween(0, 3);
            assertThat(item).doesNotContainKey("updatedAt_shard");   // no updatedAt yet
        }

        @Test
        void savedItemsCarryTheirShard() {
            Authentication a = new Authentication();
            a.username = "joe";
            a.expiresAt = Instant.parse("2030-01-01T00:00:00Z");
            a.loggedAt = Instant.parse("2026-01-01T00:00:00Z");
            Map<String, AttributeValue> item = schema(Authentication.class).toItem(a);
            assertThat(Integer.parseInt(item.get("loggedAt_shard").n())).isBetween(0, 3);
        }

        @Test
        void magicIdTablesAndRangeKeysOfNumbers() {
            IndexSchema team = index(MagicId.class, "team_score_index");
            assertThat(team.hashKeyName()).isEqualTo("team");
            assertThat(TableDefinition.indexRangeKey(team)).contains(new TableDefinition.KeyAttribute("score", AttributeType.N));
        }

        @Test
        void theTableHashKeyMayAlsoBeAGlobalIndexHashKey() {
            ModelSchema<?> s = schema(SameHash.class);
            IndexSchema user = s.index("user_score_index").orElseThrow();
            assertThat(user.hashKey()).isSameAs(s.hashKey());
            assertThat(user.rangeKey().orElseThrow().name()).isEqualTo("score");
        }

        @Test
        void aHundredIncludedAttributesAreAllowed() {
            assertThat(index(HundredIncluded.class, "g2_index").include()).hasSize(100);
        }

        @Test
        void describeNamesKindKeysAndShards() {
            assertThat(index(Authentication.class, "token_index").describe()).isEqualTo("LSI token_index (username, token)");
            assertThat(index(Authentication.class, "loggedAt_sharded_index").describe())
                    .isEqualTo("GSI loggedAt_sharded_index (loggedAt_shard, loggedAt) sharded 4 ways");
        }
    }

    // --- definition errors ----------------------------------------------------------------------

    @Table(key = "a", rangeKey = "b")
    static class TooManyLocal extends Model<TooManyLocal> {
        @Field String a;
        @Field String b;
        @Field @LocalIndex String l1, l2, l3, l4, l5, l6;
    }

    static class TooManyGlobal extends Model<TooManyGlobal> {
        @Field @Index String g01, g02, g03, g04, g05, g06, g07, g08, g09, g10, g11, g12, g13, g14, g15, g16, g17, g18, g19, g20, g21;
    }

    static class LocalWithoutRange extends Model<LocalWithoutRange> {
        @Field @LocalIndex String token;
    }

    @Table(key = "a", rangeKey = "b")
    static class LocalOnTableRange extends Model<LocalOnTableRange> {
        @Field String a;
        @Field @LocalIndex String b;
    }

    @Table(key = "a", rangeKey = "b")
    static class LocalOnTableHash extends Model<LocalOnTableHash> {
        @Field @LocalIndex String a;
        @Field String b;
    }

    @Table(key = "a", rangeKey = "b")
    static class LocalNotScalar extends Model<LocalNotScalar> {
        @Field String a;
        @Field String b;
        @Field @LocalIndex Map<String, String> labels;
    }

    static class GlobalHashNotScalar extends Model<GlobalHashNotScalar> {
        @Field @GlobalIndex List<String> tags;
    }

    static class GlobalRangeNotScalar extends Model<GlobalRangeNotScalar> {
        @Field @GlobalIndex(rangeKey = "flags") String owner;
        @Field Set<String> flags;
    }

    static class RangeIndexNotScalar extends Model<RangeIndexNotScalar> {
        @Field @Index(range = true) boolean active;
    }

    static class SameHashAndRange extends Model<SameHashAndRange> {
        @Field @GlobalIndex(rangeKey = "email") String email;
    }

    static class SameHashAndRangeByAttribute extends Model<SameHashAndRangeByAttribute> {
        @Field(name = "mail") @Index(rangeKey = "mail") String email;
    }

    static class UnknownRangeKey extends Model<UnknownRangeKey> {
        @Field @GlobalIndex(rangeKey = "nope") String owner;
    }

    static class TransientRangeKey extends Model<TransientRangeKey> {
        @Field @Index(rangeKey = "scratch") String owner;
        String scratch;
    }

    static class DuplicateNames extends Model<DuplicateNames> {
        @Field @GlobalIndex(name = "dup") String a;
        @Field @Index(name = "dup") String b;
    }

    static class DuplicateDerivedNames extends Model<DuplicateDerivedNames> {
        @Field @GlobalIndex @Index String a;
    }

    static class ShortName extends Model<ShortName> {
        @Field @GlobalIndex(name = "ab") String owner;
    }

    static class BadCharacterName extends Model<BadCharacterName> {
        @Field @Index(name = "by owner") String owner;
    }

    static class IncludeWithoutIncludeProjection extends Model<IncludeWithoutIncludeProjection> {
        @Field @GlobalIndex(projection = Projection.KEYS_ONLY, include = {"other"}) String owner;
        @Field String other;
    }

    static class IncludeEmpty extends Model<IncludeEmpty> {
        @Field @GlobalIndex(projection = Projection.INCLUDE) String owner;
    }

    static class IncludeUnknown extends Model<IncludeUnknown> {
        @Field @GlobalIndex(projection = Projection.INCLUDE, include = {"other", "missing"}) String owner;
        @Field String other;
    }

    static class IncludeOnlyKeys extends Model<IncludeOnlyKeys> {
        @Field @GlobalIndex(projection = Projection.INCLUDE, include = {"id", "owner"}) String owner;
    }

    static class ShardCollision extends Model<ShardCollision> {
        @Field @Index(range = true) Instant at;
        @Field(name = "at_shard") String other;
    }

    static class NoShards extends Model<NoShards> {
        @Field @Index(range = true, shards = 0) Instant at;
    }

    static class TooManyShards extends Model<TooManyShards> {
        @Field @Index(range = true, shards = 1001) Instant at;
    }

    static class RangeWithRangeKey extends Model<RangeWithRangeKey> {
        @Field @Index(range = true, rangeKey = "other") Instant at;
        @Field String other;
    }

    static class NegativeReadCapacity extends Model<NegativeReadCapacity> {
        @Field @GlobalIndex(readCapacity = -1) String owner;
    }

    static class NegativeWriteCapacity extends Model<NegativeWriteCapacity> {
        @Field @GlobalIndex(writeCapacity = -5) String owner;
    }

    static class NotPersisted extends Model<NotPersisted> {
        @GlobalIndex String owner;
    }

    @Index(range = true)
    static class ClassIndexWithoutField extends Model<ClassIndexWithoutField> {
        @Field String name;
    }

    @Index(field = "joinedAt", range = true)
    static class ClassIndexOnDeclaredField extends Model<ClassIndexOnDeclaredField> {
        @Field Instant joinedAt;
    }

    @Index(field = "deletedAt", range = true)
    static class ClassIndexOnUnknownField extends Model<ClassIndexOnUnknownField> {
        @Field String name;
    }

    @Table(timestamps = false)
    @Index(field = "createdAt", range = true)
    static class ClassIndexWithoutTimestamps extends Model<ClassIndexWithoutTimestamps> {
        @Field String name;
    }

    static class FieldIndexNamingAField extends Model<FieldIndexNamingAField> {
        @Field @Index(field = "createdAt", range = true) Instant at;
    }

    static class RedeclaredTimestampIndex extends Model<RedeclaredTimestampIndex> {
        @Index(range = true) Instant createdAt;
    }

    static class PersistedTimestampIndex extends Model<PersistedTimestampIndex> {
        @Field @Index(range = true) Instant createdAt;
    }

    @Index(field = "createdAt", range = true)
    @Index(field = "createdAt", range = true, shards = 4)
    static class TimestampIndexedTwice extends Model<TimestampIndexedTwice> {
        @Field String name;
    }

    @Nested
    class DefinitionErrors {

        @Test
        void moreThanFiveLocalIndexes() {
            definitionError(TooManyLocal.class).hasMessageContaining("6 local indexes").hasMessageContaining("l6_index")
                    .hasMessageContaining("allows 5").hasMessageContaining("@GlobalIndex");
        }

        @Test
        void moreThanTwentyGlobalIndexes() {
            definitionError(TooManyGlobal.class).hasMessageContaining("21 global indexes").hasMessageContaining("g21_index")
                    .hasMessageContaining("allows 20");
        }

        @Test
        void localIndexNeedsATableRangeKey() {
            definitionError(LocalWithoutRange.class).hasMessageContaining("'token_index'").hasMessageContaining("field 'token'")
                    .hasMessageContaining("no range key").hasMessageContaining("@RangeKey").hasMessageContaining("@GlobalIndex");
        }

        @Test
        void localIndexOnTheTableRangeKeyIsPointless() {
            definitionError(LocalOnTableRange.class).hasMessageContaining("field 'b'")
                    .hasMessageContaining("already the table's range key").hasMessageContaining("remove the @LocalIndex");
        }

        @Test
        void localIndexOnTheTableHashKeyWouldHaveTheSameHashAndRange() {
            definitionError(LocalOnTableHash.class).hasMessageContaining("field 'a'").hasMessageContaining("also its hash key");
        }

        @Test
        void indexKeysMustBeScalar() {
            definitionError(LocalNotScalar.class).hasMessageContaining("'labels'").hasMessageContaining("stored as M")
                    .hasMessageContaining("strings, numbers or binary");
            definitionError(GlobalHashNotScalar.class).hasMessageContaining("hash key 'tags'").hasMessageContaining("stored as L");
            definitionError(GlobalRangeNotScalar.class).hasMessageContaining("range key 'flags'").hasMessageContaining("stored as SS");
            definitionError(RangeIndexNotScalar.class).hasMessageContaining("'active'").hasMessageContaining("stored as BOOL");
        }

        @Test
        void rangeKeyCannotBeTheHashKey() {
            definitionError(SameHashAndRange.class).hasMessageContaining("'email_email_index'")
                    .hasMessageContaining("also its hash key").hasMessageContaining("another field");
            definitionError(SameHashAndRangeByAttribute.class).hasMessageContaining("'mail_mail_index'")
                    .hasMessageContaining("also its hash key");
        }

        @Test
        void rangeKeyMustNameAPersistedField() {
            definitionError(UnknownRangeKey.class).hasMessageContaining("field 'owner'").hasMessageContaining("rangeKey = \"nope\"")
                    .hasMessageContaining("no such persisted field").hasMessageContaining("@Field");
            definitionError(TransientRangeKey.class).hasMessageContaining("rangeKey = \"scratch\"");
        }

        @Test
        void indexNamesAreUniqueWithinAModel() {
            definitionError(DuplicateNames.class).hasMessageContaining("two indexes named 'dup'")
                    .hasMessageContaining("field 'a'").hasMessageContaining("field 'b'").hasMessageContaining("another name");
            definitionError(DuplicateDerivedNames.class).hasMessageContaining("two indexes named 'a_index'");
        }

        @Test
        void indexNamesFollowDynamoDbRules() {
            definitionError(ShortName.class).hasMessageContaining("'ab'").hasMessageContaining("field 'owner'")
                    .hasMessageContaining("3 to 255 characters");
            definitionError(BadCharacterName.class).hasMessageContaining("'by owner'").hasMessageContaining("3 to 255 characters");
        }

        @Test
        void includeNeedsTheIncludeProjection() {
            definitionError(IncludeWithoutIncludeProjection.class).hasMessageContaining("include = [other]")
                    .hasMessageContaining("KEYS_ONLY").hasMessageContaining("projection = Projection.INCLUDE");
        }

        @Test
        void includeProjectionNeedsAttributes() {
            definitionError(IncludeEmpty.class).hasMessageContaining("'owner_index'").hasMessageContaining("empty include")
                    .hasMessageContaining("KEYS_ONLY");
            definitionError(IncludeOnlyKeys.class).hasMessageContaining("only key attributes").hasMessageContaining("KEYS_ONLY");
        }

        @Test
        void includeNamesDeclaredAttributes() {
            definitionError(IncludeUnknown.class).hasMessageContaining("'missing'").hasMessageContaining("does not declare")
                    .hasMessageContaining("other");
        }

        @Test
        void atMostAHundredIncludedAttributes() {
            definitionError(TooManyIncluded.class).hasMessageContaining("101 distinct non-key attributes")
                    .hasMessageContaining("allows 100");
        }

        @Test
        void shardAttributeCannotCollide() {
            definitionError(ShardCollision.class).hasMessageContaining("'at_shard'").hasMessageContaining("field 'other'")
                    .hasMessageContaining("@Field(name = ...)");
        }

        @Test
        void shardsBetweenOneAndAThousand() {
            definitionError(NoShards.class).hasMessageContaining("shards = 0").hasMessageContaining("1 to 1000");
            definitionError(TooManyShards.class).hasMessageContaining("shards = 1001").hasMessageContaining("1 to 1000");
        }

        @Test
        void rangeIndexTakesNoRangeKey() {
            definitionError(RangeWithRangeKey.class).hasMessageContaining("field 'at'").hasMessageContaining("rangeKey = \"other\"")
                    .hasMessageContaining("remove rangeKey");
        }

        @Test
        void negativeIndexCapacities() {
            definitionError(NegativeReadCapacity.class).hasMessageContaining("readCapacity = -1").hasMessageContaining("positive");
            definitionError(NegativeWriteCapacity.class).hasMessageContaining("writeCapacity = -5");
        }

        @Test
        void indexedFieldsMustBePersisted() {
            definitionError(NotPersisted.class).hasMessageContaining("field 'owner'").hasMessageContaining("add @Field");
        }

        @Test
        void aClassLevelIndexNamesAnAutomaticTimestamp() {
            definitionError(ClassIndexWithoutField.class).hasMessageContaining("@Index(range = true) on the class names no field")
                    .hasMessageContaining("@Index(field = \"createdAt\", range = true)").hasMessageContaining("on a field");
            definitionError(ClassIndexOnDeclaredField.class).hasMessageContaining("field = \"joinedAt\"")
                    .hasMessageContaining("which the class declares").hasMessageContaining("put the @Index on field 'joinedAt'");
            definitionError(ClassIndexOnUnknownField.class).hasMessageContaining("field = \"deletedAt\"")
                    .hasMessageContaining("not an automatic timestamp").hasMessageContaining("\"createdAt\" or \"updatedAt\"");
        }

        @Test
        void aTimestampIndexNeedsTheTimestamps() {
            definitionError(ClassIndexWithoutTimestamps.class).hasMessageContaining("field = \"createdAt\"")
                    .hasMessageContaining("@Table(timestamps = false)").hasMessageContaining("turn the timestamps on")
                    .hasMessageContaining("your own @Field Instant createdAt");
        }

        @Test
        void onAFieldTheFieldItselfIsIndexed() {
            definitionError(FieldIndexNamingAField.class).hasMessageContaining("@Index on field 'at' names field = \"createdAt\"")
                    .hasMessageContaining("remove field = ...").hasMessageContaining("move the @Index to the class");
        }

        @Test
        void redeclaringATimestampToIndexItPointsToTheClassLevelIndex() {
            definitionError(RedeclaredTimestampIndex.class).hasMessageContaining("field 'createdAt'")
                    .hasMessageContaining("automatic timestamp").hasMessageContaining("remove the field")
                    .hasMessageContaining("@Index(field = \"createdAt\", range = true)");
            definitionError(PersistedTimestampIndex.class).hasMessageContaining("'createdAt'")
                    .hasMessageContaining("Dynarecord keeps itself").hasMessageContaining("remove the field")
                    .hasMessageContaining("@Index(field = \"createdAt\", range = true) on the class");
        }

        @Test
        void aTimestampIndexedTwiceUnderOneName() {
            definitionError(TimestampIndexedTwice.class).hasMessageContaining("two indexes named 'createdAt_sharded_index'")
                    .hasMessageContaining("another name");
        }
    }
}
