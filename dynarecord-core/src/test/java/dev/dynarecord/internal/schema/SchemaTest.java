package dev.dynarecord.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Default;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.annotation.Transient;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.UnknownAttributeException;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import dev.dynarecord.types.Converters;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SchemaTest {

    private static final BaseClass BASE = TestSchemas.BASE;

    private static List<String> names(ModelSchema<?> schema) {
        return schema.attributes().stream().map(AttributeSchema::name).toList();
    }

    // --- valid models ---------------------------------------------------------------------------

    static class Plain extends Model<Plain> {
        static final Finder<Plain> find = finder(Plain.class);
        @Field String name;
        String scratch;
        @Transient String cache;
    }

    @Table(key = "email")
    static class Account extends Model<Account> {
        static final Finder<Account> find = finder(Account.class);
        @Field String email;
        @Field String plan;
    }

    @Table(name = "messages", readCapacity = 5, writeCapacity = 3)
    static class Message extends Model<Message> {
        static final Finder<Message> find = finder(Message.class);
        @HashKey long userId;
        @RangeKey String sentAt;
        @Field String body;
    }

    static class Code extends Model<Code> {
        static final Finder<Code> find = finder(Code.class);
        @HashKey String code;
    }

    static class OwnId extends Model<OwnId> {
        static final Finder<OwnId> find = finder(OwnId.class);
        @Field Long id;
    }

    static class Person extends Model<Person> {
        static final Finder<Person> find = finder(Person.class);
        @Field(name = "full_name") String fullName;
        @Field int age;
        @Field Integer score;
        @Field List<String> tags;
        @Field @Default("7") int level;
        String scratch;
    }

    @Table(timestamps = false)
    static class NoStamps extends Model<NoStamps> {
        static final Finder<NoStamps> find = finder(NoStamps.class);
        @Field String name;
    }

    @Table(timestamps = false)
    static class OwnStamps extends Model<OwnStamps> {
        static final Finder<OwnStamps> find = finder(OwnStamps.class);
        @Field Instant createdAt;
    }

    static class OrderLine extends Model<OrderLine> {
        static final Finder<OrderLine> find = finder(OrderLine.class);
    }

    static class Category extends Model<Category> {
        static final Finder<Category> find = finder(Category.class);
    }

    static class Box extends Model<Box> {
        static final Finder<Box> find = finder(Box.class);
    }

    static class Day extends Model<Day> {
        static final Finder<Day> find = finder(Day.class);
    }

    @Nested
    class Mapping {

        @Test
        void magicIdIsTheHashKeyWhenNoneIsDeclared() {
            ModelSchema<Plain> s = Schemas.of(Plain.class);
            assertThat(s.usesMagicId()).isTrue();
            assertThat(s.hashKey().name()).isEqualTo("id");
            assertThat(s.hashKey().keyRole()).isEqualTo(KeyRole.HASH);
            assertThat(s.hashKey().javaType()).isEqualTo(String.class);
            assertThat(s.generatesHashKey()).isTrue();
            assertThat(s.rangeKey()).isEmpty();
            assertThat(s.tableDefinition().hashKey()).isEqualTo(new TableDefinition.KeyAttribute("id", AttributeType.S));
            assertThat(s.tableDefinition().rangeKey()).isEmpty();
        }

        @Test
        void onlyAnnotatedFieldsArePersisted() {
            assertThat(names(Schemas.of(Plain.class))).containsExactly("id", "name", "createdAt", "updatedAt");
            assertThat(names(Schemas.of(Person.class))).doesNotContain("scratch");
            assertThat(Schemas.of(Plain.class).attribute("cache")).isEmpty();
            assertThat(Schemas.of(Plain.class).attribute("find")).isEmpty();
        }

        @Test
        void tableKeyNamesTheHashKey() {
            ModelSchema<Account> s = Schemas.of(Account.class);
            assertThat(s.usesMagicId()).isFalse();
            assertThat(s.hashKey().name()).isEqualTo("email");
            assertThat(names(s)).containsExactly("email", "plan", "createdAt", "updatedAt");
        }

        @Test
        void hashKeyAndRangeKeyAnnotations() {
            ModelSchema<Message> s = Schemas.of(Message.class);
            assertThat(s.hashKey().fieldName()).isEqualTo("userId");
            assertThat(s.hashKey().attributeType()).isEqualTo(AttributeType.N);
            assertThat(s.hashKey().isPrimitive()).isTrue();
            assertThat(s.rangeKey()).hasValueSatisfying(r -> {
                assertThat(r.name()).isEqualTo("sentAt");
                assertThat(r.keyRole()).isEqualTo(KeyRole.RANGE);
            });
            assertThat(s.attribute("body").orElseThrow().keyRole()).isEqualTo(KeyRole.NONE);
            assertThat(s.generatesHashKey()).isFalse();
            TableDefinition t = s.tableDefinition();
            assertThat(t.baseName()).isEqualTo("messages");
            assertThat(t.hashKey()).isEqualTo(new TableDefinition.KeyAttribute("userId", AttributeType.N));
            assertThat(t.rangeKey()).contains(new TableDefinition.KeyAttribute("sentAt", AttributeType.S));
            assertThat(t.readCapacity()).isEqualTo(5);
            assertThat(t.writeCapacity()).isEqualTo(3);
        }

        @Test
        void declaredIdFieldIsTheHashKey() {
            ModelSchema<OwnId> s = Schemas.of(OwnId.class);
            assertThat(s.usesMagicId()).isFalse();
            assertThat(s.hashKey().javaType()).isEqualTo(Long.class);
            assertThat(s.hashKey().attributeType()).isEqualTo(AttributeType.N);
            assertThat(s.generatesHashKey()).isFalse();
        }

        @Test
        void fieldNameRenamesTheAttribute() {
            AttributeSchema a = Schemas.of(Person.class).attribute("full_name").orElseThrow();
            assertThat(a.fieldName()).isEqualTo("fullName");
            assertThat(Schemas.of(Person.class).attribute("fullName")).isEmpty();
        }

        @Test
        void timestampsUnlessTurnedOff() {
            assertThat(Schemas.of(Plain.class).createdAt()).isPresent();
            assertThat(Schemas.of(Plain.class).updatedAt()).isPresent();
            ModelSchema<NoStamps> off = Schemas.of(NoStamps.class);
            assertThat(off.createdAt()).isEmpty();
            assertThat(off.updatedAt()).isEmpty();
            assertThat(names(off)).containsExactly("id", "name");
            assertThat(names(Schemas.of(OwnStamps.class))).containsExactly("id", "createdAt");
        }

        @Test
        void tableNamesAreDerivedFromClassNames() {
            assertThat(Schemas.of(OrderLine.class).tableDefinition().baseName()).isEqualTo("order_lines");
            assertThat(Schemas.of(Category.class).tableDefinition().baseName()).isEqualTo("categories");
            assertThat(Schemas.of(Box.class).tableDefinition().baseName()).isEqualTo("boxes");
            assertThat(Schemas.of(Day.class).tableDefinition().baseName()).isEqualTo("days");
            assertThat(Schemas.of(Plain.class).tableDefinition().readCapacity()).isZero();
        }

        @Test
        void unknownAttributeListsTheDeclaredOnes() {
            assertThatThrownBy(() -> Schemas.of(Person.class).attributeOrThrow("nick"))
                    .isInstanceOf(UnknownAttributeException.class)
                    .hasMessageContaining("Person has no attribute 'nick'")
                    .hasMessageContaining("full_name");
        }

        @Test
        void finderSchemaIsCachedPerClass() {
            assertThat(Schemas.of(Person.class)).isSameAs(Schemas.of(Person.class));
        }
    }

    @Nested
    class Items {

        @Test
        void toItemWritesSetValuesAndLeavesNullsOut() {
            Person p = new Person();
            p.fullName = "Ann Lee";
            p.age = 41;
            p.tags = List.of("a", "b");
            Map<String, AttributeValue> item = Schemas.of(Person.class).toItem(p);
            assertThat(item).containsOnlyKeys("full_name", "age", "tags", "level");
            assertThat(item.get("full_name").s()).isEqualTo("Ann Lee");
            assertThat(item.get("age").n()).isEqualTo("41");
            assertThat(item.get("level").n()).isEqualTo("7");
            assertThat(item.get("tags").l()).extracting(AttributeValue::s).containsExactly("a", "b");
        }

        @Test
        void readItemSetsDeclaredAttributesDefaultsAndIgnoresUnknownOnes() {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("id", AttributeValue.fromS("p-1"));
            item.put("full_name", AttributeValue.fromS("Bo"));
            item.put("age", AttributeValue.fromN("30"));
            item.put("score", AttributeValue.fromNul(true));
            item.put("createdAt", AttributeValue.fromS("2024-01-02T03:04:05Z"));
            item.put("legacy", AttributeValue.fromS("ignored"));
            ModelSchema<Person> s = Schemas.of(Person.class);
            Person p = s.newInstance();
            p.scratch = "kept";
            p.level = 99;
            s.readItem(item, p);
            assertThat(p.id()).isEqualTo("p-1");
            assertThat(p.fullName).isEqualTo("Bo");
            assertThat(p.age).isEqualTo(30);
            assertThat(p.score).isNull();
            assertThat(p.tags).isNull();
            assertThat(p.level).isEqualTo(7);
            assertThat(p.createdAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
            assertThat(p.updatedAt()).isNull();
            assertThat(p.scratch).isEqualTo("kept");
        }

        @Test
        void missingPrimitiveBecomesZero() {
            Person p = new Person();
            p.age = 12;
            Schemas.of(Person.class).readItem(Map.of(), p);
            assertThat(p.age).isZero();
        }

        @Test
        void roundTrip() {
            Person p = new Person();
            p.fullName = "Cy";
            p.score = 3;
            ModelSchema<Person> s = Schemas.of(Person.class);
            s.hashKey().set(p, "p-2");
            Person back = s.newInstance();
            s.readItem(s.toItem(p), back);
            assertThat(back.fullName).isEqualTo("Cy");
            assertThat(back.score).isEqualTo(3);
            assertThat(back.id()).isEqualTo("p-2");
        }

        @Test
        void keyOfReadsTheKeyFields() {
            Message m = new Message();
            m.userId = 42;
            m.sentAt = "2024-05-01";
            m.body = "hello";
            assertThat(Schemas.of(Message.class).keyOf(m))
                    .containsOnlyKeys("userId", "sentAt")
                    .containsEntry("userId", AttributeValue.fromN("42"))
                    .containsEntry("sentAt", AttributeValue.fromS("2024-05-01"));
        }

        @Test
        void keyOfWithoutRangeNamesIt() {
            Message m = new Message();
            m.userId = 1;
            assertThatThrownBy(() -> Schemas.of(Message.class).keyOf(m))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("Message.sentAt (range key) is missing");
        }

        @Test
        void keyOfANewMagicIdRecordSaysOneIsGenerated() {
            assertThatThrownBy(() -> Schemas.of(Plain.class).keyOf(new Plain()))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("Plain.id (hash key) is missing")
                    .hasMessageContaining("generated");
        }
    }

    @Nested
    class Keys {

        @Test
        void keyBuildsHashAndRange() {
            assertThat(Schemas.of(Message.class).key(7L, "r"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("userId", AttributeValue.fromN("7"), "sentAt", AttributeValue.fromS("r")));
            assertThat(Schemas.of(Plain.class).key("abc", null)).containsExactlyEntriesOf(Map.of("id", AttributeValue.fromS("abc")));
        }

        @Test
        void missingHash() {
            assertThatThrownBy(() -> Schemas.of(Code.class).key(null, null))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("Code.code (hash key) is missing")
                    .hasMessageContaining("set it");
            assertThatThrownBy(() -> Schemas.of(Message.class).key(null, "r"))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("Message.userId (hash key) is missing");
        }

        @Test
        void missingRange() {
            assertThatThrownBy(() -> Schemas.of(Message.class).key(1L, null))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("Message.sentAt (range key) is missing");
        }

        @Test
        void emptyString() {
            assertThatThrownBy(() -> Schemas.of(Code.class).key("", null))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("Code.code (hash key) is empty")
                    .hasMessageContaining("cannot be empty strings");
            assertThatThrownBy(() -> Schemas.of(Message.class).key(1L, ""))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("Message.sentAt (range key) is empty");
        }

        @Test
        void hashOver2048Bytes() {
            assertThat(Schemas.of(Code.class).key("x".repeat(2048), null)).containsKey("code");
            assertThatThrownBy(() -> Schemas.of(Code.class).key("x".repeat(2049), null))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("Code.code (hash key) is 2049 bytes")
                    .hasMessageContaining("at most 2048 bytes");
            // bytes, not chars: 1025 two-byte characters
            assertThatThrownBy(() -> Schemas.of(Code.class).key("é".repeat(1025), null))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("2050 bytes");
            // three-byte characters either side of 2048 / 3: the short keys the check does not count, and the first it must
            assertThat(Schemas.of(Code.class).key("€".repeat(682), null)).containsKey("code");
            assertThatThrownBy(() -> Schemas.of(Code.class).key("€".repeat(683), null))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("2049 bytes");
            assertThat(Schemas.of(Code.class).key("😀".repeat(512), null)).as("4 bytes per 2 chars").containsKey("code");
            assertThatThrownBy(() -> Schemas.of(Code.class).key("😀".repeat(513), null))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("2052 bytes");
        }

        @Test
        void rangeOver1024Bytes() {
            assertThat(Schemas.of(Message.class).key(1L, "x".repeat(1024))).containsKey("sentAt");
            assertThatThrownBy(() -> Schemas.of(Message.class).key(1L, "x".repeat(1025)))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("Message.sentAt (range key) is 1025 bytes")
                    .hasMessageContaining("at most 1024 bytes");
        }

        @Test
        void rangeForAHashOnlyModel() {
            assertThatThrownBy(() -> Schemas.of(Code.class).key("a", "b"))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("Code has no range key")
                    .hasMessageContaining("(b)")
                    .hasMessageContaining("hash key alone");
        }

        @Test
        void wrongKeyType() {
            assertThatThrownBy(() -> Schemas.of(Message.class).key("x", "r"))
                    .isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Message.userId")
                    .hasMessageContaining("java.lang.String 'x'")
                    .hasMessageContaining("pass a Long");
        }

        @Test
        void numbersWidenWithoutLoss() {
            assertThat(Schemas.of(Message.class).key(5, "r")).containsEntry("userId", AttributeValue.fromN("5"));
            assertThat(Schemas.of(Message.class).key((short) 5, "r")).containsEntry("userId", AttributeValue.fromN("5"));
            assertThat(Schemas.of(Message.class).key(5.0, "r")).containsEntry("userId", AttributeValue.fromN("5"));
            assertThat(Schemas.of(Message.class).key(BigInteger.TEN, "r")).containsEntry("userId", AttributeValue.fromN("10"));
        }

        @Test
        void numbersThatWouldLoseSomethingFail() {
            assertThatThrownBy(() -> Schemas.of(Message.class).key(5.5, "r"))
                    .isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Message.userId")
                    .hasMessageContaining("5.5")
                    .hasMessageContaining("pass a Long");
            assertThatThrownBy(() -> Schemas.of(Message.class).key(BigInteger.TWO.pow(64), "r"))
                    .isInstanceOf(ConversionException.class);
        }
    }

    // --- definition errors ----------------------------------------------------------------------

    static class NoNoArgConstructor extends Model<NoNoArgConstructor> {
        @Field String name;

        NoNoArgConstructor(String name) {
            this.name = name;
        }
    }

    abstract static class AbstractModel extends Model<AbstractModel> {
        @Field String name;
    }

    class InnerModel extends Model<InnerModel> {
        @Field String name;
    }

    static class TwoHashKeys extends Model<TwoHashKeys> {
        @HashKey String first;
        @HashKey String second;
    }

    @Table(key = "handle")
    static class TableKeyMissing extends Model<TableKeyMissing> {
        @Field String name;
    }

    @Table(key = "email")
    static class TableKeyConflict extends Model<TableKeyConflict> {
        @Field String email;
        @HashKey String login;
    }

    static class SameHashAndRange extends Model<SameHashAndRange> {
        @HashKey @RangeKey String both;
    }

    static class TransientAndField extends Model<TransientAndField> {
        @Transient @Field String ghost;
    }

    static class StaticField extends Model<StaticField> {
        @Field static String shared;
    }

    static class FinalField extends Model<FinalField> {
        @Field final String fixed = "x";
    }

    static class SameAttributeName extends Model<SameAttributeName> {
        @Field(name = "n") String first;
        @Field(name = "n") String second;
    }

    static class DeclaresCreatedAt extends Model<DeclaresCreatedAt> {
        @Field Instant createdAt;
    }

    static class ListKey extends Model<ListKey> {
        @HashKey List<String> tags;
    }

    static class ThreadField extends Model<ThreadField> {
        @Field Thread worker;
    }

    @Table(name = "a b")
    static class SpaceInTableName extends Model<SpaceInTableName> {
    }

    @Table(readCapacity = -1)
    static class NegativeCapacity extends Model<NegativeCapacity> {
    }

    @Table(writeCapacity = -2)
    static class NegativeWriteCapacity extends Model<NegativeWriteCapacity> {
    }

    static class BadDefault extends Model<BadDefault> {
        @Field @Default("abc") int count;
    }

    static class DefaultOnList extends Model<DefaultOnList> {
        @Field @Default("a,b") List<String> tags;
    }

    static class EmptyAttributeName extends Model<EmptyAttributeName> {
        @Field(name = "") String fine;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> definitionError(Class<?> type) {
        return assertThatThrownBy(() -> ModelSchema.build(type, BASE))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining(type.getSimpleName());
    }

    @Nested
    class DefinitionErrors {

        @Test
        void noNoArgConstructor() {
            definitionError(NoNoArgConstructor.class).hasMessageContaining("has no no-arg constructor").hasMessageContaining("add one");
        }

        @Test
        void abstractClass() {
            definitionError(AbstractModel.class).hasMessageContaining("is abstract").hasMessageContaining("concrete");
        }

        @Test
        void nonStaticInnerClass() {
            definitionError(InnerModel.class).hasMessageContaining("inner class").hasMessageContaining("declare it static");
        }

        @Test
        void twoHashKeys() {
            definitionError(TwoHashKeys.class)
                    .hasMessageContaining("@HashKey on [first, second]")
                    .hasMessageContaining("keep it on one field");
        }

        @Test
        void tableKeyNamingAMissingField() {
            definitionError(TableKeyMissing.class)
                    .hasMessageContaining("'handle' in @Table(key)")
                    .hasMessageContaining("no such field")
                    .hasMessageContaining("@Field String handle;");
        }

        @Test
        void tableKeyConflictingWithHashKey() {
            definitionError(TableKeyConflict.class)
                    .hasMessageContaining("'email' in @Table(key)")
                    .hasMessageContaining("'login' with @HashKey")
                    .hasMessageContaining("declare the key once");
        }

        @Test
        void sameFieldHashAndRange() {
            definitionError(SameHashAndRange.class)
                    .hasMessageContaining("'both' is both hash key and range key")
                    .hasMessageContaining("pick two fields");
        }

        @Test
        void transientAndField() {
            definitionError(TransientAndField.class)
                    .hasMessageContaining("'ghost'")
                    .hasMessageContaining("@Transient")
                    .hasMessageContaining("remove one of the annotations");
        }

        @Test
        void staticField() {
            definitionError(StaticField.class).hasMessageContaining("'shared' is static").hasMessageContaining("instance fields");
        }

        @Test
        void finalField() {
            definitionError(FinalField.class).hasMessageContaining("'fixed' is final").hasMessageContaining("assignable");
        }

        @Test
        void twoFieldsOnOneAttribute() {
            definitionError(SameAttributeName.class)
                    .hasMessageContaining("'first' and 'second' to the attribute 'n'")
                    .hasMessageContaining("@Field(name = ...)");
        }

        @Test
        void declaredCreatedAtWithTimestampsOn() {
            definitionError(DeclaresCreatedAt.class)
                    .hasMessageContaining("'createdAt'")
                    .hasMessageContaining("remove the field")
                    .hasMessageContaining("@Table(timestamps = false)");
        }

        @Test
        void nonScalarKey() {
            definitionError(ListKey.class)
                    .hasMessageContaining("key 'tags'")
                    .hasMessageContaining("strings, numbers or binary");
        }

        @Test
        void unsupportedFieldType() {
            definitionError(ThreadField.class)
                    .hasMessageContaining("ThreadField.worker")
                    .hasMessageContaining("java.lang.Thread")
                    .hasMessageContaining("Converters.register")
                    .hasMessageContaining("@Field(serialized = true)");
        }

        @Test
        void invalidTableNames() {
            definitionError(SpaceInTableName.class).hasMessageContaining("'a b'").hasMessageContaining("3 to 255 characters");
        }

        @Test
        void negativeCapacity() {
            definitionError(NegativeCapacity.class)
                    .hasMessageContaining("@Table(readCapacity = -1)")
                    .hasMessageContaining("positive number");
            definitionError(NegativeWriteCapacity.class).hasMessageContaining("@Table(writeCapacity = -2)");
        }

        @Test
        void badDefaultConstant() {
            definitionError(BadDefault.class)
                    .hasMessageContaining("BadDefault.count")
                    .hasMessageContaining("@Default(\"abc\")")
                    .hasMessageContaining("Integer")
                    .hasMessageContaining("fix the constant");
        }

        @Test
        void defaultConstantOnAnUnsupportedType() {
            definitionError(DefaultOnList.class)
                    .hasMessageContaining("DefaultOnList.tags")
                    .hasMessageContaining("java.util.List")
                    .hasMessageContaining("@Default(supplier = ...)");
        }

        @Test
        void emptyNameInFieldMeansTheFieldName() {
            // @Field(name = "") is the annotation's default, so it means "use the field name"
            assertThat(names(ModelSchema.build(EmptyAttributeName.class, BASE))).contains("fine");
        }

        @Test
        void errorsRepeatOnEveryUseInsteadOfBeingCachedAsBroken() {
            // The Model constructor builds the schema, so a broken model cannot even be instantiated.
            assertThatThrownBy(BadDefault::new).isInstanceOf(ModelDefinitionException.class);
            assertThatThrownBy(BadDefault::new).isInstanceOf(ModelDefinitionException.class).hasMessageContaining("fix the constant");
        }
    }
    @Nested
    class ConverterSets {

        /** Threads by name: a type only the sets that register this know. */
        private final AttributeConverter<Thread> byName = new AttributeConverter<>() {
            @Override
            public AttributeType attributeType() {
                return AttributeType.S;
            }

            @Override
            public AttributeValue toAttributeValue(Thread value) {
                return AttributeValue.fromS(value.getName());
            }

            @Override
            public Thread fromAttributeValue(AttributeValue value) {
                return new Thread(value.s());
            }
        };

        @Test
        void theStructureNeedsNoConverterAndConvertsNothing() {
            ModelSchema<ThreadField> structure = Schemas.structure(ThreadField.class);
            assertThat(new ThreadField()).isNotNull(); // defaults come from the structure
            assertThat(names(structure)).contains("worker");
            assertThat(structure).isSameAs(Schemas.structure(ThreadField.class));
            assertThatThrownBy(structure::tableDefinition).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("structure knows no key types");
            assertThatThrownBy(() -> structure.attributeOrThrow("worker").toAttributeValue(Thread.currentThread()))
                    .isInstanceOf(ConversionException.class).hasMessageContaining("converts no values");
            assertThatThrownBy(() -> Schemas.of(ThreadField.class)).isInstanceOf(ModelDefinitionException.class)
                    .hasMessageContaining("ThreadField.worker");
        }

        @Test
        void aSetConvertsWithItsOwnConvertersFirst() {
            SchemaSet threads = Schemas.forSession(Map.of(Thread.class, byName), SessionConventions.DEFAULT);
            ModelSchema<ThreadField> schema = threads.schema(ThreadField.class);
            ThreadField t = new ThreadField();
            t.worker = new Thread("w1");
            assertThat(schema.toItem(t).get("worker").s()).isEqualTo("w1");
            assertThat(threads.schema(ThreadField.class)).isSameAs(schema);
            assertThat(schema.related(Person.class)).isSameAs(threads.schema(Person.class)).isNotSameAs(Schemas.of(Person.class));
            assertThat(Schemas.of(Person.class).related(Person.class)).isSameAs(Schemas.of(Person.class));
            assertThat(Schemas.forSession(Map.of(), SessionConventions.DEFAULT)).isSameAs(Schemas.global());
        }

        @Test
        void aGlobalRegistrationRebuildsTheSchemasBuiltBefore() {
            SchemaSet threads = Schemas.forSession(Map.of(Thread.class, byName), SessionConventions.DEFAULT);
            ModelSchema<Person> global = Schemas.of(Person.class);
            ModelSchema<Person> own = threads.schema(Person.class);
            int version = Converters.version();
            Converters.register(Unregistered.class, new AttributeConverter<>() {
                @Override
                public AttributeType attributeType() {
                    return AttributeType.S;
                }

                @Override
                public AttributeValue toAttributeValue(Unregistered value) {
                    return AttributeValue.fromS("u");
                }

                @Override
                public Unregistered fromAttributeValue(AttributeValue value) {
                    return new Unregistered();
                }
            });
            assertThat(Converters.version()).isNotEqualTo(version);
            assertThat(Schemas.of(Person.class)).isNotSameAs(global);
            assertThat(threads.schema(Person.class)).isNotSameAs(own);
            assertThat(Schemas.structure(Person.class).attributes()).hasSameSizeAs(global.attributes());
        }
    }

    static final class Unregistered {
    }
}
