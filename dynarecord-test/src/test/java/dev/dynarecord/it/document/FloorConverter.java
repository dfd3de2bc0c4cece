package dev.dynarecord.it.document;

import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stores a floor number as text: {@code "floor 3"}. */
public final class FloorConverter implements AttributeConverter<Integer> {
    @Override
    public AttributeType attributeType() {
        return AttributeType.S;
    }

    @Override
    public AttributeValue toAttributeValue(Integer value) {
        return AttributeValue.fromS("floor " + value);
    }

    @Override
    public Integer fromAttributeValue(AttributeValue value) {
        return Integer.valueOf(value.s().substring("floor ".length()));
    }
}
