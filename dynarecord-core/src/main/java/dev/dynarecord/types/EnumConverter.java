package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An enum as S holding the constant's {@code name()}. */
final class EnumConverter implements AttributeConverter<Object> {

    private final Class<?> enumType;
    private final Map<String, Object> byName = new LinkedHashMap<>();

    EnumConverter(Class<?> enumType) {
        this.enumType = enumType;
        for (Object constant : enumType.getEnumConstants()) {
            byName.put(((Enum<?>) constant).name(), constant);
        }
    }

    @Override
    public AttributeType attributeType() {
        return AttributeType.S;
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        return AttributeValue.createS(((Enum<?>) value).name());
    }

    @Override
    public Object fromAttributeValue(AttributeValue value) {
        String name = Expect.s(value);
        Object constant = byName.get(name);
        if (constant == null) {
            throw new ConversionException("Stored string '" + name + "' is not a constant of "
                    + enumType.getName() + "; valid names are " + byName.keySet());
        }
        return constant;
    }
}
