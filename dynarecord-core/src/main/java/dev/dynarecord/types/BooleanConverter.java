package dev.dynarecord.types;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code boolean} as BOOL. */
final class BooleanConverter implements AttributeConverter<Boolean> {

    static final BooleanConverter INSTANCE = new BooleanConverter();

    private static final AttributeValue TRUE = AttributeValue.createBool(Boolean.TRUE);
    private static final AttributeValue FALSE = AttributeValue.createBool(Boolean.FALSE);

    @Override
    public AttributeType attributeType() {
        return AttributeType.BOOL;
    }

    @Override
    public AttributeValue toAttributeValue(Boolean value) {
        // AttributeValue is immutable, so the two values can be shared.
        return value ? TRUE : FALSE;
    }

    @Override
    public Boolean fromAttributeValue(AttributeValue value) {
        return Expect.bool(value);
    }
}
