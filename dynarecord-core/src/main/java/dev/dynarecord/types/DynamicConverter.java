package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Untyped values ({@code Object}, {@code ?}, raw collections), converted by their runtime class.
 * Writes String as S; numbers as exact N; Boolean as BOOL; byte[] and SdkBytes as B; sets of
 * strings, numbers or SdkBytes as SS, NS or BS; other collections and arrays as L; maps with string
 * keys as M; enums, UUIDs, characters and java.time values as S (ISO-8601). Reads back S as
 * String, N as BigDecimal, BOOL as Boolean, B as byte[], L as ArrayList, M as LinkedHashMap, and
 * SS, NS, BS as LinkedHashSet of String, BigDecimal, SdkBytes.
 */
final class DynamicConverter implements AttributeConverter<Object> {

    static final DynamicConverter INSTANCE = new DynamicConverter();

    private static final AttributeConverter<Object> ISO_INSTANT = erase(new InstantConverter(TimeFormat.ISO_8601));
    private static final Map<Class<?>, AttributeConverter<Object>> TIMES = Map.of(
            Instant.class, ISO_INSTANT,
            LocalDate.class, erase(new LocalDateConverter(TimeFormat.ISO_8601)),
            LocalDateTime.class, erase(new LocalDateTimeConverter(TimeFormat.ISO_8601)),
            LocalTime.class, erase(new LocalTimeConverter(TimeFormat.ISO_8601)),
            OffsetDateTime.class, erase(new OffsetDateTimeConverter(TimeFormat.ISO_8601)),
            ZonedDateTime.class, erase(new ZonedDateTimeConverter(TimeFormat.ISO_8601)),
            Duration.class, erase(new DurationConverter(TimeFormat.ISO_8601)));

    /** Reports M: an untyped attribute has no fixed type, so it can never be a key. */
    @Override
    public AttributeType attributeType() {
        return AttributeType.M;
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        if (value instanceof String s) {
            return AttributeValue.createS(s);
        } else if (value instanceof Number n) {
            return AttributeValue.createN(numberText(n));
        } else if (value instanceof Boolean b) {
            return BooleanConverter.INSTANCE.toAttributeValue(b);
        } else if (value instanceof Map<?, ?> map) {
            return map(map);
        } else if (value instanceof Set<?> set) {
            return set(set);
        } else if (value instanceof Collection<?> list) {
            List<AttributeValue> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(ListConverter.toElement(this, item));
            }
            return AttributeValue.createL(out);
        } else if (value instanceof byte[] bytes) {
            return BinaryConverters.BYTE_ARRAY.toAttributeValue(bytes);
        } else if (value instanceof SdkBytes bytes) {
            return AttributeValue.createB(bytes);
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<AttributeValue> out = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                out.add(ListConverter.toElement(this, Array.get(value, i)));
            }
            return AttributeValue.createL(out);
        } else if (value instanceof Enum<?> e) {
            return AttributeValue.createS(e.name());
        } else if (value instanceof UUID || value instanceof Character) {
            return AttributeValue.createS(value.toString());
        }
        AttributeConverter<Object> time = TIMES.get(value.getClass());
        if (time != null) {
            return time.toAttributeValue(value);
        }
        throw new ConversionException("Cannot store a " + value.getClass().getName() + " in an untyped attribute;"
                + " use a declared field type, register a converter or use @Field(serialized = true)");
    }

    @Override
    public Object fromAttributeValue(AttributeValue value) {
        switch (value.type()) {
            case S: return value.s();
            case N: return Numbers.parse(value.n());
            case BOOL: return value.bool();
            case B: return value.b().asByteArray();
            case NUL: return null;
            case SS: return new LinkedHashSet<>(value.ss());
            case BS: return new LinkedHashSet<>(value.bs());
            case NS:
                Set<BigDecimal> numbers = new LinkedHashSet<>();
                for (String n : value.ns()) {
                    numbers.add(Numbers.parse(n));
                }
                return numbers;
            case L:
                List<Object> list = new ArrayList<>(value.l().size());
                for (AttributeValue item : value.l()) {
                    list.add(fromAttributeValue(item));
                }
                return list;
            case M:
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                    map.put(entry.getKey(), fromAttributeValue(entry.getValue()));
                }
                return map;
            default:
                throw new ConversionException("Stored value has a DynamoDB type this SDK does not know: " + value);
        }
    }

    private static String numberText(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return Long.toString(n.longValue());
        } else if (n instanceof Double d) {
            return Numbers.text(d.doubleValue());
        } else if (n instanceof Float f) {
            return Numbers.text(f.floatValue());
        } else if (n instanceof BigDecimal d) {
            return Numbers.text(d);
        } else if (n instanceof BigInteger i) {
            return Numbers.text(new BigDecimal(i));
        }
        try {
            return Numbers.text(new BigDecimal(n.toString())); // AtomicLong, LongAdder, ...
        } catch (NumberFormatException e) {
            throw new ConversionException("Cannot store the number " + n + " (" + n.getClass().getName() + ")", e);
        }
    }

    private AttributeValue map(Map<?, ?> map) {
        Map<String, AttributeValue> out = new HashMap<>(Math.max(16, map.size() * 4 / 3 + 1));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new ConversionException("Untyped maps need String keys, but found the key " + entry.getKey()
                        + (entry.getKey() == null ? "" : " (" + entry.getKey().getClass().getName() + ")"));
            }
            AttributeValue item = entry.getValue() == null ? ListConverter.NUL : toAttributeValue(entry.getValue());
            if (item != null) {
                out.put(key, item);
            }
        }
        return AttributeValue.createM(out);
    }

    private AttributeValue set(Set<?> set) {
        if (set.isEmpty()) {
            return null;
        }
        Object first = set.iterator().next();
        if (first instanceof SdkBytes) {
            List<SdkBytes> out = new ArrayList<>(set.size());
            for (Object item : set) {
                out.add(element(item, SdkBytes.class));
            }
            return AttributeValue.createBs(out);
        }
        boolean numbers = first instanceof Number;
        List<String> out = new ArrayList<>(set.size());
        // 1 and 1L, or 1.0 and 1.00, are distinct elements of a Java set but the same number in DynamoDB.
        Map<BigDecimal, Object> seen = numbers && set.size() > 1 ? new HashMap<>() : null;
        for (Object item : set) {
            if (numbers) {
                String text = numberText(element(item, Number.class));
                if (seen != null) {
                    SetConverter.distinct(seen, text, item);
                }
                out.add(text);
            } else {
                out.add(element(item, String.class));
            }
        }
        return numbers ? AttributeValue.createNs(out) : AttributeValue.createSs(out);
    }

    private static <T> T element(Object item, Class<T> type) {
        if (item == null) {
            throw new ConversionException("DynamoDB sets cannot hold null; remove the null element or use a List");
        }
        if (!type.isInstance(item)) {
            throw new ConversionException("An untyped set can hold only strings, only numbers or only SdkBytes,"
                    + " but holds a " + item.getClass().getName() + " next to a " + type.getSimpleName());
        }
        return type.cast(item);
    }

    @SuppressWarnings("unchecked")
    static AttributeConverter<Object> erase(AttributeConverter<?> converter) {
        return (AttributeConverter<Object>) converter;
    }
}
