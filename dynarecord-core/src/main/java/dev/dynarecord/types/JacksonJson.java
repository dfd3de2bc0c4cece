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

/**
 * A serialized field's values through Jackson: the one place {@link SerializedConverter} touches
 * it, so that Jackson is loaded only when a value needs it. One shared mapper with java.time
 * support; dates as ISO text; unknown JSON properties ignored on read.
 */
final class JacksonJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final JavaType type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    JacksonJson(Type type) {
        this.type = MAPPER.getTypeFactory().constructType(type);
        this.reader = MAPPER.readerFor(this.type);
        this.writer = MAPPER.writerFor(this.type);
    }

    String write(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ConversionException("Could not write a " + type.toCanonical() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    Object read(String json) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new ConversionException("Stored JSON cannot be read as a " + type.toCanonical() + ": " + e.getOriginalMessage(), e);
        }
    }
}
