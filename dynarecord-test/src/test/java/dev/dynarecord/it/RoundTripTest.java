package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Session;
import dev.dynarecord.it.fixtures.Color;
import dev.dynarecord.it.fixtures.EveryType;
import dev.dynarecord.it.fixtures.Money;
import dev.dynarecord.it.fixtures.Point;
import dev.dynarecord.it.fixtures.Profile;
import dev.dynarecord.test.DynarecordTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

@DynarecordTest(global = false)
class RoundTripTest {

    private static final int RECORDS = 200;
    private static long seed;

    private static final String[] UNICODE = {"", " ", "héllo wörld", "日本語のテキスト", "emoji 😀🎉👍🏽", "Ωmega ∑ ∞",
        "tab\tnew\nline", "quote\" back\\slash", "\u0000nul", "Zürich ß", "עברית", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"};
    private static final ZoneId[] ZONES = {ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneOffset.UTC,
        ZoneOffset.ofHoursMinutes(5, 30), ZoneId.of("Asia/Tokyo"), ZoneOffset.ofHours(-11)};

    private final Finder<EveryType> everyTypes;

    RoundTripTest(Finder<EveryType> everyTypes) {
        this.everyTypes = everyTypes;
    }

    @BeforeAll
    static void seed() {
        String given = System.getProperty("seed");
        seed = given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.trim());
        System.out.println("RoundTripTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
    }

    @Test
    void randomRecordsRoundTrip(Session session) {
        Random r = new Random(seed);
        for (int i = 0; i < RECORDS; i++) {
            EveryType saved = random(r).using(session);
            saved.saveOrThrow();
            EveryType loaded = everyTypes.byId(saved.id());
            assertSameValues(loaded, expected(saved), "seed " + seed + ", record " + i);
        }
    }

    @Test
    void edgeValuesRoundTrip(Session session) {
        EveryType e = new EveryType().using(session);
        e.string = "";
        e.bigDecimal = new BigDecimal("12345678901234567890123456789012345678");
        e.bigInteger = new BigInteger("-99999999999999999999999999999999999999");
        e.primitiveLong = Long.MIN_VALUE;
        e.boxedLong = Long.MAX_VALUE;
        e.primitiveInt = Integer.MIN_VALUE;
        e.boxedInt = Integer.MAX_VALUE;
        e.primitiveShort = Short.MIN_VALUE;
        e.boxedShort = Short.MAX_VALUE;
        e.primitiveByte = Byte.MIN_VALUE;
        e.boxedByte = Byte.MAX_VALUE;
        e.primitiveDouble = Double.MAX_VALUE / 1e200; // ~1.8e108, inside DynamoDB's range
        e.boxedDouble = Double.MIN_NORMAL * 1e180; // ~2.2e-128
        e.primitiveFloat = Float.MAX_VALUE;
        e.boxedFloat = Float.MIN_VALUE;
        e.primitiveChar = '\uFFFD';
        e.boxedChar = 'ß';
        e.instant = Instant.ofEpochSecond(1_795_256_130L, 123_456_789);
        e.epochInstant = Instant.ofEpochSecond(-1L, 1);
        e.offsetDateTime = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.ofHours(14));
        e.zonedDateTime = ZonedDateTime.of(1, 1, 1, 0, 0, 0, 1, ZoneId.of("Europe/Paris"));
        e.localDate = LocalDate.of(-4000, 2, 29);
        e.epochLocalDate = LocalDate.of(1, 1, 1);
        e.localDateTime = LocalDateTime.of(50000, 6, 15, 12, 0, 0, 5);
        e.localTime = LocalTime.of(23, 59, 59, 999_999_999);
        e.duration = Duration.ofSeconds(-5, 1);
        e.bytes = new byte[0];
        e.sdkBytes = SdkBytes.fromByteArray(new byte[] {0, -1, 127, -128});
        e.byteBuffer = ByteBuffer.wrap(new byte[0]);
        e.stringList = new ArrayList<>();
        e.intList = new ArrayList<>(List.of(Integer.MIN_VALUE, 0, Integer.MAX_VALUE));
        e.instantList = new ArrayList<>();
        e.listOfMaps = new ArrayList<>(List.of(new HashMap<>(), new HashMap<>(Map.of("zero", 0))));
        e.stringArray = new String[0];
        e.intArray = new int[0];
        e.boxedLongArray = new Long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        e.untypedMap = new HashMap<>();
        e.intMap = new HashMap<>();
        e.enumKeyMap = new HashMap<>();
        e.mapOfLists = new HashMap<>(Map.of("empty", new ArrayList<>(), "unicode", new ArrayList<>(List.of(UNICODE))));
        e.dynamic = new ArrayList<>();
        e.profile = new Profile("", 0, List.of(), Instant.ofEpochSecond(0, 1));
        e.point = new Point(Integer.MIN_VALUE, Integer.MAX_VALUE);
        e.money = new Money(Long.MIN_VALUE, "XXX");
        e.moneyList = new ArrayList<>();
        e.saveOrThrow();

        EveryType loaded = everyTypes.byId(e.id());
        assertSameValues(loaded, expected(e), "edge values");
        assertThat(loaded.bytes).isEmpty();
        assertThat(loaded.stringList).isEmpty();
        assertThat(loaded.untypedMap).isEmpty();
        assertThat(loaded.stringArray).isEmpty();
    }

    @Test
    void emptySetsAreStoredAsAbsentAndLoadAsNull(Session session) {
        EveryType e = new EveryType().using(session);
        e.stringSet = new HashSet<>();
        e.intSet = new HashSet<>();
        e.decimalSet = new HashSet<>();
        e.instantSet = new HashSet<>();
        e.uuidSet = new HashSet<>();
        e.colorSet = new HashSet<>();
        e.binarySet = new HashSet<>();
        e.sortedStringSet = new TreeSet<>();
        e.saveOrThrow();

        Map<String, AttributeValue> raw = session.client().getItem(GetItemRequest.builder()
                .tableName(everyTypes.tableName()).key(Map.of("id", AttributeValue.fromS((String) e.id())))
                .consistentRead(true).build()).item();
        assertThat(raw).containsKey("id").doesNotContainKeys("stringSet", "intSet", "decimalSet", "instantSet",
                "uuidSet", "colorSet", "binarySet", "sortedStringSet");
        EveryType loaded = everyTypes.byId(e.id());
        assertThat(loaded.stringSet).isNull();
        assertThat(loaded.intSet).isNull();
        assertThat(loaded.binarySet).isNull();
        assertThat(loaded.sortedStringSet).isNull();
    }

    @Test
    void thirtyEightDigitDecimalsKeepEveryDigit(Session session) {
        String[] values = {"12345678901234567890123456789012345678", "-0.12345678901234567890123456789012345678",
            "9.9999999999999999999999999999999999999E+125", "1E-130", "-1E-130", "0.1", "123456789.98765432109876543210987654321"};
        for (String v : values) {
            EveryType e = new EveryType().using(session);
            e.bigDecimal = new BigDecimal(v);
            e.saveOrThrow();
            BigDecimal loaded = everyTypes.byId(e.id()).bigDecimal;
            assertThat(loaded).as(v).isEqualByComparingTo(new BigDecimal(v));
        }
    }

    @Test
    void theComparisonSeesAnyDifference(Session session) {
        Random r = new Random(seed);
        EveryType saved = random(r).using(session);
        saved.stringList = new ArrayList<>(List.of("a"));
        saved.decimalSet = new HashSet<>(Set.of(new BigDecimal("1.5")));
        saved.saveOrThrow();
        EveryType loaded = everyTypes.byId(saved.id());
        loaded.primitiveInt++;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSameValues(loaded, expected(saved), "int"))
                .isInstanceOf(AssertionError.class);
        loaded.primitiveInt--;
        loaded.stringList.set(0, "b");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSameValues(loaded, expected(saved), "list"))
                .isInstanceOf(AssertionError.class);
        loaded.stringList.set(0, "a");
        loaded.decimalSet = new HashSet<>(Set.of(new BigDecimal("2.5")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSameValues(loaded, expected(saved), "set"))
                .isInstanceOf(AssertionError.class);
        loaded.decimalSet = new HashSet<>(Set.of(new BigDecimal("1.5")));
        assertSameValues(loaded, expected(saved), "restored");
    }

    // ------------------------------------------------------------------ helpers

    /** Values as they are expected back: empty sets load as null (DynamoDB has no empty sets). */
    private static EveryType expected(EveryType e) {
        e.stringSet = nullIfEmpty(e.stringSet);
        e.intSet = nullIfEmpty(e.intSet);
        e.decimalSet = nullIfEmpty(e.decimalSet);
        e.instantSet = nullIfEmpty(e.instantSet);
        e.uuidSet = nullIfEmpty(e.uuidSet);
        e.colorSet = nullIfEmpty(e.colorSet);
        e.binarySet = nullIfEmpty(e.binarySet);
        e.sortedStringSet = e.sortedStringSet == null || e.sortedStringSet.isEmpty() ? null : e.sortedStringSet;
        return e;
    }

    private static <S extends Set<?>> S nullIfEmpty(S set) {
        return set == null || set.isEmpty() ? null : set;
    }

    static void assertSameValues(EveryType loaded, EveryType expected, String description) {
        assertThat(loaded).as(description).usingRecursiveComparison()
                .ignoringFields("state")
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .withEqualsForType(ByteBuffer::equals, ByteBuffer.class)
                .withEqualsForType(SdkBytes::equals, SdkBytes.class)
                .withEqualsForType(ZonedDateTime::equals, ZonedDateTime.class)
                .withEqualsForType(OffsetDateTime::equals, OffsetDateTime.class)
                .withEqualsForType(Object::equals, Instant.class)
                .isEqualTo(expected);
    }

    static EveryType random(Random r) {
        EveryType e = new EveryType();
        e.string = maybe(r, () -> string(r));
        e.primitiveInt = r.nextInt();
        e.boxedInt = maybe(r, r::nextInt);
        e.primitiveLong = r.nextLong();
        e.boxedLong = maybe(r, r::nextLong);
        e.primitiveShort = (short) r.nextInt();
        e.boxedShort = maybe(r, () -> (short) r.nextInt());
        e.primitiveByte = (byte) r.nextInt();
        e.boxedByte = maybe(r, () -> (byte) r.nextInt());
        e.primitiveFloat = randomFloat(r);
        e.boxedFloat = maybe(r, () -> randomFloat(r));
        e.primitiveDouble = randomDouble(r);
        e.boxedDouble = maybe(r, () -> randomDouble(r));
        e.bigDecimal = maybe(r, () -> decimal(r));
        e.bigInteger = maybe(r, () -> new BigInteger(r.nextInt(125) + 1, r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)));
        e.primitiveBoolean = r.nextBoolean();
        e.boxedBoolean = maybe(r, r::nextBoolean);
        e.primitiveChar = character(r);
        e.boxedChar = maybe(r, () -> character(r));
        e.uuid = maybe(r, () -> new UUID(r.nextLong(), r.nextLong()));
        e.color = maybe(r, () -> Color.values()[r.nextInt(Color.values().length)]);
        e.instant = maybe(r, () -> instant(r));
        e.offsetDateTime = maybe(r, () -> OffsetDateTime.ofInstant(instant(r), ZoneOffset.ofTotalSeconds((r.nextInt(37) - 18) * 1800)));
        e.zonedDateTime = maybe(r, () -> ZonedDateTime.ofInstant(instant(r), ZONES[r.nextInt(ZONES.length)]));
        e.localDate = maybe(r, () -> LocalDate.ofEpochDay(r.nextInt(2_000_000) - 1_000_000));
        e.localDateTime = maybe(r, () -> LocalDateTime.ofInstant(instant(r), ZoneOffset.UTC));
        e.localTime = maybe(r, () -> LocalTime.ofNanoOfDay(Math.floorMod(r.nextLong(), 86_400_000_000_000L)));
        e.duration = maybe(r, () -> Duration.ofSeconds(r.nextInt(), r.nextInt(1_000_000_000)));
        e.epochInstant = maybe(r, () -> instant(r));
        e.epochLocalDate = maybe(r, () -> LocalDate.ofEpochDay(r.nextInt(2_000_000) - 1_000_000));
        e.bytes = maybe(r, () -> bytes(r));
        e.sdkBytes = maybe(r, () -> SdkBytes.fromByteArray(bytes(r)));
        e.byteBuffer = maybe(r, () -> ByteBuffer.wrap(bytes(r)));
        e.stringSet = maybe(r, () -> fill(new HashSet<>(), r, () -> string(r)));
        e.intSet = maybe(r, () -> fill(new HashSet<>(), r, r::nextInt));
        e.decimalSet = maybe(r, () -> fill(new HashSet<>(), r, () -> decimal(r)));
        e.instantSet = maybe(r, () -> fill(new HashSet<>(), r, () -> instant(r)));
        e.uuidSet = maybe(r, () -> fill(new HashSet<>(), r, UUID::randomUUID));
        e.colorSet = maybe(r, () -> fill(new HashSet<>(), r, () -> Color.values()[r.nextInt(Color.values().length)]));
        e.binarySet = maybe(r, () -> fill(new HashSet<>(), r, () -> SdkBytes.fromByteArray(nonEmptyBytes(r))));
        e.sortedStringSet = maybe(r, () -> fill(new TreeSet<>(), r, () -> string(r)));
        e.stringList = maybe(r, () -> fill(new ArrayList<>(), r, () -> string(r)));
        e.intList = maybe(r, () -> fill(new ArrayList<>(), r, r::nextInt));
        e.instantList = maybe(r, () -> fill(new ArrayList<>(), r, () -> instant(r)));
        e.listOfMaps = maybe(r, () -> fill(new ArrayList<>(), r, () -> fill(new HashMap<>(), r, () -> key(r), r::nextInt)));
        e.stringArray = maybe(r, () -> fill(new ArrayList<String>(), r, () -> string(r)).toArray(String[]::new));
        e.intArray = maybe(r, () -> r.ints(r.nextInt(6)).toArray());
        e.boxedLongArray = maybe(r, () -> r.longs(r.nextInt(6)).boxed().toArray(Long[]::new));
        e.untypedMap = maybe(r, () -> untypedMap(r, 0));
        e.intMap = maybe(r, () -> fill(new HashMap<>(), r, () -> key(r), r::nextInt));
        e.enumKeyMap = maybe(r, () -> fill(new HashMap<>(), r, () -> Color.values()[r.nextInt(Color.values().length)], () -> string(r)));
        e.mapOfLists = maybe(r, () -> fill(new HashMap<>(), r, () -> key(r), () -> fill(new ArrayList<>(), r, () -> string(r))));
        e.dynamic = maybe(r, () -> untypedValue(r, 1));
        e.profile = maybe(r, () -> new Profile(string(r), r.nextInt(120), fill(new ArrayList<>(), r, () -> string(r)), instant(r)));
        e.point = maybe(r, () -> new Point(r.nextInt(), r.nextInt()));
        e.money = maybe(r, () -> new Money(r.nextLong(), "EUR"));
        e.moneyList = maybe(r, () -> fill(new ArrayList<>(), r, () -> new Money(r.nextInt(), r.nextBoolean() ? "USD" : "JPY")));
        return e;
    }

    private static <T> T maybe(Random r, Supplier<T> value) {
        return r.nextInt(5) == 0 ? null : value.get();
    }

    private static <C extends java.util.Collection<T>, T> C fill(C c, Random r, Supplier<T> element) {
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            c.add(element.get());
        }
        return c;
    }

    private static <M extends Map<K, V>, K, V> M fill(M m, Random r, Supplier<K> key, Supplier<V> value) {
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            m.put(key.get(), value.get());
        }
        return m;
    }

    private static Map<String, Object> untypedMap(Random r, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            m.put(key(r), untypedValue(r, depth + 1));
        }
        return m;
    }

    /** Values as the untyped converter reads them back: String, BigDecimal, Boolean, List, Map. */
    private static Object untypedValue(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 3 : 5);
        return switch (kind) {
            case 0 -> string(r);
            case 1 -> decimal(r);
            case 2 -> r.nextBoolean();
            case 3 -> {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    l.add(untypedValue(r, depth + 1));
                }
                yield l;
            }
            default -> untypedMap(r, depth + 1);
        };
    }

    private static String string(Random r) {
        if (r.nextInt(4) == 0) {
            return UNICODE[r.nextInt(UNICODE.length)];
        }
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(20);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(r.nextInt(3) == 0 ? 0x20 + r.nextInt(0x2000) : 0x20 + r.nextInt(0x5f));
        }
        return sb.toString();
    }

    /** Map keys: DynamoDB rejects empty ones ("Empty attribute name"). */
    private static String key(Random r) {
        return "k" + string(r);
    }

    private static char character(Random r) {
        char c;
        do {
            c = (char) r.nextInt(0x10000);
        } while (Character.isSurrogate(c));
        return c;
    }

    /** Decimals whose stored text reads back with the same scale: no trailing zeros after the point. */
    private static BigDecimal decimal(Random r) {
        long unscaled = r.nextLong() / (1L << r.nextInt(60));
        int scale = r.nextInt(12);
        if (scale > 0 && unscaled % 10 == 0) {
            unscaled += 1;
        }
        if (r.nextInt(4) == 0) {
            // up to 38 significant digits
            BigInteger big = new BigInteger(120, r);
            String digits = big.toString();
            if (digits.length() > 38) {
                digits = digits.substring(0, 38);
            }
            if (digits.endsWith("0")) {
                digits = digits.substring(0, digits.length() - 1) + "7";
            }
            return new BigDecimal(new BigInteger(digits), r.nextInt(40));
        }
        return BigDecimal.valueOf(unscaled, scale);
    }

    private static float randomFloat(Random r) {
        float f;
        do {
            f = Float.intBitsToFloat(r.nextInt());
        } while (!Float.isFinite(f) || f == 0.0f);
        return f;
    }

    private static double randomDouble(Random r) {
        double d;
        do {
            d = r.nextInt(3) == 0 ? r.nextInt() : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(240) - 120);
        } while (d == 0.0);
        return d;
    }

    private static Instant instant(Random r) {
        int kind = r.nextInt(10);
        if (kind == 0) {
            // far past and far future, outside 4-digit years
            return Instant.ofEpochSecond((r.nextBoolean() ? 1 : -1) * (300_000_000_000L + Math.floorMod(r.nextLong(), 3_000_000_000_000L)),
                    r.nextInt(1_000_000_000));
        }
        return Instant.ofEpochSecond(Math.floorMod(r.nextLong(), 253_402_300_799L - (-62_167_219_200L)) - 62_167_219_200L,
                r.nextInt(1_000_000_000));
    }

    private static byte[] bytes(Random r) {
        byte[] b = new byte[r.nextInt(40)];
        r.nextBytes(b);
        return b;
    }

    private static byte[] nonEmptyBytes(Random r) {
        byte[] b = new byte[1 + r.nextInt(20)];
        r.nextBytes(b);
        return b;
    }
}
