package dev.dynarecord.types;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code String} as S. */
final class StringConverter implements AttributeConverter<String> {

    static final StringConverter INSTANCE = new StringConverter();

    @Override
    public AttributeType attributeType() {
        return AttributeType.S;
    }

    @Override
    public AttributeValue toAttributeValue(String value) {
        return AttributeValue.createS(value);
    }

    @Override
    public String fromAttributeValue(AttributeValue value) {
        return Expect.s(value);
    }
}
