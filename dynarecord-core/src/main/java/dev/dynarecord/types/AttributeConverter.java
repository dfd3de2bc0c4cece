package dev.dynarecord.types;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts one Java type to and from a DynamoDB {@link AttributeValue}.
 *
 * <p>Converters are resolved once per attribute, when a model's schema is built, and then called
 * on every read and write: keep them stateless and cheap. Register your own for a type in one
 * session's configuration with {@code Config.builder().converter(Money.class, ...)}, for every
 * session with {@link Converters#register(Class, AttributeConverter)}, or for one field with
 * {@code @Field(converter = MyConverter.class)}; {@link Converters} says which one wins.
 *
 * <pre>{@code
 * public final class MoneyConverter implements AttributeConverter<Money> {
 *     public AttributeType attributeType() { return AttributeType.S; }
 *     public AttributeValue toAttributeValue(Money m) { return AttributeValue.createS(m.toString()); }
 *     public Money fromAttributeValue(AttributeValue v) { return Money.parse(v.s()); }
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 *
 * @param <T> the Java type
 */
public interface AttributeConverter<T> {

    /**
     * The DynamoDB type this converter writes. Key attributes and index keys must be
     * {@link AttributeType#S}, {@link AttributeType#N} or {@link AttributeType#B}.
     *
     * @return the stored type
     */
    AttributeType attributeType();

    /**
     * Converts a Java value for storage.
     *
     * @param value the value, never {@code null} (null means "no attribute" and never reaches a converter)
     * @return the attribute value, or {@code null} when the value has no DynamoDB form and the
     *     attribute must be removed instead (an empty set)
     * @throws dev.dynarecord.exception.ConversionException when the value cannot be stored
     */
    AttributeValue toAttributeValue(T value);

    /**
     * Converts a stored attribute value back.
     *
     * @param value the stored value, never {@code null} and never of type {@code NULL}
     * @return the Java value
     * @throws dev.dynarecord.exception.ConversionException when the stored value has the wrong type
     */
    T fromAttributeValue(AttributeValue value);
}
