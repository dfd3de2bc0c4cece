package dev.dynarecord.benchmarks.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Map<String, Object>} as JSON text (S) for the Enhanced Client, through Jackson: the same
 * work as Dynarecord's {@code @Field(serialized = true)} and the raw mapper's JSON.
 */
public final class JsonMapConverter implements AttributeConverter<Map<String, Object>> {

    /** One shared mapper, as a careful engineer would keep it. */
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Reader and writer for {@code Map<String, Object>}, resolved once. */
    static final ObjectReader READER = MAPPER.readerFor(
            TypeFactory.defaultInstance().constructMapType(Map.class, String.class, Object.class));
    static final ObjectWriter WRITER = MAPPER.writerFor(
            TypeFactory.defaultInstance().constructMapType(Map.class, String.class, Object.class));

    /** For the Enhanced Client. */
    public JsonMapConverter() {
    }

    @Override
    public AttributeValue transformFrom(Map<String, Object> input) {
        return AttributeValue.createS(write(input));
    }

    @Override
    public Map<String, Object> transformTo(AttributeValue input) {
        return read(input.s());
    }

    @Override
    public EnhancedType<Map<String, Object>> type() {
        return EnhancedType.mapOf(String.class, Object.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.S;
    }

    static String write(Map<String, Object> value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> read(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
