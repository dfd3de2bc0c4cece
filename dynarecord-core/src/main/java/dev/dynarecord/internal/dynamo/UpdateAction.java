package dev.dynarecord.internal.dynamo;

import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One checked change of an update, its value already in DynamoDB form: what an UPDATE expression
 * is built from.
 *
 * @param kind what it does
 * @param attribute the attribute's name in DynamoDB
 * @param field the Java field's name, for messages
 * @param value the value (a number, a set of elements, a list of elements), or null for REMOVE
 */
public record UpdateAction(Kind kind, String attribute, String field, AttributeValue value) {

    /**
     * @param kind what it does
     * @param attribute the attribute's name in DynamoDB
     * @param field the Java field's name
     * @param value the value, or null for REMOVE
     */
    public UpdateAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(field, "field");
    }

    /**
     * @param kind what it does
     * @param attribute the attribute's name, also used in messages
     * @param value the value, or null for REMOVE
     * @return the change of an attribute the mapper writes itself (a timestamp, a lock version, a shard)
     */
    public static UpdateAction of(Kind kind, String attribute, AttributeValue value) {
        return new UpdateAction(kind, attribute, attribute, value);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case REMOVE -> "remove " + field;
            case SET -> field + " = " + show(value);
            case SET_IF_NOT_EXISTS -> field + " = if_not_exists(" + field + ", " + show(value) + ")";
            case ADD -> "add " + show(value) + " to " + field;
            case DELETE -> "delete " + show(value) + " from " + field;
            case APPEND -> "append " + show(value) + " to " + field;
            case PREPEND -> "prepend " + show(value) + " to " + field;
        };
    }

    private static String show(AttributeValue v) {
        if (v == null) {
            return "null";
        }
        return switch (v.type()) {
            case S -> "'" + v.s() + "'";
            case N -> v.n();
            case SS -> v.ss().toString();
            case NS -> v.ns().toString();
            case BOOL -> v.bool().toString();
            case L -> v.l().stream().map(UpdateAction::show).collect(Collectors.joining(", ", "[", "]"));
            default -> v.type().toString();
        };
    }

    /** What one change does to its attribute. */
    public enum Kind {
        /** {@code SET a = v}. */
        SET,
        /** {@code SET a = if_not_exists(a, v)}. */
        SET_IF_NOT_EXISTS,
        /** {@code ADD a v}: a number added to a number, or elements added to a set. */
        ADD,
        /** {@code DELETE a v}: elements removed from a set. */
        DELETE,
        /** {@code REMOVE a}. */
        REMOVE,
        /** {@code SET a = list_append(if_not_exists(a, []), v)}. */
        APPEND,
        /** {@code SET a = list_append(v, if_not_exists(a, []))}. */
        PREPEND
    }
}
