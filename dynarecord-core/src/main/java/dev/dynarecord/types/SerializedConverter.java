package dev.dynarecord.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dynarecord.exception.ConversionException;
import java.lang.reflect.Type;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Any type as JSON text (S), for fields marked {@code @Field(serialized = true)}. One shared
 * Jackson mapper with java.time support; dates are written as ISO text; unknown JSON properties
 * are ignored on read. Reads back with the full generic type.
 */
final class SerializedConverter implements AttributeConverter<Object> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final JavaType type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    SerializedConverter(Type type) {
        this.type = MAPPER.getTypeFactory().constructType(type);
        this.reader = MAPPER.readerFor(this.type);
        this.writer = MAPPER.writerFor(this.type);
    }

    @Override
    public AttributeType attributeType() {
        return AttributeType.S;
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        try {
            return AttributeValue.createS(writer.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new ConversionException("Could not write a " + type.toCanonical() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object fromAttributeValue(AttributeValue value) {
        String json = Expect.s(value);
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new ConversionException("Stored JSON cannot be read as a " + type.toCanonical() + ": " + e.getOriginalMessage(), e);
        }
    }
}
