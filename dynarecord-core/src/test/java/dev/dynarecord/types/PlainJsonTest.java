package dev.dynarecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.ConversionException;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link PlainJson} writes and reads exactly what Jackson, configured as {@link SerializedConverter}
 * configures it, writes and reads: the same text, and the same classes in the same order.
 */
class PlainJsonTest {

    private static final Type MAP = new TypeOf<Map<String, Object>>() { }.type();
    private static final Type LIST = new TypeOf<List<Object>>() { }.type();
    private static final String[] STRINGS = {"", "plain", "quote \" back\\slash / slash", "tab\tnew\nline\rret\bbs\fff",
        "\u0000\u0001\u001f\u007f", "héllo wörld", "日本語", "emoji 😀🎉", "\uD800 lone surrogate", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "null", "true"};
    private static long seed;

    /** Captures a generic type. */
    abstract static class TypeOf<T> {
        Type type() {
            return ((java.lang.reflect.ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
        }
    }

    @BeforeAll
    static void seed() {
        String given = System.getProperty("seed");
        seed = given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.trim());
        System.out.println("PlainJsonTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
    }

    @Test
    void randomPlainValuesAreWrittenAndReadAsJacksonDoes() {
        Random r = new Random(seed);
        JacksonJson jackson = new JacksonJson(MAP);
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> value = map(r, 0);
            String where = "seed " + seed + ", value " + i;
            String expected = jackson.write(value);
            assertThat(PlainJson.write(value)).as(where).isEqualTo(expected);
            Object read = PlainJson.read(expected, MAP);
            assertThat(describe(read)).as(where).isEqualTo(describe(jackson.read(expected)));
        }
    }

    @Test
    void numbersAreReadIntoTheClassesJacksonChooses() {
        JacksonJson jackson = new JacksonJson(Object.class);
        for (String n : List.of("0", "-0", "7", "-7", "2147483647", "2147483648", "-2147483648", "-2147483649",
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                "123456789012345678901234567890", "1.0", "-0.0", "0.5", "1e5", "1E+5", "-1.5e-7", "1e400", "4.9e-325",
                "3.141592653589793238462643383279")) {
            assertThat(describe(PlainJson.read(n, Object.class))).as(n).isEqualTo(describe(jackson.read(n)));
        }
    }

    @Test
    void numbersOfEveryWidthAreWrittenAsJacksonWritesThem() {
        JacksonJson jackson = new JacksonJson(LIST);
        List<Object> values = List.of((byte) -8, (short) 300, 5, -5L, Long.MIN_VALUE, new BigInteger("-123456789012345678901234567890"),
                0.1, -0.0, 1e21, 1e-7, Double.MAX_VALUE, Double.MIN_VALUE, 0.1f, 1e10f, Float.MIN_VALUE);
        assertThat(PlainJson.write(values)).isEqualTo(jackson.write(values));
    }

    @Test
    void textItIsNotSureToReadAsJacksonWouldIsLeftToJackson() {
        for (String json : List.of("", "  ", "01", "-", "1.", "1e", ".5", "+1", "[1,]", "[1 2]", "{\"a\":1,\"a\":2}", "{} x",
                "{\"a\" 1}", "{a:1}", "NaN", "[", "\"unterminated", "\"bad \\x escape\"", "\"raw \u0001 control\"", "nul",
                "[true, fals]", "{\"a\":\"\\u12G4\"}", "[" .repeat(300) + "]".repeat(300))) {
            assertThat(PlainJson.read(json, Object.class)).as(json).isSameAs(PlainJson.NOT_PLAIN);
        }
        // the declared type decides what Jackson makes of the rest
        assertThat(PlainJson.read("[1]", MAP)).isSameAs(PlainJson.NOT_PLAIN);
        assertThat(PlainJson.read("{}", LIST)).isSameAs(PlainJson.NOT_PLAIN);
        assertThat(PlainJson.read("\"x\"", MAP)).isSameAs(PlainJson.NOT_PLAIN);
        assertThat(PlainJson.read(" null ", MAP)).isNull();
    }

    /** A map of the application's that Jackson writes as its annotation says. */
    static final class Tags extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        @com.fasterxml.jackson.annotation.JsonValue
        List<String> asList() {
            return new ArrayList<>(keySet());
        }
    }

    @Test
    void containersOfTheApplicationsOwnClassesAreLeftToJackson() {
        Tags tags = new Tags();
        tags.put("x", 1);
        assertThat(PlainJson.write(Map.of("tags", tags))).isSameAs(PlainJson.NOT_PLAIN);
        assertThat(PlainJson.write(tags)).isSameAs(PlainJson.NOT_PLAIN);
        SerializedConverter converter = new SerializedConverter(Object.class);
        assertThat(converter.toAttributeValue(tags).s()).isEqualTo("[\"x\"]");
        assertThat(PlainJson.write(new BigInteger("12345678901234567890") { })).isSameAs(PlainJson.NOT_PLAIN);
    }

    @Test
    void textPastJacksonsLimitsOrWithForeignDigitsIsLeftToIt() {
        String longNumber = "1" + "0".repeat(1000);
        assertThat(PlainJson.read(longNumber, Object.class)).isSameAs(PlainJson.NOT_PLAIN);
        assertThatThrownBy(() -> new SerializedConverter(Object.class).fromAttributeValue(AttributeValue.fromS(longNumber)))
                .isInstanceOf(ConversionException.class).hasMessageContaining("1000");
        assertThat(PlainJson.read("[" + "1".repeat(1000) + "]", Object.class)).isNotSameAs(PlainJson.NOT_PLAIN);
        for (String escape : List.of("[\"\\u\uFF10\uFF10\uFF14\uFF11\"]", "[\"\\u\u0660\u0660\u0664\u0661\"]")) {
            assertThat(PlainJson.read(escape, Object.class)).as(escape).isSameAs(PlainJson.NOT_PLAIN);
            assertThatThrownBy(() -> new SerializedConverter(Object.class).fromAttributeValue(AttributeValue.fromS(escape)))
                    .isInstanceOf(ConversionException.class);
        }
        assertThat(PlainJson.read("[\"\\u00e9\\u00C9\"]", Object.class)).isEqualTo(List.of("éÉ"));
    }

    @Test
    void valuesThatAreNotPlainAreLeftToJackson() {
        for (Object value : List.of(Map.of("at", Instant.EPOCH), Map.of("n", Double.NaN), Map.of("f", Float.POSITIVE_INFINITY),
                Map.of("set", Set.of("a")), Map.of("c", 'c'), Map.of(1, "int key"), List.of(new StringBuilder("sb")),
                Map.of("d", new java.math.BigDecimal("1E+3")))) {
            assertThat(PlainJson.write(value)).as(value.toString()).isSameAs(PlainJson.NOT_PLAIN);
        }
        List<Object> deep = new ArrayList<>();
        List<Object> at = deep;
        for (int i = 0; i < 300; i++) {
            List<Object> inner = new ArrayList<>();
            at.add(inner);
            at = inner;
        }
        assertThat(PlainJson.write(deep)).isSameAs(PlainJson.NOT_PLAIN);
    }

    @Test
    void theConverterGivesJacksonsResultsEitherWay() {
        SerializedConverter converter = new SerializedConverter(MAP);
        JacksonJson jackson = new JacksonJson(MAP);
        Map<String, Object> mixed = new LinkedHashMap<>();
        mixed.put("plain", List.of(1, "two", true));
        mixed.put("time", Instant.parse("2026-12-04T10:15:30Z")); // not plain: the whole value goes through Jackson
        AttributeValue stored = converter.toAttributeValue(mixed);
        assertThat(stored.s()).isEqualTo(jackson.write(mixed)).contains("\"2026-12-04T10:15:30Z\"");
        assertThat(describe(converter.fromAttributeValue(stored))).isEqualTo(describe(jackson.read(stored.s())));
        // text Jackson accepts and PlainJson leaves to it: trailing content after the value
        assertThat(converter.fromAttributeValue(AttributeValue.fromS("{\"a\":1} trailing"))).isEqualTo(Map.of("a", 1));
        assertThatThrownBy(() -> converter.fromAttributeValue(AttributeValue.fromS("{\"a\":")))
                .isInstanceOf(ConversionException.class)
                .hasMessageStartingWith("Stored JSON cannot be read as a java.util.Map<java.lang.String,java.lang.Object>");
        assertThat(PlainJson.mayBePlain(new TypeOf<Map<String, String>>() { }.type())).isFalse();
        assertThat(PlainJson.mayBePlain(new TypeOf<TreeMap<String, Object>>() { }.type())).isFalse();
        assertThat(PlainJson.mayBePlain(Map.class)).isTrue();
        assertThat(PlainJson.mayBePlain(Object.class)).isTrue();
    }

    /** Classes and contents, in order: what equal values read two ways must share. */
    private static String describe(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder(v.getClass().getSimpleName()).append('{');
            m.forEach((k, x) -> sb.append(k).append('=').append(describe(x)).append(','));
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder(v.getClass().getSimpleName()).append('[');
            l.forEach(x -> sb.append(describe(x)).append(','));
            return sb.append(']').toString();
        }
        return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
    }

    private static Map<String, Object> map(Random r, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < n; i++) {
            m.put(string(r) + i, value(r, depth + 1));
        }
        return m;
    }

    private static Object value(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 9 : 11);
        return switch (kind) {
            case 0 -> null;
            case 1 -> string(r);
            case 2 -> r.nextBoolean();
            case 3 -> r.nextInt();
            case 4 -> r.nextLong();
            case 5 -> new BigInteger(70 + r.nextInt(60), r).negate();
            case 6 -> finiteDouble(r);
            case 7 -> (float) finiteDouble(r);
            case 8 -> r.nextInt(100);
            case 9 -> map(r, depth);
            default -> {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    l.add(value(r, depth + 1));
                }
                yield l;
            }
        };
    }

    private static double finiteDouble(Random r) {
        double d;
        do {
            d = r.nextBoolean() ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
        } while (!Double.isFinite(d) || Float.isInfinite((float) d));
        return d;
    }

    private static String string(Random r) {
        if (r.nextInt(3) == 0) {
            return STRINGS[r.nextInt(STRINGS.length)];
        }
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            sb.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x80) : r.nextInt(0x3000)));
        }
        return sb.toString();
    }
}
