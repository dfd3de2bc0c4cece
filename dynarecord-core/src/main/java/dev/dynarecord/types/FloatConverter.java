package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code float} as N, written so that it reads back to the same float. */
final class FloatConverter implements AttributeConverter<Float> {

    static final FloatConverter INSTANCE = new FloatConverter();

    @Override
    public AttributeType attributeType() {
        return AttributeType.N;
    }

    @Override
    public AttributeValue toAttributeValue(Float value) {
        return AttributeValue.createN(Numbers.text(value.floatValue()));
    }

    @Override
    public Float fromAttributeValue(AttributeValue value) {
        String text = Expect.n(value);
        float parsed;
        try {
            parsed = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new ConversionException("Stored number '" + text + "' is not a decimal number", e);
        }
        if (Float.isInfinite(parsed)) {
            throw new ConversionException("Stored number " + text + " is out of range for float; use double or BigDecimal");
        }
        return parsed;
    }
}
