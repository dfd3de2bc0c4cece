package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code UUID} as S in its canonical form ({@code 123e4567-e89b-12d3-a456-426614174000}). */
final class UuidConverter implements AttributeConverter<UUID> {

    static final UuidConverter INSTANCE = new UuidConverter();

    @Override
    public AttributeType attributeType() {
        return AttributeType.S;
    }

    @Override
    public AttributeValue toAttributeValue(UUID value) {
        return AttributeValue.createS(value.toString());
    }

    @Override
    public UUID fromAttributeValue(AttributeValue value) {
        String text = Expect.s(value);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ConversionException("Stored string '" + text + "' is not a UUID", e);
        }
    }
}
