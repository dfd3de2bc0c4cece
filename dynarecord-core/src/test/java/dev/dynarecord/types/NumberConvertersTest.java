package dev.dynarecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.ConversionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class NumberConvertersTest {

    @Test
    void integralEdgesRoundTrip() {
        for (int v : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(RoundTrip.of(int.class, v)).isEqualTo(v);
            assertThat(RoundTrip.of(Integer.class, v)).isEqualTo(v);
        }
        for (long v : new long[] {0, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertThat(RoundTrip.of(long.class, v)).isEqualTo(v);
        }
        assertThat(RoundTrip.of(short.class, Short.MIN_VALUE)).isEqualTo(Short.MIN_VALUE);
        assertThat(RoundTrip.of(Short.class, Short.MAX_VALUE)).isEqualTo(Short.MAX_VALUE);
        assertThat(RoundTrip.of(byte.class, Byte.MIN_VALUE)).isEqualTo(Byte.MIN_VALUE);
        assertThat(RoundTrip.of(Byte.class, Byte.MAX_VALUE)).isEqualTo(Byte.MAX_VALUE);
        assertThat(RoundTrip.write(int.class, 42)).isEqualTo(AttributeValue.fromN("42"));
    }

    @Test
    void integralReadsOtherwiseWrittenWholeNumbers() {
        assertThat(RoundTrip.<Integer>read(int.class, AttributeValue.fromN("5.00"))).isEqualTo(5);
        assertThat(RoundTrip.<Long>read(long.class, AttributeValue.fromN("1E+3"))).isEqualTo(1000L);
    }

    @Test
    void integralRefusesFractionsAndOverflow() {
        assertThatThrownBy(() -> RoundTrip.read(int.class, AttributeValue.fromN("1.5")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("1.5").hasMessageContaining("fraction");
        assertThatThrownBy(() -> RoundTrip.read(int.class, AttributeValue.fromN("2147483648")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("out of range for int");
        assertThatThrownBy(() -> RoundTrip.read(byte.class, AttributeValue.fromN("128")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("out of range for byte");
        assertThatThrownBy(() -> RoundTrip.read(long.class, AttributeValue.fromN("9223372036854775808")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("out of range for long");
        assertThatThrownBy(() -> RoundTrip.read(short.class, AttributeValue.fromN("-1E+10")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("out of range for short");
    }

    @Test
    void wrongStoredTypeNamesBothTypes() {
        assertThatThrownBy(() -> RoundTrip.read(int.class, AttributeValue.fromS("42")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("type N").hasMessageContaining("found S");
        assertThatThrownBy(() -> RoundTrip.read(String.class, AttributeValue.fromBool(true)))
                .isInstanceOf(ConversionException.class).hasMessageContaining("type S").hasMessageContaining("BOOL");
        assertThatThrownBy(() -> RoundTrip.read(double.class, AttributeValue.fromN("abc")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("abc");
    }

    @Test
    void doublesRoundTripExactly() {
        double[] edges = {0.1, -0.1, 1.0 / 3, Math.PI, 1e-130, 1e125, 9.99999999999999e125, -9.99999999999999e125,
            Double.MIN_NORMAL * 1e200, 123456789.123456789, 1e-5, 1e7, 4.35, Long.MAX_VALUE};
        for (double v : edges) {
            assertThat(RoundTrip.of(double.class, v)).isEqualTo(v);
        }
        assertThat(RoundTrip.of(float.class, Float.MAX_VALUE)).isEqualTo(Float.MAX_VALUE);
        assertThat(RoundTrip.of(float.class, Float.MIN_VALUE)).isEqualTo(Float.MIN_VALUE);
        assertThat(RoundTrip.of(Float.class, 0.1f)).isEqualTo(0.1f);
    }

    @Test
    void negativeZeroIsStoredAsZero() {
        assertThat(RoundTrip.write(double.class, -0.0)).isEqualTo(AttributeValue.fromN("0"));
        assertThat(RoundTrip.of(double.class, -0.0)).isEqualTo(0.0);
    }

    @Test
    void randomDoublesRoundTrip() {
        long seed = RoundTrip.seed();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(v) || Double.isInfinite(v) || v == 0 || Math.abs(v) < 1e-130 || Math.abs(v) >= 1e126) {
                continue;
            }
            assertThat(RoundTrip.of(double.class, v)).as("seed %d, value %s", seed, v).isEqualTo(v);
            float f = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(60) - 30));
            assertThat(RoundTrip.of(float.class, f)).as("seed %d, value %s", seed, f).isEqualTo(f == 0 ? 0f : f);
        }
    }

    @Test
    void doublesDynamoDbCannotStoreAreRefused() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> RoundTrip.write(double.class, v)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("DynamoDB numbers have no NaN or infinity; store null or a finite number");
        }
        assertThatThrownBy(() -> RoundTrip.write(float.class, Float.NaN))
                .hasMessageContaining("no NaN or infinity");
        for (double v : new double[] {Double.MIN_VALUE, 1e-131, Double.MAX_VALUE, 1e126, -1e126}) {
            assertThatThrownBy(() -> RoundTrip.write(double.class, v)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("1E-130");
        }
        assertThatThrownBy(() -> RoundTrip.read(float.class, AttributeValue.fromN("1E+100")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("out of range for float");
    }

    @Test
    void bigDecimalsUpTo38DigitsRoundTrip() {
        String[] values = {"0", "1.50", "-12345678901234567890.123456789012345678",
            "99999999999999999999999999999999999999", "9.9999999999999999999999999999999999999E+125",
            "-9.9999999999999999999999999999999999999E+125", "1E-130", "-1E-130", "1E+100", "1.000000000000000000000000000000000000000000"};
        for (String text : values) {
            BigDecimal v = new BigDecimal(text);
            assertThat(RoundTrip.of(BigDecimal.class, v)).as(text).isEqualTo(v);
        }
        assertThat(RoundTrip.write(BigDecimal.class, new BigDecimal("1.50"))).isEqualTo(AttributeValue.fromN("1.50"));
    }

    @Test
    void bigDecimalsBeyondDynamoDbAreRefused() {
        BigDecimal digits39 = new BigDecimal("123456789012345678901234567890123456789");
        assertThatThrownBy(() -> RoundTrip.write(BigDecimal.class, digits39)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("has 39").hasMessageContaining("at most 38 significant digits");
        assertThatThrownBy(() -> RoundTrip.write(BigDecimal.class, new BigDecimal("1E+126")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("9.9999999999999999999999999999999999999E+125");
        assertThatThrownBy(() -> RoundTrip.write(BigDecimal.class, new BigDecimal("-1E-131")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("1E-130");
        assertThatThrownBy(() -> RoundTrip.write(BigInteger.class, BigInteger.TEN.pow(38).add(BigInteger.ONE)))
                .isInstanceOf(ConversionException.class).hasMessageContaining("38");
    }

    @Test
    void randomBigDecimalsRoundTrip() {
        long seed = RoundTrip.seed();
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            BigInteger unscaled = new BigInteger(126, random).mod(BigInteger.TEN.pow(1 + random.nextInt(38)));
            BigDecimal v = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(160) - 80);
            assertThat(RoundTrip.of(BigDecimal.class, v)).as("seed %d, value %s", seed, v).isEqualTo(v);
        }
    }

    @Test
    void bigIntegersRoundTripAndRefuseFractions() {
        BigInteger max = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
        assertThat(RoundTrip.of(BigInteger.class, BigInteger.TEN.pow(125))).isEqualTo(BigInteger.TEN.pow(125));
        assertThat(RoundTrip.of(BigInteger.class, max)).isEqualTo(max);
        assertThat(RoundTrip.of(BigInteger.class, max.negate())).isEqualTo(max.negate());
        assertThatThrownBy(() -> RoundTrip.read(BigInteger.class, AttributeValue.fromN("2.5")))
                .isInstanceOf(ConversionException.class).hasMessageContaining("fraction");
    }

    @Test
    void numbersChecksAreReusable() {
        assertThat(Numbers.text(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(Numbers.text(new BigDecimal("1E+100"))).isEqualTo("1E+100");
        assertThat(Numbers.check(new BigDecimal("1E+125"))).isEqualByComparingTo("1E+125");
        assertThatThrownBy(() -> Numbers.parse("1,5")).isInstanceOf(ConversionException.class).hasMessageContaining("1,5");
    }
}
