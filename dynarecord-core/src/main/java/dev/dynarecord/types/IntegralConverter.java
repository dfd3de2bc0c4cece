package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.math.BigDecimal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code int}, {@code long}, {@code short} and {@code byte} (and their wrappers) as N. Reading a
 * number with a fraction or out of the type's range fails instead of truncating.
 */
final class IntegralConverter<T extends Number> implements AttributeConverter<T> {

    static final IntegralConverter<Integer> INT =
            new IntegralConverter<>("int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    static final IntegralConverter<Long> LONG =
            new IntegralConverter<>("long", Long.MIN_VALUE, Long.MAX_VALUE);
    static final IntegralConverter<Short> SHORT =
            new IntegralConverter<>("short", Short.MIN_VALUE, Short.MAX_VALUE);
    static final IntegralConverter<Byte> BYTE =
            new IntegralConverter<>("byte", Byte.MIN_VALUE, Byte.MAX_VALUE);

    private final String typeName;
    private final long min;
    private final long max;

    private IntegralConverter(String typeName, long min, long max) {
        this.typeName = typeName;
        this.min = min;
        this.max = max;
    }

    @Override
    public AttributeType attributeType() {
        return AttributeType.N;
    }

    @Override
    public AttributeValue toAttributeValue(T value) {
        return AttributeValue.createN(Long.toString(value.longValue()));
    }

    @Override
    public T fromAttributeValue(AttributeValue value) {
        return box(parse(Expect.n(value)));
    }

    /** The value in its own box, chosen by its range: a branch the JIT folds, where a function per width was a call it could not. */
    @SuppressWarnings("unchecked")
    private T box(long l) {
        if (max == Integer.MAX_VALUE) {
            return (T) Integer.valueOf((int) l);
        }
        if (max == Long.MAX_VALUE) {
            return (T) Long.valueOf(l);
        }
        return max == Short.MAX_VALUE ? (T) Short.valueOf((short) l) : (T) Byte.valueOf((byte) l);
    }

    private long parse(String text) {
        long parsed;
        try {
            parsed = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return parseDecimal(text);
        }
        if (parsed < min || parsed > max) {
            throw outOfRange(text);
        }
        return parsed;
    }

    // Slow path: "5.0", "1E+3", a fraction, or beyond long.
    private long parseDecimal(String text) {
        BigDecimal decimal = Numbers.parse(text);
        if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            throw new ConversionException("Stored number " + text + " has a fraction and cannot be read as "
                    + typeName + "; use double or BigDecimal for this attribute");
        }
        if (decimal.compareTo(BigDecimal.valueOf(min)) < 0 || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw outOfRange(text);
        }
        return decimal.longValue();
    }

    private ConversionException outOfRange(String text) {
        return new ConversionException("Stored number " + text + " is out of range for " + typeName + " ("
                + min + ".." + max + "); use a wider type such as long or BigInteger");
    }
}
