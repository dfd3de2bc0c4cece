package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code double} as N, written so that it reads back to the same double. */
final class DoubleConverter implements AttributeConverter<Double> {

    static final DoubleConverter INSTANCE = new DoubleConverter();

    @Override
    public AttributeType attributeType() {
        return AttributeType.N;
    }

    @Override
    public AttributeValue toAttributeValue(Double value) {
        return AttributeValue.createN(Numbers.text(value.doubleValue()));
    }

    @Override
    public Double fromAttributeValue(AttributeValue value) {
        String text = Expect.n(value);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConversionException("Stored number '" + text + "' is not a decimal number", e);
        }
    }
}
