package dev.dynarecord.types;

import java.lang.reflect.Type;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Any type as JSON text (S), for fields marked {@code @Field(serialized = true)}. One shared
 * Jackson mapper with java.time support; dates are written as ISO text; unknown JSON properties
 * are ignored on read. Reads back with the full generic type.
 *
 * <p>Plain values of {@code Object}, {@code Map<String, Object>} and {@code List<Object>} fields
 * (strings, numbers, booleans, maps and lists of them) are written and read by {@link PlainJson},
 * to the same text and the same objects as Jackson: Jackson is loaded only for the first value
 * that needs it ({@link JacksonJson}).
 */
final class SerializedConverter implements AttributeConverter<Object> {

    private final Type type;
    private final boolean mayBePlain;
    /** Made on first use. */
    private volatile JacksonJson jackson;

    SerializedConverter(Type type) {
        this.type = type;
        this.mayBePlain = PlainJson.mayBePlain(type);
        if (!mayBePlain) {
            jackson = new JacksonJson(type); // as before: a type Jackson cannot handle fails when the schema is built
        }
    }

    @Override
    public AttributeType attributeType() {
        return AttributeType.S;
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        if (mayBePlain) {
            Object json = PlainJson.write(value);
            if (json != PlainJson.NOT_PLAIN) {
                return AttributeValue.createS((String) json);
            }
        }
        return AttributeValue.createS(jackson().write(value));
    }

    @Override
    public Object fromAttributeValue(AttributeValue value) {
        String json = Expect.s(value);
        if (mayBePlain) {
            Object read = PlainJson.read(json, type);
            if (read != PlainJson.NOT_PLAIN) {
                return read;
            }
        }
        return jackson().read(json);
    }

    private JacksonJson jackson() {
        JacksonJson j = jackson;
        if (j == null) {
            j = new JacksonJson(type);
            jackson = j;
        }
        return j;
    }
}
