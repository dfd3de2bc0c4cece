package dev.dynarecord.internal.dynamo;

import dev.dynarecord.query.AttributePath;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Placeholders for one expression: every attribute name becomes {@code #nN} and every value
 * {@code :vN}, so reserved words work and no user text is ever spliced into an expression.
 */
public final class ExpressionNames {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    /** Creates an empty set of placeholders. */
    public ExpressionNames() {
    }

    /** @return the placeholder for an attribute name, reused when the name repeats */
    public String name(String attribute) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().equals(attribute)) {
                return e.getKey();
            }
        }
        String placeholder = "#n" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    /**
     * @param attribute an attribute name, or a path into a document encoded by {@link AttributePath}
     * @return its expression text with a placeholder for every name: {@code #n0}, {@code #n0.#n1}, {@code #n0[2].#n1}
     */
    public String path(String attribute) {
        return AttributePath.render(attribute, this::name);
    }

    /** @return a fresh placeholder bound to the value */
    public String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /**
     * A projection expression naming these attributes.
     *
     * @param attributes the attribute names
     * @return the expression, or null when there are none (read everything)
     */
    public String projection(Iterable<String> attributes) {
        StringBuilder p = new StringBuilder();
        for (String name : attributes) {
            p.append(p.length() == 0 ? "" : ", ").append(path(name));
        }
        return p.length() == 0 ? null : p.toString();
    }

    /** @return the names, for ExpressionAttributeNames */
    public Map<String, String> names() {
        return names;
    }

    /** @return the names, or null when there are none (DynamoDB refuses an empty map) */
    public Map<String, String> namesOrNull() {
        return names.isEmpty() ? null : names;
    }

    /** @return the values, or null when there are none (DynamoDB refuses an empty map) */
    public Map<String, AttributeValue> valuesOrNull() {
        return values.isEmpty() ? null : values;
    }
}
