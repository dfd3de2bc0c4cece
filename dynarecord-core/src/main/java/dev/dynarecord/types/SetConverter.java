package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@code Set} as SS, NS or BS, by what its elements store (S, N or B). DynamoDB has no empty
 * sets, so an empty set removes the attribute, and reading a missing attribute gives null.
 */
final class SetConverter implements AttributeConverter<Collection<Object>> {

    private final AttributeConverter<Object> element;
    private final AttributeType elementType;
    private final boolean strings;
    private final IntFunction<Collection<Object>> factory;

    SetConverter(AttributeConverter<Object> element, IntFunction<Collection<Object>> factory) {
        this.element = element;
        this.elementType = element.attributeType();
        this.strings = element == (Object) StringConverter.INSTANCE;
        this.factory = factory;
    }

    @Override
    public AttributeType attributeType() {
        return switch (elementType) {
            case S -> AttributeType.SS;
            case N -> AttributeType.NS;
            default -> AttributeType.BS;
        };
    }

    @Override
    public AttributeValue toAttributeValue(Collection<Object> value) {
        if (value.isEmpty()) {
            return null;
        }
        if (elementType == AttributeType.B) {
            List<SdkBytes> out = new ArrayList<>(value.size());
            for (Object item : value) {
                out.add(element.toAttributeValue(nonNull(item)).b());
            }
            return AttributeValue.createBs(out);
        }
        List<String> out = new ArrayList<>(value.size());
        for (Object item : value) {
            if (strings) {
                out.add((String) nonNull(item));
            } else {
                AttributeValue converted = element.toAttributeValue(nonNull(item));
                out.add(elementType == AttributeType.N ? converted.n() : converted.s());
            }
        }
        return elementType == AttributeType.N ? AttributeValue.createNs(out) : AttributeValue.createSs(out);
    }

    @Override
    public Collection<Object> fromAttributeValue(AttributeValue value) {
        AttributeValue.Type expected = switch (elementType) {
            case S -> AttributeValue.Type.SS;
            case N -> AttributeValue.Type.NS;
            default -> AttributeValue.Type.BS;
        };
        if (value.type() != expected) {
            throw Expect.mismatch(attributeType(), value);
        }
        if (elementType == AttributeType.B) {
            Collection<Object> out = factory.apply(value.bs().size());
            for (SdkBytes item : value.bs()) {
                out.add(element.fromAttributeValue(AttributeValue.createB(item)));
            }
            return out;
        }
        List<String> stored = elementType == AttributeType.N ? value.ns() : value.ss();
        Collection<Object> out = factory.apply(stored.size());
        for (String item : stored) {
            if (strings) {
                out.add(item);
            } else {
                out.add(element.fromAttributeValue(elementType == AttributeType.N
                        ? AttributeValue.createN(item) : AttributeValue.createS(item)));
            }
        }
        return out;
    }

    private static Object nonNull(Object item) {
        if (item == null) {
            throw new ConversionException("DynamoDB sets cannot hold null; remove the null element or use a List");
        }
        return item;
    }
}
