package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Java array ({@code String[]}, {@code int[]}, ...) as L, like a list. {@code byte[]} is not
 * an array here: it is binary (B).
 */
final class ArrayConverter implements AttributeConverter<Object> {

    private final Class<?> componentType;
    private final AttributeConverter<Object> element;

    ArrayConverter(Class<?> componentType, AttributeConverter<Object> element) {
        this.componentType = componentType;
        this.element = element;
    }

    AttributeConverter<Object> element() {
        return element;
    }

    @Override
    public AttributeType attributeType() {
        return AttributeType.L;
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        int length = Array.getLength(value);
        List<AttributeValue> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(ListConverter.toElement(element, Array.get(value, i)));
        }
        return AttributeValue.createL(out);
    }

    @Override
    public Object fromAttributeValue(AttributeValue value) {
        List<AttributeValue> stored = Expect.l(value);
        Object out = Array.newInstance(componentType, stored.size());
        for (int i = 0; i < stored.size(); i++) {
            Object item = ListConverter.fromElement(element, stored.get(i));
            if (item == null && componentType.isPrimitive()) {
                throw new ConversionException("Stored list holds NULL at index " + i + ", which a "
                        + componentType.getName() + "[] cannot hold; use a " + componentType.getName()
                        + " wrapper array or a List");
            }
            Array.set(out, i, item);
        }
        return out;
    }
}
