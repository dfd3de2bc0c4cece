package dev.dynarecord.lifecycle;

import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.UnknownAttributeException;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.KeyRole;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.types.AttributeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The changes of one atomic update: sent as a single UpdateItem, without loading the record, so
 * concurrent writers never lose each other's changes. {@code find.update(...)} and
 * {@code find.upsert(...)} hand one to a lambda:
 *
 * <pre>{@code
 * User u = User.find.update(id, x -> x.increment("rank").set("city", "Oslo").addToSet("tags", "admin"));
 * User.find.update(id, x -> x.decrement("credits", 5).remove("nickname"));
 * User.find.upsert(id, x -> x.setIfNotExists("joinedAt", Instant.now()).increment("visits"));
 * User.find.update(Key.of(id), WriteCondition.where("credits.gte", 5), x -> x.decrement("credits", 5));
 * Post.find.update(postId, x -> x.append("comments", "first!").removeFromSet("tags", "draft"));
 * }</pre>
 *
 * <table>
 *   <caption>Operations</caption>
 *   <tr><th>Method</th><th>DynamoDB</th><th>Fields</th></tr>
 *   <tr><td>{@code set(f, v)}</td><td>{@code SET f = v} ({@code REMOVE f} when v is null)</td><td>any</td></tr>
 *   <tr><td>{@code setIfNotExists(f, v)}</td><td>{@code SET f = if_not_exists(f, v)}</td><td>any</td></tr>
 *   <tr><td>{@code add}, {@code increment}, {@code decrement}</td><td>{@code ADD f n} (a missing f counts as 0)</td><td>numbers</td></tr>
 *   <tr><td>{@code addToSet(f, e...)} / {@code removeFromSet(f, e...)}</td><td>{@code ADD f {e}} / {@code DELETE f {e}}</td><td>sets (SS, NS, BS)</td></tr>
 *   <tr><td>{@code remove(f)}</td><td>{@code REMOVE f}</td><td>any</td></tr>
 *   <tr><td>{@code append(f, e...)} / {@code prepend(f, e...)}</td><td>{@code SET f = list_append(if_not_exists(f, []), [e])}</td><td>lists and arrays</td></tr>
 * </table>
 *
 * <p>Fields are named by Java field or attribute name. Every call is checked at once against the
 * model's schema, so a mistake is an exception before any request: an undeclared field is an
 * {@link UnknownAttributeException}; a key field an {@link InvalidKeyException} (keys cannot
 * change); an operation the field's type does not support, a field changed twice (DynamoDB refuses
 * overlapping paths) or {@code createdAt} / {@code updatedAt} (kept by Dynarecord) an
 * {@link InvalidUpdateException}; a value of the wrong type a {@link ConversionException}.
 *
 * <p>Validations and callbacks do not run: no record is loaded. An update is built for one call and
 * is not thread-safe.
 */
public final class Update {

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

    /**
     * One checked change, its value already in DynamoDB form.
     *
     * @param kind what it does
     * @param attribute the attribute's name in DynamoDB
     * @param field the Java field's name, for messages
     * @param value the value (a number, a set of elements, a list of elements), or null for REMOVE
     */
    public record Action(Kind kind, String attribute, String field, AttributeValue value) {

        /**
         * @param kind what it does
         * @param attribute the attribute's name in DynamoDB
         * @param field the Java field's name
         * @param value the value, or null for REMOVE
         */
        public Action {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(field, "field");
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
                case L -> v.l().stream().map(Action::show).collect(Collectors.joining(", ", "[", "]"));
                default -> v.type().toString();
            };
        }
    }

    private final ModelSchema<?> schema;
    private final Map<String, Action> actions = new LinkedHashMap<>();

    /**
     * An empty update of one model. The finders make them; build one yourself only to check
     * changes without sending them.
     *
     * @param schema the model's schema, which every change is checked against
     */
    public Update(ModelSchema<?> schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * Sets a field; {@code null} removes the attribute (nulls are never stored), as does an empty set.
     *
     * @param field the Java field or attribute name
     * @param value the new value, of the field's type (numbers are widened where nothing is lost)
     * @return this update
     */
    public Update set(String field, Object value) {
        AttributeSchema a = attribute(field, "set");
        AttributeValue converted = value == null ? null : a.toAttributeValue(a.coerce(value));
        return put(a, converted == null ? Kind.REMOVE : Kind.SET, converted);
    }

    /**
     * Sets a field unless the item already has it ({@code if_not_exists}).
     *
     * @param field the Java field or attribute name
     * @param value the value, not null
     * @return this update
     */
    public Update setIfNotExists(String field, Object value) {
        AttributeSchema a = attribute(field, "setIfNotExists");
        if (value == null) {
            throw new InvalidUpdateException(where(a) + ": setIfNotExists(\"" + field + "\", null) would store nothing;"
                    + " give a value, or use remove(\"" + field + "\")");
        }
        AttributeValue converted = a.toAttributeValue(a.coerce(value));
        if (converted == null) {
            throw new InvalidUpdateException(where(a) + ": setIfNotExists(\"" + field + "\", " + value + ") would store"
                    + " nothing (DynamoDB stores no empty sets); give at least one element");
        }
        return put(a, Kind.SET_IF_NOT_EXISTS, converted);
    }

    /**
     * Adds to a number field atomically ({@code ADD}); an item without the attribute counts it as 0.
     *
     * @param field the Java field or attribute name of a number field
     * @param by the amount, of a type the field can hold (an {@code int} field takes no 0.5)
     * @return this update
     */
    public Update add(String field, Number by) {
        AttributeSchema a = numberAttribute(field, "add");
        return put(a, Kind.ADD, amount(a, by, false));
    }

    /**
     * Adds 1 to a number field atomically.
     *
     * @param field the Java field or attribute name of a number field
     * @return this update
     */
    public Update increment(String field) {
        return increment(field, 1);
    }

    /**
     * Adds to a number field atomically.
     *
     * @param field the Java field or attribute name of a number field
     * @param by the amount
     * @return this update
     */
    public Update increment(String field, Number by) {
        AttributeSchema a = numberAttribute(field, "increment");
        return put(a, Kind.ADD, amount(a, by, false));
    }

    /**
     * Subtracts 1 from a number field atomically.
     *
     * @param field the Java field or attribute name of a number field
     * @return this update
     */
    public Update decrement(String field) {
        return decrement(field, 1);
    }

    /**
     * Subtracts from a number field atomically (an {@code ADD} of the negated amount).
     *
     * @param field the Java field or attribute name of a number field
     * @param by the amount to subtract
     * @return this update
     */
    public Update decrement(String field, Number by) {
        AttributeSchema a = numberAttribute(field, "decrement");
        return put(a, Kind.ADD, amount(a, by, true));
    }

    /**
     * Adds elements to a set field ({@code ADD}); elements already there stay once.
     *
     * @param field the Java field or attribute name of a set field
     * @param elements at least one element, of the set's element type
     * @return this update
     */
    public Update addToSet(String field, Object... elements) {
        AttributeSchema a = setAttribute(field, "addToSet");
        return put(a, Kind.ADD, setOf(a, "addToSet", elements));
    }

    /**
     * Removes elements from a set field ({@code DELETE}); elements not there are ignored. DynamoDB
     * removes the attribute when the set becomes empty.
     *
     * @param field the Java field or attribute name of a set field
     * @param elements at least one element, of the set's element type
     * @return this update
     */
    public Update removeFromSet(String field, Object... elements) {
        AttributeSchema a = setAttribute(field, "removeFromSet");
        return put(a, Kind.DELETE, setOf(a, "removeFromSet", elements));
    }

    /**
     * Removes an attribute ({@code REMOVE}): the field reads as null (or its zero, or its default).
     *
     * @param field the Java field or attribute name
     * @return this update
     */
    public Update remove(String field) {
        return put(attribute(field, "remove"), Kind.REMOVE, null);
    }

    /**
     * Appends elements to a list (or array) field; a missing attribute starts as an empty list.
     *
     * @param field the Java field or attribute name of a list field
     * @param elements at least one element, of the list's element type
     * @return this update
     */
    public Update append(String field, Object... elements) {
        AttributeSchema a = listAttribute(field, "append");
        return put(a, Kind.APPEND, listOf(a, "append", elements));
    }

    /**
     * Puts elements in front of a list (or array) field, in the order given; a missing attribute
     * starts as an empty list.
     *
     * @param field the Java field or attribute name of a list field
     * @param elements at least one element, of the list's element type
     * @return this update
     */
    public Update prepend(String field, Object... elements) {
        AttributeSchema a = listAttribute(field, "prepend");
        return put(a, Kind.PREPEND, listOf(a, "prepend", elements));
    }

    /** @return the model's schema */
    public ModelSchema<?> schema() {
        return schema;
    }

    /** @return the checked changes, in the order given */
    public List<Action> actions() {
        return List.copyOf(actions.values());
    }

    /** @return whether no change was given */
    public boolean isEmpty() {
        return actions.isEmpty();
    }

    @Override
    public String toString() {
        return schema.modelName() + " update " + actions.values();
    }

    // ---------------------------------------------------------------------------------------------

    private Update put(AttributeSchema a, Kind kind, AttributeValue value) {
        if (actions.containsKey(a.name())) {
            throw new InvalidUpdateException(where(a) + " is changed twice in one update (" + actions.get(a.name()) + ", then "
                    + new Action(kind, a.name(), a.fieldName(), value) + "); DynamoDB refuses overlapping paths, so change"
                    + " each field once");
        }
        actions.put(a.name(), new Action(kind, a.name(), a.fieldName(), value));
        return this;
    }

    private AttributeSchema attribute(String field, String operation) {
        if (field == null || field.isBlank()) {
            throw new UnknownAttributeException(schema.modelName() + ": " + operation + "(...) needs a field name; "
                    + schema.modelName() + " declares " + fieldNames());
        }
        AttributeSchema a = schema.attributeOrField(field).orElseThrow(() -> new UnknownAttributeException(schema.modelName()
                + " has no field '" + field + "' to " + operation + "; it declares " + fieldNames()));
        if (a.keyRole() != KeyRole.NONE) {
            throw new InvalidKeyException(where(a) + " is the " + (a.keyRole() == KeyRole.HASH ? "hash" : "range")
                    + " key; keys cannot change (DynamoDB has no key updates): create a record with the new key and"
                    + " delete the old one");
        }
        if (schema.createdAt().filter(a::equals).isPresent() || schema.updatedAt().filter(a::equals).isPresent()) {
            throw new InvalidUpdateException(where(a) + " is kept by Dynarecord (set on create and on every update);"
                    + " it cannot be changed by an update");
        }
        return a;
    }

    private AttributeSchema numberAttribute(String field, String operation) {
        AttributeSchema a = attribute(field, operation);
        if (a.attributeType() != AttributeType.N || !Number.class.isAssignableFrom(a.javaType())) {
            throw new InvalidUpdateException(where(a) + " holds " + a.genericType().getTypeName() + " (stored as "
                    + a.attributeType() + "), not a number; " + operation + " works on number fields only, use set(\""
                    + field + "\", value) instead");
        }
        return a;
    }

    private AttributeSchema setAttribute(String field, String operation) {
        AttributeSchema a = attribute(field, operation);
        AttributeType t = a.attributeType();
        if (t != AttributeType.SS && t != AttributeType.NS && t != AttributeType.BS) {
            throw new InvalidUpdateException(where(a) + " holds " + a.genericType().getTypeName() + " (stored as " + t
                    + "), not a set; " + operation + " works on set fields only (Set<String>, Set<Long>...)"
                    + (t == AttributeType.L ? ", use append/prepend for lists" : ""));
        }
        return a;
    }

    private AttributeSchema listAttribute(String field, String operation) {
        AttributeSchema a = attribute(field, operation);
        if (a.attributeType() != AttributeType.L) {
            throw new InvalidUpdateException(where(a) + " holds " + a.genericType().getTypeName() + " (stored as "
                    + a.attributeType() + "), not a list; " + operation + " works on list and array fields only"
                    + (a.attributeType() == AttributeType.SS || a.attributeType() == AttributeType.NS
                            || a.attributeType() == AttributeType.BS ? ", use addToSet/removeFromSet for sets" : ""));
        }
        return a;
    }

    private AttributeValue amount(AttributeSchema a, Number by, boolean negate) {
        if (by == null) {
            throw new InvalidUpdateException(where(a) + ": the amount is null; give a number");
        }
        AttributeValue n = a.toAttributeValue(a.coerce(by));
        if (!negate) {
            return n;
        }
        BigDecimal value = new BigDecimal(n.n());
        if (value.signum() == 0) {
            return n;
        }
        // Negated as a number in DynamoDB form: a Long.MIN_VALUE amount still negates exactly.
        return AttributeValue.fromN(value.negate().toString());
    }

    private AttributeValue setOf(AttributeSchema a, String operation, Object[] elements) {
        List<AttributeValue> converted = elements(a, operation, elements);
        AttributeType t = a.attributeType();
        if (t == AttributeType.BS) {
            Set<SdkBytes> seen = new HashSet<>();
            List<SdkBytes> bs = new ArrayList<>();
            for (AttributeValue v : converted) {
                if (seen.add(v.b())) {
                    bs.add(v.b());
                }
            }
            return AttributeValue.fromBs(bs);
        }
        if (t == AttributeType.NS) {
            // DynamoDB refuses duplicates in a set value, and 1 and 1.0 are the same number there.
            Set<BigDecimal> seen = new HashSet<>();
            List<String> ns = new ArrayList<>();
            for (AttributeValue v : converted) {
                if (seen.add(new BigDecimal(v.n()).stripTrailingZeros())) {
                    ns.add(v.n());
                }
            }
            return AttributeValue.fromNs(ns);
        }
        List<String> ss = new ArrayList<>();
        for (AttributeValue v : converted) {
            if (!ss.contains(v.s())) {
                ss.add(v.s());
            }
        }
        return AttributeValue.fromSs(ss);
    }

    private AttributeValue listOf(AttributeSchema a, String operation, Object[] elements) {
        return AttributeValue.fromL(elements(a, operation, elements));
    }

    private List<AttributeValue> elements(AttributeSchema a, String operation, Object[] elements) {
        if (elements == null || elements.length == 0) {
            throw new InvalidUpdateException(where(a) + ": " + operation + " needs at least one element");
        }
        List<AttributeValue> out = new ArrayList<>(elements.length);
        for (Object e : elements) {
            out.add(a.elementToAttributeValue(e));
        }
        return out;
    }

    private String where(AttributeSchema a) {
        return schema.modelName() + "." + a.fieldName();
    }

    private List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (AttributeSchema a : schema.attributes()) {
            names.add(a.fieldName());
        }
        Collections.sort(names);
        return names;
    }
}
