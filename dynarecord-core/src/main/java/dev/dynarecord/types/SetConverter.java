package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@code Set} as SS, NS or BS, by what its elements store (S, N or B). DynamoDB has no empty
 * sets, so an empty set removes the attribute, and reading a missing attribute gives null. A number
 * set whose elements are distinct in Java but equal as numbers ({@code 1.0} and {@code 1.00},
 * {@code 0.0} and {@code -0.0}) is refused: DynamoDB refuses duplicates in a set.
 */
final class SetConverter implements AttributeConverter<Collection<Object>> {

    private final AttributeConverter<Object> element;
    private final AttributeType elementType;
    private final boolean strings;
    /** Whether distinct elements may give equal numbers: not for whole numbers, whose text is canonical. */
    private final boolean mayRepeatNumbers;
    private final IntFunction<Collection<Object>> factory;

    SetConverter(AttributeConverter<Object> element, IntFunction<Collection<Object>> factory) {
        this.element = element;
        this.elementType = element.attributeType();
        this.strings = element == (Object) StringConverter.INSTANCE;
        this.mayRepeatNumbers = elementType == AttributeType.N && !(element instanceof IntegralConverter)
                && element != (Object) BigIntegerConverter.INSTANCE;
        this.factory = factory;
    }

    /** @return the converter of each element: the field's own options (a time format) applied */
    AttributeConverter<Object> element() {
        return element;
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
        Map<BigDecimal, Object> seen = mayRepeatNumbers && value.size() > 1 ? new HashMap<>() : null;
        for (Object item : value) {
            if (strings) {
                out.add((String) nonNull(item));
            } else {
                AttributeValue converted = element.toAttributeValue(nonNull(item));
                String text = elementType == AttributeType.N ? converted.n() : converted.s();
                if (seen != null) {
                    distinct(seen, text, item);
                }
                out.add(text);
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

    /**
     * Refuses a number equal to one the set already gave: DynamoDB compares set elements by value.
     *
     * @param seen the numbers so far, by value, with the element that gave each
     * @param text the number an element converted to
     * @param item that element
     * @throws ConversionException when an earlier element gave the same number
     */
    static void distinct(Map<BigDecimal, Object> seen, String text, Object item) {
        Object earlier = seen.putIfAbsent(new BigDecimal(text).stripTrailingZeros(), item);
        if (earlier != null) {
            throw new ConversionException("the set holds " + earlier + " and " + item + ", which DynamoDB stores as the same"
                    + " number (" + text + "; numbers are compared by value, and -0.0 is stored as 0), and a DynamoDB set"
                    + " cannot hold duplicates: keep one of them");
        }
    }

    private static Object nonNull(Object item) {
        if (item == null) {
            throw new ConversionException("DynamoDB sets cannot hold null; remove the null element or use a List");
        }
        return item;
    }
}
