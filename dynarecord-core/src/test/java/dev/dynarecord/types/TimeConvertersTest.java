package dev.dynarecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.ConversionException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TimeConvertersTest {

    private static final Instant SAMPLE = Instant.parse("2026-11-21T10:15:30.123456789Z");

    @Test
    void instantIsFixedWidthIso() {
        assertThat(RoundTrip.write(Instant.class, SAMPLE)).isEqualTo(AttributeValue.fromS("2026-11-21T10:15:30.123456789Z"));
        assertThat(RoundTrip.write(Instant.class, Instant.parse("2026-11-21T10:15:30Z")))
                .isEqualTo(AttributeValue.fromS("2026-11-21T10:15:30.000000000Z"));
        assertThat(RoundTrip.write(Instant.class, Instant.EPOCH)).isEqualTo(AttributeValue.fromS("1970-01-01T00:00:00.000000000Z"));
    }

    @Test
    void otherIsoFormsAreReadThroughTheStandardParser() {
        assertThat(RoundTrip.<Instant>read(Instant.class, AttributeValue.fromS("2026-11-21T10:15:30Z")))
                .isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(RoundTrip.<Instant>read(Instant.class, AttributeValue.fromS("2026-11-21T10:15:30.123Z")))
                .isEqualTo(Instant.parse("2026-11-21T10:15:30.123Z"));
        assertThat(RoundTrip.<Instant>read(Instant.class, AttributeValue.fromS("2026-11-21T12:15:30+02:00")))
                .isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(RoundTrip.<LocalDateTime>read(LocalDateTime.class, AttributeValue.fromS("2026-11-21T10:15")))
                .isEqualTo(LocalDateTime.of(2026, 11, 21, 10, 15));
        assertThat(RoundTrip.<OffsetDateTime>read(OffsetDateTime.class, AttributeValue.fromS("2026-11-21T10:15:30.5+02:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-21T10:15:30.5+02:00"));
        assertThat(RoundTrip.<ZonedDateTime>read(ZonedDateTime.class, AttributeValue.fromS("2026-11-21T10:15:30+01:00[Europe/Paris]")))
                .isEqualTo(ZonedDateTime.parse("2026-11-21T10:15:30+01:00[Europe/Paris]"));
        assertThat(RoundTrip.<LocalTime>read(LocalTime.class, AttributeValue.fromS("10:15")))
                .isEqualTo(LocalTime.of(10, 15));
    }

    @Test
    void theFixedFormReadsAsTheStandardParserReadsIt() {
        java.util.Random r = new java.util.Random(20261204);
        for (int i = 0; i < 2_000; i++) {
            // 0000-01-01 to 9999-12-31, any nanosecond
            Instant t = Instant.ofEpochSecond(-62_167_219_200L + (long) (r.nextDouble() * 315_537_897_600L), r.nextInt(1_000_000_000));
            AttributeValue stored = RoundTrip.write(Instant.class, t);
            assertThat(stored.s()).hasSize(30);
            assertThat(RoundTrip.<Instant>read(Instant.class, stored)).as(stored.s()).isEqualTo(t).isEqualTo(Instant.parse(stored.s()));
        }
    }

    @Test
    void badTimeTextIsAConversionError() {
        assertThatThrownBy(() -> RoundTrip.read(Instant.class, AttributeValue.fromS("yesterday")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("'yesterday'").hasMessageContaining("ISO-8601 Instant");
        assertThatThrownBy(() -> RoundTrip.read(Instant.class, AttributeValue.fromS("2026-13-21T10:15:30.000000000Z")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("2026-13-21");
        // The fixed-width form with a non-digit anywhere is not read as one: the standard parser refuses it
        for (String bad : List.of("2026-11-21T10:15:30.12345678xZ", "2026-1a-21T10:15:30.123456789Z", "2026-11-21T1 :15:30.123456789Z")) {
            assertThatThrownBy(() -> RoundTrip.read(Instant.class, AttributeValue.fromS(bad)))
                    .isInstanceOf(ConversionException.class).hasMessageContaining(bad);
        }
        // every digit position, with the characters either side of the digits in ASCII
        String good = "2026-11-21T10:15:30.123456789Z";
        for (int at = 0; at < good.length() - 1; at++) {
            if (!Character.isDigit(good.charAt(at))) {
                continue;
            }
            for (char c : new char[] {'/', ':'}) {
                String bad = good.substring(0, at) + c + good.substring(at + 1);
                assertThatThrownBy(() -> RoundTrip.read(Instant.class, AttributeValue.fromS(bad))).as(bad)
                        .isInstanceOf(ConversionException.class).hasMessageContaining(bad);
            }
        }
        assertThatThrownBy(() -> RoundTrip.read(LocalDate.class, AttributeValue.fromS("2026-02-30")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("LocalDate");
        assertThatThrownBy(() -> RoundTrip.read(Instant.class, AttributeValue.fromN("1")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("type S").hasMessageContaining("found N");
        assertThatThrownBy(() -> RoundTrip.converter(Instant.class, RoundTrip.epoch()).fromAttributeValue(AttributeValue.fromN("1.0000000001")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("9 fraction digits");
    }

    @Test
    void allTimeTypesRoundTripExactly() {
        ZonedDateTime paris = ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 1, ZoneId.of("Europe/Paris"));
        List<Object[]> cases = List.of(
                new Object[] {Instant.class, SAMPLE},
                new Object[] {Instant.class, Instant.MIN},
                new Object[] {Instant.class, Instant.MAX},
                new Object[] {Instant.class, Instant.parse("0000-01-01T00:00:00Z")},
                new Object[] {Instant.class, Instant.parse("9999-12-31T23:59:59.999999999Z")},
                new Object[] {Instant.class, Instant.ofEpochSecond(-1, 1)},
                new Object[] {LocalDateTime.class, LocalDateTime.of(2026, 11, 21, 10, 15, 30, 7)},
                new Object[] {LocalDateTime.class, LocalDateTime.MIN},
                new Object[] {LocalDateTime.class, LocalDateTime.MAX},
                new Object[] {LocalDate.class, LocalDate.of(2024, 2, 29)},
                new Object[] {LocalDate.class, LocalDate.MIN},
                new Object[] {LocalDate.class, LocalDate.of(-44, 3, 15)},
                new Object[] {LocalTime.class, LocalTime.MAX},
                new Object[] {LocalTime.class, LocalTime.MIDNIGHT},
                new Object[] {Duration.class, Duration.ofSeconds(-5, 1)},
                new Object[] {Duration.class, Duration.ofDays(400).plusNanos(123)},
                new Object[] {OffsetDateTime.class, OffsetDateTime.of(2026, 11, 21, 10, 15, 30, 5, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15))},
                new Object[] {OffsetDateTime.class, OffsetDateTime.of(2026, 11, 21, 10, 15, 30, 5, ZoneOffset.UTC)},
                new Object[] {OffsetDateTime.class, OffsetDateTime.MIN},
                new Object[] {ZonedDateTime.class, paris},
                new Object[] {ZonedDateTime.class, paris.withLaterOffsetAtOverlap()},
                new Object[] {ZonedDateTime.class, paris.withZoneSameInstant(ZoneId.of("UTC"))},
                new Object[] {ZonedDateTime.class, paris.withZoneSameInstant(ZoneOffset.ofHours(-3))},
                new Object[] {ZonedDateTime.class, ZonedDateTime.of(LocalDateTime.of(12345, 1, 1, 0, 0), ZoneId.of("Asia/Tokyo"))});
        for (Object[] c : cases) {
            assertThat(RoundTrip.of((Class<?>) c[0], c[1])).as("%s", c[1]).isEqualTo(c[1]);
        }
        assertThat(RoundTrip.write(ZonedDateTime.class, paris.withLaterOffsetAtOverlap()))
                .isEqualTo(AttributeValue.fromS("2026-10-25T02:30:00.000000001+01:00[Europe/Paris]"));
        assertThat(RoundTrip.write(OffsetDateTime.class, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo(AttributeValue.fromS("2026-01-01T00:00:00.000000000+02:00"));
        assertThat(RoundTrip.write(LocalDate.class, LocalDate.of(7, 1, 2))).isEqualTo(AttributeValue.fromS("0007-01-02"));
        assertThat(RoundTrip.write(LocalTime.class, LocalTime.of(1, 2, 3))).isEqualTo(AttributeValue.fromS("01:02:03.000000000"));
    }

    @Test
    void epochSecondsKeepNanosExactly() {
        ConverterOptions epoch = RoundTrip.epoch();
        AttributeConverter<Instant> instants = RoundTrip.converter(Instant.class, epoch);
        assertThat(instants.attributeType()).isEqualTo(AttributeType.N);
        assertThat(instants.toAttributeValue(Instant.ofEpochSecond(1795256130, 123456789)))
                .isEqualTo(AttributeValue.fromN("1795256130.123456789"));
        assertThat(instants.toAttributeValue(Instant.ofEpochSecond(1795256130, 500_000_000)))
                .isEqualTo(AttributeValue.fromN("1795256130.5"));
        assertThat(instants.toAttributeValue(Instant.ofEpochSecond(1795256130))).isEqualTo(AttributeValue.fromN("1795256130"));
        assertThat(instants.toAttributeValue(Instant.ofEpochSecond(-1, 500_000_000))).isEqualTo(AttributeValue.fromN("-0.5"));
        assertThat(instants.toAttributeValue(Instant.ofEpochSecond(0, 1))).isEqualTo(AttributeValue.fromN("0.000000001"));
        assertThat(instants.fromAttributeValue(AttributeValue.fromN("1.5E+9"))).isEqualTo(Instant.ofEpochSecond(1_500_000_000));
        for (Instant i : new Instant[] {Instant.MIN, Instant.MAX, Instant.ofEpochSecond(-1, 1), SAMPLE}) {
            assertThat(RoundTrip.of(Instant.class, i, epoch)).isEqualTo(i);
        }
        assertThat(RoundTrip.converter(LocalDate.class, epoch).toAttributeValue(LocalDate.of(1970, 1, 11)))
                .isEqualTo(AttributeValue.fromN("10"));
        LocalDateTime ldt = LocalDateTime.of(2026, 11, 21, 10, 15, 30, 9);
        assertThat(RoundTrip.of(LocalDateTime.class, ldt, epoch)).isEqualTo(ldt);
        assertThat(RoundTrip.of(LocalDate.class, LocalDate.MAX, epoch)).isEqualTo(LocalDate.MAX);
        assertThat(RoundTrip.of(LocalTime.class, LocalTime.MAX, epoch)).isEqualTo(LocalTime.MAX);
        assertThat(RoundTrip.of(Duration.class, Duration.ofSeconds(-7, 3), epoch)).isEqualTo(Duration.ofSeconds(-7, 3));
        OffsetDateTime odt = OffsetDateTime.of(ldt, ZoneOffset.ofHours(2));
        assertThat(RoundTrip.of(OffsetDateTime.class, odt, epoch)).isEqualTo(odt.withOffsetSameInstant(ZoneOffset.UTC));
        ZonedDateTime zdt = ldt.atZone(ZoneId.of("Europe/Paris"));
        assertThat(RoundTrip.of(ZonedDateTime.class, zdt, epoch)).isEqualTo(zdt.withZoneSameInstant(ZoneOffset.UTC));
    }

    @Test
    void randomInstantsRoundTripAndSortAsStrings() {
        long seed = RoundTrip.seed();
        Random random = new Random(seed);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        AttributeConverter<Instant> iso = RoundTrip.converter(Instant.class);
        AttributeConverter<Instant> epoch = RoundTrip.converter(Instant.class, RoundTrip.epoch());
        List<Instant> instants = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long second = min + (long) (random.nextDouble() * (max - min));
            int nanos = random.nextBoolean() ? random.nextInt(1_000_000_000) : random.nextInt(1000) * 1_000_000;
            Instant instant = Instant.ofEpochSecond(second, nanos);
            AttributeValue stored = iso.toAttributeValue(instant);
            assertThat(iso.fromAttributeValue(stored)).as("seed %d, %s", seed, instant).isEqualTo(instant);
            assertThat(stored.s()).as("seed %d", seed).hasSize(30).isEqualTo(toFixed(instant));
            assertThat(epoch.fromAttributeValue(epoch.toAttributeValue(instant))).as("seed %d, %s", seed, instant).isEqualTo(instant);
            LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            assertThat(RoundTrip.of(LocalDateTime.class, local)).as("seed %d", seed).isEqualTo(local);
            instants.add(instant);
            texts.add(stored.s());
        }
        List<String> byText = new ArrayList<>(texts);
        byText.sort(Comparator.naturalOrder());
        instants.sort(Comparator.naturalOrder());
        List<String> byTime = instants.stream().map(i -> iso.toAttributeValue(i).s()).toList();
        assertThat(byText).as("seed %d: string order is time order", seed).isEqualTo(byTime);
    }

    private static String toFixed(Instant instant) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC).format(instant);
    }
}
