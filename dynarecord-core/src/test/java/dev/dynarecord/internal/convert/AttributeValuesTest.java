package dev.dynarecord.internal.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Protected;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.ProtectedAttributeException;
import dev.dynarecord.exception.UnknownAttributeException;
import dev.dynarecord.internal.persist.Assignment;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.TestSchemas;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {

    enum Color { RED, GREEN }

    static class Typed extends Model<Typed> {
        @Field String name;
        @Field int count;
        @Field long big;
        @Field short small;
        @Field double ratio;
        @Field float fraction;
        @Field Integer boxed;
        @Field BigDecimal price;
        @Field BigInteger huge;
        @Field boolean active;
        @Field Instant at;
        @Field LocalDate day;
        @Field LocalDateTime local;
        @Field Duration took;
        @Field Color color;
        @Field UUID ref;
        @Field char initial;
        @Field Set<String> tags;
        @Field Set<Long> ids;
        @Field List<Integer> scores;
        @Field Map<String, Object> extra;
        @Field Map<String, Integer> counts;
        @Field Object anything;
        @Field(name = "nick_name") String nickname;
        @Field @Protected boolean admin;
    }

    @Table(rangeKey = "seq")
    static class Keyed extends Model<Keyed> {
        @Field @RangeKey long seq;
        @Field String body;
        @Field Long lockVersion;
    }

    private static final ModelSchema<?> SCHEMA = TestSchemas.of(Typed.class);

    private static Object convert(String field, Object value) {
        return AttributeValues.convert(SCHEMA, SCHEMA.attributeOrField(field).orElseThrow(), value);
    }

    @Nested
    class Keeps {
        @Test
        void valuesThatAlreadyHaveTheType() {
            BigDecimal price = new BigDecimal("12.50");
            assertThat(convert("price", price)).isSameAs(price);
            assertThat(convert("name", "Ada")).isEqualTo("Ada");
            assertThat(convert("count", 3)).isEqualTo(3);
            assertThat(convert("active", true)).isEqualTo(true);
            Instant now = Instant.now();
            assertThat(convert("at", now)).isSameAs(now);
            Object any = List.of(1, "x");
            assertThat(convert("anything", any)).isSameAs(any);
        }

        @Test
        void nullIntoAnObjectField() {
            assertThat(convert("name", null)).isNull();
            assertThat(convert("boxed", null)).isNull();
            assertThat(convert("tags", null)).isNull();
        }
    }

    @Nested
    class Numbers {
        @Test
        void widenWithoutLoss() {
            assertThat(convert("big", 7)).isEqualTo(7L);
            assertThat(convert("count", 7L)).isEqualTo(7);
            assertThat(convert("count", 7.0)).isEqualTo(7);
            assertThat(convert("small", 12)).isEqualTo((short) 12);
            assertThat(convert("ratio", 3)).isEqualTo(3.0);
            assertThat(convert("fraction", 0.5)).isEqualTo(0.5f);
            assertThat(convert("price", 2.5)).isEqualTo(new BigDecimal("2.5"));
            assertThat(convert("price", 3)).isEqualTo(new BigDecimal(3));
            assertThat(convert("huge", new BigDecimal("1E+30"))).isEqualTo(BigInteger.TEN.pow(30));
            assertThat(convert("boxed", 5L)).isEqualTo(5);
        }

        @Test
        void numericStrings() {
            assertThat(convert("count", "42")).isEqualTo(42);
            assertThat(convert("big", " 9007199254740993 ")).isEqualTo(9007199254740993L);
            assertThat(convert("price", "19.99")).isEqualTo(new BigDecimal("19.99"));
            assertThat(convert("ratio", "0.25")).isEqualTo(0.25);
        }

        @Test
        void lossyOrWrongTypedNumbersAreRefusedNamingFieldValueAndType() {
            assertThatThrownBy(() -> convert("count", 1.5)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Typed.count").hasMessageContaining("1.5").hasMessageContaining("int");
            assertThatThrownBy(() -> convert("count", "abc")).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Typed.count").hasMessageContaining("'abc'").hasMessageContaining("not a number");
            assertThatThrownBy(() -> convert("big", "1.5")).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Typed.big").hasMessageContaining("long");
            assertThatThrownBy(() -> convert("count", 3_000_000_000L)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("precision or range");
            assertThatThrownBy(() -> convert("small", 70_000)).isInstanceOf(ConversionException.class);
            assertThatThrownBy(() -> convert("ratio", 9007199254740993L)).isInstanceOf(ConversionException.class);
            assertThatThrownBy(() -> convert("fraction", 0.123456789)).isInstanceOf(ConversionException.class);
            assertThatThrownBy(() -> convert("count", true)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("pass a number");
            assertThatThrownBy(() -> convert("count", "")).isInstanceOf(ConversionException.class);
            assertThatThrownBy(() -> convert("ratio", "NaN")).isInstanceOf(ConversionException.class);
        }

        @Test
        void nullIntoAPrimitiveIsRefused() {
            assertThatThrownBy(() -> convert("count", null)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Typed.count").hasMessageContaining("cannot be null");
            assertThatThrownBy(() -> convert("active", null)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("cannot be null");
        }
    }

    @Nested
    class ThroughJackson {
        @Test
        void isoStringsToTimes() {
            assertThat(convert("at", "2026-11-21T09:30:00.123Z")).isEqualTo(Instant.parse("2026-11-21T09:30:00.123Z"));
            assertThat(convert("day", "2026-11-21")).isEqualTo(LocalDate.of(2026, 11, 21));
            assertThat(convert("local", "2026-11-21T09:30")).isEqualTo(LocalDateTime.of(2026, 11, 21, 9, 30));
            assertThat(convert("took", "PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        }

        @Test
        void badOrAmbiguousTimesAreRefused() {
            assertThatThrownBy(() -> convert("day", "21/11/2026")).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Typed.day").hasMessageContaining("21/11/2026").hasMessageContaining("LocalDate");
            assertThatThrownBy(() -> convert("at", 1_700_000_000L)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("ISO-8601");
            assertThatThrownBy(() -> convert("took", 90)).isInstanceOf(ConversionException.class);
            assertThatThrownBy(() -> convert("at", "")).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("empty string");
        }

        @Test
        void stringsToEnumsUuidsAndChars() {
            UUID id = UUID.randomUUID();
            assertThat(convert("color", "GREEN")).isEqualTo(Color.GREEN);
            assertThat(convert("ref", id.toString())).isEqualTo(id);
            assertThat(convert("initial", "A")).isEqualTo('A');
        }

        @Test
        void unknownEnumNamesOrdinalsAndBadUuidsAreRefused() {
            assertThatThrownBy(() -> convert("color", "BLUE")).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Typed.color").hasMessageContaining("RED");
            assertThatThrownBy(() -> convert("color", 1)).isInstanceOf(ConversionException.class);
            assertThatThrownBy(() -> convert("color", "1")).isInstanceOf(ConversionException.class);
            assertThatThrownBy(() -> convert("ref", "not-a-uuid")).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Typed.ref");
        }

        @Test
        void booleans() {
            assertThat(convert("active", "true")).isEqualTo(true);
            assertThatThrownBy(() -> convert("active", 1)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("true or false");
            assertThatThrownBy(() -> convert("active", "yes")).isInstanceOf(ConversionException.class);
        }

        @Test
        void collectionsAndMapsWithTheirElementTypes() {
            assertThat(convert("tags", List.of("a", "b", "a"))).isEqualTo(Set.of("a", "b"));
            assertThat(convert("ids", List.of(1, 2L))).isEqualTo(Set.of(1L, 2L));
            assertThat(convert("scores", List.of(1, 2, 3))).isEqualTo(List.of(1, 2, 3));
            assertThat(convert("counts", Map.of("a", 1))).isEqualTo(Map.of("a", 1));
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("theme", "dark");
            nested.put("sizes", List.of(1, 2.5));
            nested.put("none", null);
            assertThat(convert("extra", nested)).isEqualTo(nested);
        }

        @Test
        void lossyElementsAreRefused() {
            assertThatThrownBy(() -> convert("scores", List.of(1, 1.5))).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Typed.scores").hasMessageContaining("List<java.lang.Integer>");
            assertThatThrownBy(() -> convert("scores", List.of("x"))).isInstanceOf(ConversionException.class);
            assertThatThrownBy(() -> convert("counts", Map.of("a", "many"))).isInstanceOf(ConversionException.class);
            assertThatThrownBy(() -> convert("tags", "a")).isInstanceOf(ConversionException.class);
            assertThatThrownBy(() -> convert("extra", List.of())).isInstanceOf(ConversionException.class);
        }

        @Test
        void scalarsIntoAString() {
            assertThat(convert("name", 42)).isEqualTo("42");
            assertThatThrownBy(() -> convert("name", Map.of("a", 1))).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Typed.name");
        }

        @Test
        void messagesNameTheAttributeWhenItDiffersFromTheField() {
            assertThatThrownBy(() -> convert("nickname", List.of())).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Typed.nickname (attribute nick_name)");
        }
    }

    @Nested
    class Assignments {
        @Test
        void assignsByFieldOrAttributeName() {
            Typed t = new Typed();
            Assignment.of(SCHEMA, Map.of("nick_name", "Ada", "count", "3", "day", "2026-01-02"), Set.of("lockVersion")).applyTo(t);
            assertThat(t.nickname).isEqualTo("Ada");
            assertThat(t.count).isEqualTo(3);
            assertThat(t.day).isEqualTo(LocalDate.of(2026, 1, 2));
        }

        @Test
        void unknownKeysListTheDeclaredFields() {
            assertThatThrownBy(() -> Assignment.of(SCHEMA, Map.of("nmae", "x"), Set.of()))
                    .isInstanceOf(UnknownAttributeException.class).hasMessageContaining("'nmae'")
                    .hasMessageContaining("nickname (attribute nick_name)").hasMessageContaining("name");
            Map<String, Object> nullKey = new HashMap<>();
            nullKey.put(null, 1);
            assertThatThrownBy(() -> Assignment.of(SCHEMA, nullKey, Set.of())).isInstanceOf(UnknownAttributeException.class);
        }

        @Test
        void protectedFieldsAreRefusedUnlessPermitted() {
            assertThatThrownBy(() -> Assignment.of(SCHEMA, Map.of("admin", true, "id", "x", "createdAt", "2026-01-01T00:00:00Z"),
                    Set.of())).isInstanceOf(ProtectedAttributeException.class)
                    .hasMessageContaining("'admin' (@Protected)").hasMessageContaining("'id' (the hash key)")
                    .hasMessageContaining("'createdAt' (a timestamp").hasMessageContaining("assign(map, ");
            Typed t = new Typed();
            Assignment.of(SCHEMA, Map.of("admin", true), Set.of(), "admin").applyTo(t);
            assertThat(t.admin).isTrue();
        }

        @Test
        void theLockVersionIsRefusedDeclaredOrNot() {
            assertThatThrownBy(() -> Assignment.of(SCHEMA, Map.of("lockVersion", 3), Set.of("lockVersion"), "lockVersion"))
                    .isInstanceOf(ProtectedAttributeException.class).hasMessageContaining("cannot be assigned");
            ModelSchema<?> keyed = TestSchemas.of(Keyed.class);
            assertThatThrownBy(() -> Assignment.of(keyed, Map.of("lockVersion", 3, "seq", 1), Set.of("lockVersion")))
                    .isInstanceOf(ProtectedAttributeException.class).hasMessageContaining("'lockVersion' (the lock version)")
                    .hasMessageContaining("'seq' (the range key)");
            Keyed k = new Keyed();
            Assignment.of(keyed, Map.of("lockVersion", 3), Set.of("lockVersion"), "lockVersion").applyTo(k);
            assertThat(k.lockVersion).isEqualTo(3L);
        }

        @Test
        void twoKeysForOneFieldAreRefused() {
            assertThatThrownBy(() -> Assignment.of(SCHEMA, Map.of("nick_name", "a", "nickname", "b"), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both name nickname");
        }

        @Test
        void toMapHoldsEveryAttributeInDeclarationOrder() {
            Typed t = new Typed();
            t.name = "Ada";
            Map<String, Object> map = Assignment.toMap(SCHEMA, t);
            assertThat(map.keySet()).startsWith("id", "name", "count").endsWith("createdAt", "updatedAt").contains("nick_name");
            assertThat(map).containsEntry("name", "Ada").containsEntry("count", 0).containsEntry("price", null);
            assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
