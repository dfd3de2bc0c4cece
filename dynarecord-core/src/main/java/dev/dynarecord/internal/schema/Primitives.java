package dev.dynarecord.internal.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** Boxing, zero values and lossless number widening for field types. */
final class Primitives {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class, Byte.class,
            double.class, Double.class, float.class, Float.class, boolean.class, Boolean.class, char.class, Character.class);

    private static final Map<Class<?>, Object> ZEROS = Map.of(
            int.class, 0, long.class, 0L, short.class, (short) 0, byte.class, (byte) 0,
            double.class, 0.0d, float.class, 0.0f, boolean.class, false, char.class, '\0');

    private Primitives() {
    }

    static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    static Object zero(Class<?> type) {
        return ZEROS.get(type);
    }

    /** @return whether a number is a NaN or an infinity, which no DynamoDB number holds */
    static boolean nonFinite(Number n) {
        return (n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue());
    }

    /** A number converted to {@code target} without loss, or null when it does not fit exactly (NaN and infinities never do). */
    static Object widen(Number n, Class<?> target) {
        if (nonFinite(n)) {
            return null;
        }
        BigDecimal d = n instanceof BigDecimal b ? b
                : n instanceof BigInteger i ? new BigDecimal(i)
                : (n instanceof Double || n instanceof Float) ? new BigDecimal(n.toString())
                : BigDecimal.valueOf(n.longValue());
        try {
            if (target == Long.class) {
                return d.longValueExact();
            } else if (target == Integer.class) {
                return d.intValueExact();
            } else if (target == Short.class) {
                return d.shortValueExact();
            } else if (target == Byte.class) {
                return d.byteValueExact();
            } else if (target == BigInteger.class) {
                return d.toBigIntegerExact();
            } else if (target == BigDecimal.class) {
                return d;
            } else if (target == Double.class && new BigDecimal(Double.toString(d.doubleValue())).compareTo(d) == 0) {
                return d.doubleValue();
            } else if (target == Float.class && new BigDecimal(Float.toString(d.floatValue())).compareTo(d) == 0) {
                return d.floatValue();
            }
        } catch (ArithmeticException e) {
            return null;
        }
        return null;
    }
}
