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

    /**
     * A boxed value converted as Java widens primitives (JLS 5.1.2: byte to short, char or byte or
     * short to int, and so on up to double), as a method handle's {@code asType} converts what it
     * unboxes: how a primitive field reached by generated code takes the values a handle took.
     *
     * @param value a boxed primitive
     * @param primitive the field's primitive type
     * @return the value in the field's box, or null when Java would not widen it so
     */
    static Object widenPrimitive(Object value, Class<?> primitive) {
        long integral;
        if (value instanceof Byte b) {
            integral = b;
        } else if (value instanceof Short sh) {
            integral = sh;
        } else if (value instanceof Character c) {
            integral = c;
        } else if (value instanceof Integer n) {
            integral = n;
        } else if (value instanceof Long l) {
            if (primitive == float.class) {
                return (float) l.longValue();
            }
            return primitive == double.class ? (Object) (double) l.longValue() : null;
        } else if (value instanceof Float f) {
            return primitive == double.class ? (Object) (double) f.floatValue() : null;
        } else {
            return null;
        }
        int rank = value instanceof Byte ? 0 : value instanceof Short || value instanceof Character ? 1 : 2;
        if (primitive == short.class) {
            return value instanceof Byte ? (Object) (short) integral : null;
        }
        if (primitive == int.class) {
            return rank < 2 ? (Object) (int) integral : null;
        }
        if (primitive == long.class) {
            return integral;
        }
        if (primitive == float.class) {
            return (float) integral;
        }
        return primitive == double.class ? (Object) (double) integral : null;
    }
}
