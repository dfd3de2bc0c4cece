package dev.dynarecord.spi;

import dev.dynarecord.types.AttributeConverter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the item code that {@code dynarecord-processor} generates asks of a schema, for the fields
 * of one class: under which attribute each field is stored in this session, its converter, and the
 * schema's own handling of whatever the generated code leaves to it (an absent or NULL attribute, a
 * value of another type, a map or list the schema checks). Indexes are those of
 * {@link GeneratedAccess#index(String)}. Not for hand-written implementations.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ItemFields {

    /**
     * @param index a covered field's index
     * @return the attribute the field is stored as, or {@code null} when the schema does not store
     *     it: generated code leaves that field alone
     */
    String attribute(int index);

    /**
     * @param index a stored field's index
     * @return the field's converter
     */
    AttributeConverter<Object> converter(int index);

    /**
     * @param index a stored field's index
     * @return whether what the converter makes of a value is stored as it is; when not (a map or a
     *     list, which the schema checks against DynamoDB's limits), generated code calls {@link #write}
     */
    boolean direct(int index);

    /**
     * Sets the field from its attribute as the schema does without generated code: an absent or
     * NULL attribute gives the declared default or null (a primitive's zero), a value is converted
     * and widened where Java widens.
     *
     * @param index a stored field's index
     * @param instance the instance being loaded
     * @param value the attribute, or {@code null} when the item lacks it
     */
    void read(int index, Object instance, AttributeValue value);

    /**
     * Converts a field's value as the schema does without generated code.
     *
     * @param index a stored field's index
     * @param value the value, not null
     * @return the attribute value, or {@code null} when it is absent
     */
    AttributeValue write(int index, Object value);
}
