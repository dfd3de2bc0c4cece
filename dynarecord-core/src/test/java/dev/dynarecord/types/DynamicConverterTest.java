package dev.dynarecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.ConversionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamicConverterTest {

    Map<String, Object> untypedMap;
    List<?> wildcardList;
    @SuppressWarnings("rawtypes")
    List rawList;

    private static java.lang.reflect.Type type(String field) throws NoSuchFieldException {
        return DynamicConverterTest.class.getDeclaredField(field).getGenericType();
    }

    @Test
    void untypedMapsStoreByRuntimeClassAndReadNumbersAsBigDecimal() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "text");
        value.put("i", 42);
        value.put("l", Long.MIN_VALUE);
        value.put("d", 0.1);
        value.put("big", new BigInteger("12345678901234567890"));
        value.put("b", true);
        value.put("n", null);
        value.put("list", Arrays.asList(1, "two", null));
        value.put("map", Map.of("inner", "v"));
        value.put("ss", new LinkedHashSet<>(List.of("a", "b")));
        value.put("ns", new LinkedHashSet<>(List.of(1, 2.5)));
        value.put("bytes", new byte[] {1, 2});
        value.put("when", Instant.parse("2026-11-21T10:15:30Z"));
        AttributeValue stored = RoundTrip.write(type("untypedMap"), value);
        assertThat(stored.m().get("i")).isEqualTo(AttributeValue.fromN("42"));
        assertThat(stored.m().get("n")).isEqualTo(AttributeValue.fromNul(true));
        assertThat(stored.m().get("ss")).isEqualTo(AttributeValue.fromSs(List.of("a", "b")));
        assertThat(stored.m().get("ns")).isEqualTo(AttributeValue.fromNs(List.of("1", "2.5")));
        assertThat(stored.m().get("when")).isEqualTo(AttributeValue.fromS("2026-11-21T10:15:30.000000000Z"));

        Map<String, Object> back = RoundTrip.read(type("untypedMap"), stored);
        assertThat(back).containsEntry("s", "text")
                .containsEntry("i", new BigDecimal("42"))
                .containsEntry("l", new BigDecimal(Long.MIN_VALUE))
                .containsEntry("d", new BigDecimal("0.1"))
                .containsEntry("big", new BigDecimal("12345678901234567890"))
                .containsEntry("b", true)
                .containsEntry("n", null)
                .containsEntry("list", Arrays.asList(BigDecimal.ONE, "two", null))
                .containsEntry("map", Map.of("inner", "v"))
                .containsEntry("ss", Set.of("a", "b"))
                .containsEntry("ns", Set.of(BigDecimal.ONE, new BigDecimal("2.5")))
                .containsEntry("when", "2026-11-21T10:15:30.000000000Z");
        assertThat((byte[]) back.get("bytes")).containsExactly(1, 2);
        assertThat(back.get("ss")).isInstanceOf(LinkedHashSet.class);
    }

    @Test
    void wildcardAndRawListsAreUntyped() throws Exception {
        assertThat(RoundTrip.of(type("wildcardList"), List.of("a", List.of("b")))).isEqualTo(List.of("a", List.of("b")));
        assertThat(RoundTrip.of(type("rawList"), List.of(true))).isEqualTo(List.of(true));
        assertThat(RoundTrip.<Object>of(Object.class, SdkBytes.fromUtf8String("x"))).isEqualTo("x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void unsupportedRuntimeValuesAreNamed() throws Exception {
        assertThatThrownBy(() -> RoundTrip.write(type("untypedMap"), Map.of("k", new Object())))
                .isInstanceOf(ConversionException.class).hasMessageContaining("java.lang.Object")
                .hasMessageContaining("serialized = true");
        assertThatThrownBy(() -> RoundTrip.write(Object.class, Map.of(1, "v")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("String keys").hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> RoundTrip.write(Object.class, new LinkedHashSet<>(List.of("a", 1))))
                .isInstanceOf(ConversionException.class).hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> RoundTrip.write(Object.class, Double.NaN))
                .isInstanceOf(ConversionException.class).hasMessageContaining("no NaN");
        assertThat(RoundTrip.write(Object.class, Set.of())).isNull();
    }
}
