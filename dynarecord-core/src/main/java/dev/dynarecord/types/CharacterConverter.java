package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code char} as an S of length 1. */
final class CharacterConverter implements AttributeConverter<Character> {

    static final CharacterConverter INSTANCE = new CharacterConverter();

    @Override
    public AttributeType attributeType() {
        return AttributeType.S;
    }

    @Override
    public AttributeValue toAttributeValue(Character value) {
        return AttributeValue.createS(String.valueOf(value.charValue()));
    }

    @Override
    public Character fromAttributeValue(AttributeValue value) {
        String text = Expect.s(value);
        if (text.length() != 1) {
            throw new ConversionException("Stored string '" + text + "' has " + text.length()
                    + " characters and cannot be read as a char; use String for this attribute");
        }
        return text.charAt(0);
    }
}
