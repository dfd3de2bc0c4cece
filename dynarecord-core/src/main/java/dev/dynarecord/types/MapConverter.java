package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@code Map} as M. Keys are strings, or any type stored as S (an enum, a UUID) through its
 * converter; null values are stored as NULL; a value with no DynamoDB form (an empty set) leaves
 * its key out. An empty map is an empty M.
 */
final class MapConverter implements AttributeConverter<Map<Object, Object>> {

    /** {@code null} for plain String keys. */
    private final AttributeConverter<Object> keys;
    private final AttributeConverter<Object> values;
    private final IntFunction<Map<Object, Object>> factory;

    MapConverter(AttributeConverter<Object> keys, AttributeConverter<Object> values,
            IntFunction<Map<Object, Object>> factory) {
        this.keys = keys;
        this.values = values;
        this.factory = factory;
    }

    AttributeConverter<Object> values() {
        return values;
    }

    @Override
    public AttributeType attributeType() {
        return AttributeType.M;
    }

    @Override
    public AttributeValue toAttributeValue(Map<Object, Object> value) {
        Map<String, AttributeValue> out = new HashMap<>(Math.max(16, value.size() * 4 / 3 + 1));
        for (Map.Entry<Object, Object> entry : value.entrySet()) {
            Object key = entry.getKey();
            if (key == null) {
                throw new ConversionException("DynamoDB maps cannot have a null key");
            }
            String name;
            if (keys != null) {
                name = keys.toAttributeValue(key).s();
            } else if (key instanceof String text) {
                name = text;
            } else {
                throw new ConversionException("DynamoDB map keys are strings, but found the key " + key + " ("
                        + key.getClass().getName() + ")");
            }
            Object item = entry.getValue();
            AttributeValue converted = item == null ? ListConverter.NUL : values.toAttributeValue(item);
            if (converted != null) {
                out.put(name, converted);
            }
        }
        return AttributeValue.createM(out);
    }

    @Override
    public Map<Object, Object> fromAttributeValue(AttributeValue value) {
        Map<String, AttributeValue> stored = Expect.m(value);
        Map<Object, Object> out = factory.apply(stored.size());
        for (Map.Entry<String, AttributeValue> entry : stored.entrySet()) {
            String name = entry.getKey();
            Object key = keys == null ? name : keys.fromAttributeValue(AttributeValue.createS(name));
            out.put(key, ListConverter.fromElement(values, entry.getValue()));
        }
        return out;
    }
}
