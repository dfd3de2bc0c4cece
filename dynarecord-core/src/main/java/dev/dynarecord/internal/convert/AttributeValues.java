package dev.dynarecord.internal.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Set;

/**
 * Converts an untyped value, as a JSON body parsed into a {@code Map} holds it (String, Integer,
 * Long, Double, BigDecimal, Boolean, List, Map, null), to a field's Java type: what
 * {@code assign(Map)} and {@code writeAttribute} use.
 *
 * <ul>
 * <li>a value that already has the field's (non-generic) type is kept as it is;</li>
 * <li>numbers are widened only without loss ({@code 7} into a {@code long}, {@code 2.5} into a
 * {@code BigDecimal}); numeric strings are parsed the same way ({@code "42"} into an {@code int});</li>
 * <li>everything else goes through Jackson, configured like {@code @Field(serialized = true)} (java.time
 * support): ISO-8601 strings to {@code Instant}, {@code LocalDate} ..., names to enums, strings to
 * {@code UUID}, lists to sets and typed lists, maps to typed maps;</li>
 * <li>lossy or ambiguous conversions are refused with a {@link ConversionException} naming
 * {@code Model.field}, the value and the expected type: {@code 1.5} or {@code "1.5"} or {@code "abc"}
 * into an {@code int}, numbers into booleans, enum ordinals, numbers into dates and times, empty
 * strings into anything but a {@code String};</li>
 * <li>{@code null} stays {@code null}, except into a primitive field, which cannot be null.</li>
 * </ul>
 *
 * <pre>{@code
 * Object joined = AttributeValues.convert(schema, schema.attributeOrField("joinedAt").orElseThrow(),
 *         "2026-11-21T09:30:00Z");   // Instant
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AttributeValues {

    private static final ObjectMapper MAPPER = mapper();

    private static final Set<Class<?>> NUMBERS = Set.of(Integer.class, Long.class, Short.class, Byte.class, Double.class,
            Float.class, BigDecimal.class, BigInteger.class);

    private AttributeValues() {
    }

    /**
     * Converts a value to an attribute's Java type.
     *
     * @param schema the model's schema, for messages
     * @param attribute the attribute
     * @param value the untyped value, or null
     * @return the value of the field's (boxed) type, or null
     * @throws ConversionException when the value cannot be converted without loss, or is null for a primitive
     */
    public static Object convert(ModelSchema<?> schema, AttributeSchema attribute, Object value) {
        Type type = attribute.genericType();
        Class<?> boxed = attribute.javaType();
        if (value == null) {
            if (attribute.isPrimitive()) {
                throw fail(schema, attribute, null, "cannot be null (it is a primitive " + type.getTypeName() + ")", null);
            }
            return null;
        }
        if (type instanceof Class<?> && boxed.isInstance(value)) {
            return value;
        }
        if (NUMBERS.contains(boxed)) {
            return number(schema, attribute, value);
        }
        boolean time = Temporal.class.isAssignableFrom(boxed) || TemporalAmount.class.isAssignableFrom(boxed);
        if (value instanceof Number && (time || boxed == Boolean.class)) {
            throw fail(schema, attribute, value, time
                    ? "numbers are ambiguous for dates and times; pass an ISO-8601 string" : "pass true or false", null);
        }
        if (value instanceof String s && s.isEmpty() && boxed != String.class) {
            throw fail(schema, attribute, value, "an empty string is not a value of this type; pass null to clear it", null);
        }
        Object converted;
        try {
            JavaType javaType = MAPPER.getTypeFactory().constructType(type);
            converted = MAPPER.convertValue(value, javaType);
        } catch (IllegalArgumentException e) {
            String reason = e.getCause() instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw fail(schema, attribute, value, reason, e);
        }
        if (converted == null || !boxed.isInstance(converted)) {
            throw fail(schema, attribute, value, "it converts to " + (converted == null ? "null" : converted.getClass().getName()), null);
        }
        return converted;
    }

    private static Object number(ModelSchema<?> schema, AttributeSchema attribute, Object value) {
        Number n;
        if (value instanceof Number given) {
            n = given;
        } else if (value instanceof String s) {
            try {
                n = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw fail(schema, attribute, value, "it is not a number", e);
            }
        } else {
            throw fail(schema, attribute, value, "pass a number", null);
        }
        try {
            return attribute.coerce(n);
        } catch (ConversionException e) {
            throw fail(schema, attribute, value, "it does not fit without losing precision or range", e);
        }
    }

    private static ConversionException fail(ModelSchema<?> schema, AttributeSchema attribute, Object value, String reason,
            Throwable cause) {
        String field = schema.modelName() + "." + attribute.fieldName()
                + (attribute.name().equals(attribute.fieldName()) ? "" : " (attribute " + attribute.name() + ")");
        String given = value == null ? "null" : value.getClass().getSimpleName() + " " + (value instanceof String ? "'" + value + "'" : value);
        return new ConversionException(field + " expects " + attribute.genericType().getTypeName() + "; cannot assign "
                + given + ": " + reason, cause);
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
