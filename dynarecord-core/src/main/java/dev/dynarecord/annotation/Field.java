package dev.dynarecord.annotation;

import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import dev.dynarecord.types.TimeFormat;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Declares a persisted field. Only declared fields are stored: a field without {@code @Field},
 * {@link HashKey} or {@link RangeKey} is ignored by the mapper. Fields may have any access modifier.
 *
 * <pre>{@code
 * @Field String name;
 * @Field(name = "mail") String email;                    // stored as attribute "mail"
 * @Field(serialized = true) Map<String, Object> settings; // JSON text
 * @Field(timeFormat = TimeFormat.EPOCH_SECONDS) Instant expiresAt;
 * @Field(converter = MoneyConverter.class) Money price;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Field {

    /** @return the attribute name in DynamoDB; empty for the Java field name */
    String name() default "";

    /** @return store the value as JSON text through Jackson, whatever its type */
    boolean serialized() default false;

    /** @return how date and time values are stored */
    TimeFormat timeFormat() default TimeFormat.ISO_8601;

    /** @return a converter for this field only, instantiated through its no-arg constructor */
    Class<? extends AttributeConverter<?>> converter() default None.class;

    /** The default of {@link #converter()}: use the registered converter for the field's type. */
    final class None implements AttributeConverter<Object> {
        private None() {
        }

        @Override
        public AttributeType attributeType() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AttributeValue toAttributeValue(Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object fromAttributeValue(AttributeValue value) {
            throw new UnsupportedOperationException();
        }
    }
}
