package dev.dynarecord.types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@code List} or other non-set {@code Collection} as L, each element through its own converter.
 * Null elements are stored as NULL and read back as null; an empty list is an empty L.
 */
final class ListConverter implements AttributeConverter<Collection<Object>> {

    /** The NULL attribute value, shared: attribute values are immutable. */
    static final AttributeValue NUL = AttributeValue.createNul(Boolean.TRUE);

    private final AttributeConverter<Object> element;
    private final IntFunction<Collection<Object>> factory;

    ListConverter(AttributeConverter<Object> element, IntFunction<Collection<Object>> factory) {
        this.element = element;
        this.factory = factory;
    }

    AttributeConverter<Object> element() {
        return element;
    }

    @Override
    public AttributeType attributeType() {
        return AttributeType.L;
    }

    @Override
    public AttributeValue toAttributeValue(Collection<Object> value) {
        List<AttributeValue> out = new ArrayList<>(value.size());
        for (Object item : value) {
            out.add(toElement(element, item));
        }
        return AttributeValue.createL(out);
    }

    @Override
    public Collection<Object> fromAttributeValue(AttributeValue value) {
        List<AttributeValue> stored = Expect.l(value);
        Collection<Object> out = factory.apply(stored.size());
        for (AttributeValue item : stored) {
            out.add(fromElement(element, item));
        }
        return out;
    }

    /** An element of a list: null (or a value with no DynamoDB form, an empty set) becomes NULL. */
    static AttributeValue toElement(AttributeConverter<Object> converter, Object item) {
        if (item == null) {
            return NUL;
        }
        AttributeValue converted = converter.toAttributeValue(item);
        return converted == null ? NUL : converted;
    }

    static Object fromElement(AttributeConverter<Object> converter, AttributeValue item) {
        return item.type() == AttributeValue.Type.NUL ? null : converter.fromAttributeValue(item);
    }
}
