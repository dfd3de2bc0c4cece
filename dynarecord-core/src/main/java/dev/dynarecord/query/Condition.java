package dev.dynarecord.query;

import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One condition of a query, checked and converted when it was added: the attribute exists, the
 * operator suits its type, and the values are already in DynamoDB form. Immutable. Build them with
 * {@link Conditions#of}; queries do that for you.
 *
 * @param attribute the attribute's name in DynamoDB, or a path into an embedded document encoded by
 *     {@link AttributePath} ({@code home.city}), which is always a filter, never a key condition
 * @param field the Java field's name, for messages
 * @param operator the comparison
 * @param values the values as given, for printing
 * @param attributeValues the values converted for DynamoDB, in the same order
 */
public record Condition(String attribute, String field, Operator operator, List<Object> values,
        List<AttributeValue> attributeValues) {

    /**
     * @param attribute the attribute's name in DynamoDB
     * @param field the Java field's name
     * @param operator the comparison
     * @param values the values as given
     * @param attributeValues the converted values
     */
    public Condition {
        values = List.copyOf(values);
        attributeValues = List.copyOf(attributeValues);
    }

    @Override
    public String toString() {
        String attribute = AttributePath.display(this.attribute);
        return switch (operator) {
            case EXISTS -> attribute + " exists";
            case NOT_EXISTS -> attribute + " not_exists";
            case BETWEEN -> attribute + " between " + show(values.get(0)) + " and " + show(values.get(1));
            case IN -> attribute + " in (" + values.stream().map(Condition::show).collect(Collectors.joining(", ")) + ")";
            default -> attribute + " " + operator.token() + " " + show(values.get(0));
        };
    }

    private static String show(Object value) {
        return value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
    }
}
