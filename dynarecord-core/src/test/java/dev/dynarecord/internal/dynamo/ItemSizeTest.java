package dev.dynarecord.internal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.ItemTooLargeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSizeTest {

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private static long size(String name, AttributeValue v) {
        return ItemSize.of(Map.of(name, v));
    }

    @Test
    void emptyItemIsZero() {
        assertThat(ItemSize.of(Map.of())).isZero();
    }

    @Test
    void stringsCountUtf8BytesOfNameAndValue() {
        assertThat(size("n", s("abc"))).isEqualTo(1 + 3);
        assertThat(size("n", s(""))).isEqualTo(1);
        // é = 2 bytes, € = 3 bytes, 😀 = 4 bytes (a surrogate pair in Java)
        assertThat(size("n", s("é€😀"))).isEqualTo(1 + 2 + 3 + 4);
        assertThat(size("ñame", s("x"))).isEqualTo(5 + 1);
        assertThat(size("日本", s("語"))).isEqualTo(6 + 3);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1, 2",
        "12, 2",
        "123, 3",
        "12345, 4",
        "-1.5, 2",
        "1E+10, 2",
        "123456789012345678901234567890123456, 19",
    })
    void numbersCountAboutOneBytePerTwoDigitsPlusOne(String number, long valueBytes) {
        assertThat(size("n", n(number))).isEqualTo(1 + valueBytes);
    }

    @Test
    void binaryCountsItsBytes() {
        assertThat(size("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10])))).isEqualTo(1 + 10);
        assertThat(size("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])))).isEqualTo(1);
    }

    @Test
    void booleansAndNullAreOneByte() {
        assertThat(size("flag", AttributeValue.fromBool(true))).isEqualTo(4 + 1);
        assertThat(size("flag", AttributeValue.fromBool(false))).isEqualTo(4 + 1);
        assertThat(size("gone", AttributeValue.fromNul(true))).isEqualTo(4 + 1);
    }

    @Test
    void setsSumTheirElements() {
        assertThat(size("ss", AttributeValue.fromSs(List.of("a", "bb", "é")))).isEqualTo(2 + 1 + 2 + 2);
        assertThat(size("ns", AttributeValue.fromNs(List.of("1", "22", "333")))).isEqualTo(2 + 2 + 2 + 3);
        assertThat(size("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[3]),
                SdkBytes.fromByteArray(new byte[2]))))).isEqualTo(2 + 5);
    }

    @Test
    void listsAreThreeBytesPlusOnePerElement() {
        assertThat(size("l", AttributeValue.fromL(List.of()))).isEqualTo(1 + 3);
        // "ab" = 2, N "1" = 2; each element adds one byte of overhead
        assertThat(size("l", AttributeValue.fromL(List.of(s("ab"), n("1"))))).isEqualTo(1 + 3 + (1 + 2) + (1 + 2));
    }

    @Test
    void mapsCountNestedNamesAndValues() {
        assertThat(size("m", AttributeValue.fromM(Map.of()))).isEqualTo(1 + 3);
        assertThat(size("m", AttributeValue.fromM(Map.of("key", s("val"))))).isEqualTo(1 + 3 + (1 + 3 + 3));
        AttributeValue nested = AttributeValue.fromM(Map.of("inner", AttributeValue.fromL(List.of(s("xy")))));
        assertThat(size("m", nested)).isEqualTo(1 + 3 + (1 + 5 + (3 + (1 + 2))));
    }

    @Test
    void itemSumsAllAttributes() {
        Map<String, AttributeValue> item = Map.of("id", s("u-1"), "age", n("42"), "ok", AttributeValue.fromBool(true));
        assertThat(ItemSize.of(item)).isEqualTo((2 + 3) + (3 + 2) + (2 + 1));
    }

    @Test
    void checkAcceptsAnItemExactlyAtTheLimit() {
        int limit = ItemSize.MAX_ITEM_BYTES;
        assertThat(limit).isEqualTo(409_600);
        Map<String, AttributeValue> atLimit = Map.of("data", s("x".repeat(limit - 4)));
        assertThat(ItemSize.of(atLimit)).isEqualTo(limit);
        assertThatCode(() -> ItemSize.check(atLimit, "User 'u-1'")).doesNotThrowAnyException();
        assertThatCode(() -> ItemSize.check(Map.of("data", s("x")), "User 'u-1'")).doesNotThrowAnyException();
    }

    @Test
    void checkRefusesOneByteOver() {
        int limit = ItemSize.MAX_ITEM_BYTES;
        Map<String, AttributeValue> over = Map.of("data", s("x".repeat(limit - 3)));
        assertThatThrownBy(() -> ItemSize.check(over, "User 'u-1'"))
                .isInstanceOf(ItemTooLargeException.class)
                .hasMessageContaining("User 'u-1'")
                .hasMessageContaining(String.valueOf(limit + 1) + " bytes")
                .hasMessageContaining(String.valueOf(limit))
                .hasMessageContaining("data (" + (limit + 1) + " bytes)")
                .hasMessageContaining("S3");
    }

    @Test
    void checkCountsMultibyteCharactersNotChars() {
        // 204_800 two-byte characters: 409_600 bytes of value plus the name is over, though only 204_801 chars
        Map<String, AttributeValue> item = Map.of("d", s("é".repeat(ItemSize.MAX_ITEM_BYTES / 2)));
        assertThatThrownBy(() -> ItemSize.check(item, "Note 'n'")).isInstanceOf(ItemTooLargeException.class);
    }

    @Test
    void checkAcceptsMultibyteTextUnderTheLimitThoughThreeBytesPerCharWouldBeOver() {
        // 200_000 two-byte characters: 400_006 bytes with the rest, under the limit; the quick bound (3 per char) is over it
        Map<String, AttributeValue> item = Map.of("d", s("é".repeat(200_000)), "n", n("12345"));
        assertThat(ItemSize.of(item)).isLessThan(ItemSize.MAX_ITEM_BYTES);
        assertThatCode(() -> ItemSize.check(item, "Note 'n'")).doesNotThrowAnyException();
    }

    @Test
    void checkRefusesSurrogatePairsOverTheLimit() {
        // 102_401 emoji: 4 bytes each for 2 chars
        Map<String, AttributeValue> item = Map.of("d", s("😀".repeat(ItemSize.MAX_ITEM_BYTES / 4 + 1)));
        assertThatThrownBy(() -> ItemSize.check(item, "Note 'n'")).isInstanceOf(ItemTooLargeException.class);
    }

    @Test
    void messageNamesTheThreeLargestAttributesLargestFirst() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("tiny", s("t"));
        item.put("medium", s("m".repeat(100_000)));
        item.put("huge", s("h".repeat(200_000)));
        item.put("large", s("l".repeat(150_000)));
        item.put("small", s("s".repeat(10)));
        assertThatThrownBy(() -> ItemSize.check(item, "Post 'p-9'"))
                .isInstanceOf(ItemTooLargeException.class)
                .hasMessageContaining("Post 'p-9'")
                .hasMessageContaining("[huge (200004 bytes), large (150005 bytes), medium (100006 bytes)]")
                .hasMessageNotContaining("tiny")
                .hasMessageNotContaining("small");
    }
}
