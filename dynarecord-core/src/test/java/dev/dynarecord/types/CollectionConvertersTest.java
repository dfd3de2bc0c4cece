package dev.dynarecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.ConversionException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CollectionConvertersTest {

    enum Color { RED, GREEN }

    // Declared types, read through reflection as a model's fields would be.
    Set<String> strings;
    Set<Integer> ints;
    Set<BigDecimal> decimals;
    Set<Instant> instants;
    Set<UUID> uuids;
    Set<Color> colors;
    Set<SdkBytes> binaries;
    SortedSet<String> sorted;
    HashSet<Long> hashed;
    List<String> list;
    Collection<Double> collection;
    LinkedList<Integer> linked;
    List<List<LocalDate>> nested;
    Map<String, Integer> counts;
    Map<Color, String> byColor;
    TreeMap<String, List<String>> treeMap;
    Map<String, Set<String>> setsByName;
    int[] intArray;
    String[] stringArray;
    List<String>[] genericArray;

    static java.lang.reflect.Type type(String field) {
        try {
            return CollectionConvertersTest.class.getDeclaredField(field).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void setsUseTheMatchingSetType() {
        assertThat(RoundTrip.write(type("strings"), new LinkedHashSet<>(List.of("a", "b"))))
                .isEqualTo(AttributeValue.fromSs(List.of("a", "b")));
        assertThat(RoundTrip.write(type("ints"), new LinkedHashSet<>(List.of(1, -2))))
                .isEqualTo(AttributeValue.fromNs(List.of("1", "-2")));
        assertThat(RoundTrip.converter(type("instants")).attributeType()).isEqualTo(AttributeType.SS);
        assertThat(RoundTrip.converter(type("instants"), RoundTrip.epoch()).attributeType()).isEqualTo(AttributeType.NS);
        assertThat(RoundTrip.converter(type("binaries")).attributeType()).isEqualTo(AttributeType.BS);
        Object[][] cases = {
            {"strings", Set.of("x", "", "ü")},
            {"ints", Set.of(Integer.MIN_VALUE, 0, Integer.MAX_VALUE)},
            {"decimals", Set.of(new BigDecimal("1.5"), new BigDecimal("-2E+100"))},
            {"instants", Set.of(Instant.EPOCH, Instant.ofEpochSecond(1, 1))},
            {"uuids", Set.of(UUID.randomUUID(), UUID.randomUUID())},
            {"colors", Set.of(Color.RED, Color.GREEN)},
            {"binaries", Set.of(SdkBytes.fromUtf8String("a"), SdkBytes.fromByteArray(new byte[] {0, -1}))},
            {"sorted", new TreeSet<>(Set.of("b", "a"))},
            {"hashed", new HashSet<>(Set.of(1L, 2L))},
        };
        for (Object[] c : cases) {
            Object back = RoundTrip.of(type((String) c[0]), c[1]);
            assertThat(back).as((String) c[0]).isEqualTo(c[1]);
        }
        assertThat(RoundTrip.<Object>of(type("strings"), Set.of("a"))).isInstanceOf(LinkedHashSet.class);
        assertThat(RoundTrip.<Object>of(type("sorted"), new TreeSet<>(Set.of("a")))).isInstanceOf(TreeSet.class);
        assertThat(RoundTrip.<Object>of(type("hashed"), new HashSet<>(Set.of(1L)))).isInstanceOf(HashSet.class);
    }

    @Test
    void emptySetsRemoveTheAttributeAndNullsAreRefused() {
        assertThat(RoundTrip.write(type("strings"), Set.of())).isNull();
        assertThat(RoundTrip.write(type("ints"), Set.of())).isNull();
        Set<String> withNull = new HashSet<>(Arrays.asList("a", null));
        assertThatThrownBy(() -> RoundTrip.write(type("strings"), withNull))
                .isInstanceOf(ConversionException.class).hasMessageContaining("sets cannot hold null");
        assertThatThrownBy(() -> RoundTrip.write(type("uuids"), new HashSet<>(Arrays.asList((UUID) null))))
                .isInstanceOf(ConversionException.class).hasMessageContaining("sets cannot hold null");
        assertThatThrownBy(() -> RoundTrip.read(type("strings"), AttributeValue.fromNs(List.of("1"))))
                .isInstanceOf(ConversionException.class).hasMessageContaining("SS").hasMessageContaining("NS");
    }

    @Test
    void listsAndArraysKeepOrderNullsAndEmptiness() {
        List<String> withNull = Arrays.asList("a", null, "a");
        assertThat(RoundTrip.write(type("list"), withNull)).isEqualTo(AttributeValue.fromL(List.of(
                AttributeValue.fromS("a"), AttributeValue.fromNul(true), AttributeValue.fromS("a"))));
        assertThat(RoundTrip.of(type("list"), withNull)).isEqualTo(withNull);
        assertThat(RoundTrip.write(type("list"), List.of()).type()).isEqualTo(AttributeValue.Type.L);
        assertThat(RoundTrip.write(type("counts"), Map.of()).type()).isEqualTo(AttributeValue.Type.M);
        assertThat(RoundTrip.<List<String>>of(type("list"), List.of())).isEmpty();
        assertThat(RoundTrip.of(type("collection"), List.of(1.5, -0.25))).isEqualTo(List.of(1.5, -0.25));
        assertThat(RoundTrip.<Object>of(type("linked"), new LinkedList<>(List.of(3)))).isInstanceOf(LinkedList.class);
        List<List<LocalDate>> nestedValue = List.of(List.of(LocalDate.of(2026, 1, 1)), List.of());
        assertThat(RoundTrip.of(type("nested"), nestedValue)).isEqualTo(nestedValue);
        assertThat(RoundTrip.of(type("intArray"), new int[] {Integer.MIN_VALUE, 0, 7})).containsExactly(Integer.MIN_VALUE, 0, 7);
        assertThat(RoundTrip.of(long[].class, new long[] {Long.MAX_VALUE})).containsExactly(Long.MAX_VALUE);
        assertThat(RoundTrip.of(double[].class, new double[] {0.1, 2})).containsExactly(0.1, 2);
        assertThat(RoundTrip.of(type("stringArray"), new String[] {"x", null})).containsExactly("x", null);
        assertThat(RoundTrip.of(type("genericArray"), new List<?>[] {List.of("a")})).containsExactly(List.of("a"));
        assertThat(RoundTrip.converter(byte[].class).attributeType()).isEqualTo(AttributeType.B);
        assertThatThrownBy(() -> RoundTrip.read(int[].class, AttributeValue.fromL(List.of(AttributeValue.fromNul(true)))))
                .isInstanceOf(ConversionException.class).hasMessageContaining("index 0").hasMessageContaining("int[]");
    }

    @Test
    void mapsKeepNullsAndConvertKeys() {
        Map<String, Integer> withNull = new java.util.HashMap<>();
        withNull.put("a", 1);
        withNull.put("b", null);
        assertThat(RoundTrip.of(type("counts"), withNull)).isEqualTo(withNull);
        assertThat(RoundTrip.write(type("counts"), Map.of())).isEqualTo(AttributeValue.fromM(Map.of()));
        assertThat(RoundTrip.<Map<String, Integer>>of(type("counts"), Map.of())).isEmpty();
        assertThat(RoundTrip.of(type("byColor"), Map.of(Color.RED, "r"))).isEqualTo(Map.of(Color.RED, "r"));
        TreeMap<String, List<String>> tree = new TreeMap<>(Map.of("k", List.of("v")));
        assertThat(RoundTrip.<Object>of(type("treeMap"), tree)).isEqualTo(tree).isInstanceOf(TreeMap.class);
        // An empty set has no DynamoDB form: its key is left out.
        assertThat(RoundTrip.<Map<String, Set<String>>>of(type("setsByName"), Map.of("empty", Set.of(), "full", Set.of("x"))))
                .isEqualTo(Map.of("full", Set.of("x")));
        assertThatThrownBy(() -> RoundTrip.read(type("byColor"), AttributeValue.fromM(Map.of("BLUE", AttributeValue.fromS("b")))))
                .isInstanceOf(ConversionException.class).hasMessageContaining("'BLUE'").hasMessageContaining("[RED, GREEN]");
    }

    @Test
    void randomStringListsRoundTrip() {
        long seed = RoundTrip.seed();
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            List<String> value = new ArrayList<>();
            for (int j = random.nextInt(20); j > 0; j--) {
                value.add(random.nextInt(10) == 0 ? null : Long.toString(random.nextLong(), 36));
            }
            assertThat(RoundTrip.of(type("list"), value)).as("seed %d", seed).isEqualTo(value);
        }
    }
}
