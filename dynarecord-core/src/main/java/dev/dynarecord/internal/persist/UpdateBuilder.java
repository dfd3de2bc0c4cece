package dev.dynarecord.internal.persist;

import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.UnknownAttributeException;
import dev.dynarecord.internal.dynamo.UpdateAction;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.DocumentPaths;
import dev.dynarecord.internal.schema.KeyRole;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.types.AttributeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@link Update} the finders hand to a lambda: every change checked against the model's schema at once. */
public final class UpdateBuilder implements Update {

    private final ModelSchema<?> schema;
    private final Map<String, UpdateAction> actions = new LinkedHashMap<>();
    /** The encoded path of each place inside a document this update changes ({@code home.city}). */
    private final Map<AttributeSchema, String> paths = new java.util.IdentityHashMap<>();

    /**
     * An empty update of one model. The finders make them; build one yourself only to check
     * changes without sending them.
     *
     * @param schema the model's schema, which every change is checked against
     */
    public UpdateBuilder(ModelSchema<?> schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * Sets a field; {@code null} removes the attribute (nulls are never stored), as does an empty set.
     *
     * @param field the Java field or attribute name
     * @param value the new value, of the field's type (numbers are widened where nothing is lost)
     * @return this update
     */
    @Override
    public Update set(String field, Object value) {
        AttributeSchema a = attribute(field, "set");
        AttributeValue converted = value == null ? null : converted(a, value);
        return put(a, converted == null ? UpdateAction.Kind.REMOVE : UpdateAction.Kind.SET, converted);
    }

    /**
     * Sets a field unless the item already has it ({@code if_not_exists}).
     *
     * @param field the Java field or attribute name
     * @param value the value, not null
     * @return this update
     */
    @Override
    public Update setIfNotExists(String field, Object value) {
        AttributeSchema a = attribute(field, "setIfNotExists");
        if (value == null) {
            throw new InvalidUpdateException(where(a) + ": setIfNotExists(\"" + field + "\", null) would store nothing;"
                    + " give a value, or use remove(\"" + field + "\")");
        }
        AttributeValue converted = converted(a, value);
        if (converted == null) {
            throw new InvalidUpdateException(where(a) + ": setIfNotExists(\"" + field + "\", " + value + ") would store"
                    + " nothing (DynamoDB stores no empty sets); give at least one element");
        }
        return put(a, UpdateAction.Kind.SET_IF_NOT_EXISTS, converted);
    }

    /**
     * Adds to a number field atomically ({@code ADD}); an item without the attribute counts it as 0.
     *
     * @param field the Java field or attribute name of a number field
     * @param by the amount, of a type the field can hold (an {@code int} field takes no 0.5)
     * @return this update
     */
    @Override
    public Update add(String field, Number by) {
        AttributeSchema a = numberAttribute(field, "add");
        return put(a, UpdateAction.Kind.ADD, amount(a, by, false));
    }

    /**
     * Adds 1 to a number field atomically.
     *
     * @param field the Java field or attribute name of a number field
     * @return this update
     */
    @Override
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
    @Override
    public Update increment(String field, Number by) {
        AttributeSchema a = numberAttribute(field, "increment");
        return put(a, UpdateAction.Kind.ADD, amount(a, by, false));
    }

    /**
     * Subtracts 1 from a number field atomically.
     *
     * @param field the Java field or attribute name of a number field
     * @return this update
     */
    @Override
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
    @Override
    public Update decrement(String field, Number by) {
        AttributeSchema a = numberAttribute(field, "decrement");
        return put(a, UpdateAction.Kind.ADD, amount(a, by, true));
    }

    /**
     * Adds elements to a set field ({@code ADD}); elements already there stay once.
     *
     * @param field the Java field or attribute name of a set field
     * @param elements at least one element, of the set's element type
     * @return this update
     */
    @Override
    public Update addToSet(String field, Object... elements) {
        AttributeSchema a = setAttribute(field, "addToSet");
        return put(a, UpdateAction.Kind.ADD, setOf(a, "addToSet", elements));
    }

    /**
     * Removes elements from a set field ({@code DELETE}); elements not there are ignored. DynamoDB
     * removes the attribute when the set becomes empty.
     *
     * @param field the Java field or attribute name of a set field
     * @param elements at least one element, of the set's element type
     * @return this update
     */
    @Override
    public Update removeFromSet(String field, Object... elements) {
        AttributeSchema a = setAttribute(field, "removeFromSet");
        return put(a, UpdateAction.Kind.DELETE, setOf(a, "removeFromSet", elements));
    }

    /**
     * Removes an attribute ({@code REMOVE}): the field reads as null (or its zero, or its default).
     *
     * @param field the Java field or attribute name
     * @return this update
     */
    @Override
    public Update remove(String field) {
        return put(attribute(field, "remove"), UpdateAction.Kind.REMOVE, null);
    }

    /**
     * Appends elements to a list (or array) field; a missing attribute starts as an empty list.
     *
     * @param field the Java field or attribute name of a list field
     * @param elements at least one element, of the list's element type
     * @return this update
     */
    @Override
    public Update append(String field, Object... elements) {
        AttributeSchema a = listAttribute(field, "append");
        return put(a, UpdateAction.Kind.APPEND, listOf(a, "append", elements));
    }

    /**
     * Puts elements in front of a list (or array) field, in the order given; a missing attribute
     * starts as an empty list.
     *
     * @param field the Java field or attribute name of a list field
     * @param elements at least one element, of the list's element type
     * @return this update
     */
    @Override
    public Update prepend(String field, Object... elements) {
        AttributeSchema a = listAttribute(field, "prepend");
        return put(a, UpdateAction.Kind.PREPEND, listOf(a, "prepend", elements));
    }

    /** @return the model's schema */
    public ModelSchema<?> schema() {
        return schema;
    }

    /** @return the checked changes, in the order given */
    public List<UpdateAction> actions() {
        return List.copyOf(actions.values());
    }

    @Override
    public boolean isEmpty() {
        return actions.isEmpty();
    }

    @Override
    public String toString() {
        return schema.modelName() + " update " + actions.values();
    }

    // ---------------------------------------------------------------------------------------------

    private Update put(AttributeSchema a, UpdateAction.Kind kind, AttributeValue value) {
        String name = paths.getOrDefault(a, a.name());
        UpdateAction action = new UpdateAction(kind, name, a.fieldName(), value);
        for (Map.Entry<String, UpdateAction> e : actions.entrySet()) {
            if (overlap(e.getKey(), name)) {
                throw new InvalidUpdateException(where(a) + " is changed twice in one update (" + e.getValue() + ", then "
                        + action + "); DynamoDB refuses overlapping paths, so change each field once");
            }
        }
        actions.put(name, action);
        return this;
    }

    /** The same attribute, or a document path inside the other ({@code home} and {@code home.city}). */
    private static boolean overlap(String a, String b) {
        return a.equals(b) || a.startsWith(b + '\u001F') || b.startsWith(a + '\u001F');
    }

    private AttributeSchema attribute(String field, String operation) {
        if (field == null || field.isBlank()) {
            throw new UnknownAttributeException(schema.modelName() + ": " + operation + "(...) needs a field name; "
                    + schema.modelName() + " declares " + fieldNames());
        }
        Optional<DocumentPaths.DocumentPath> path = schema.attributeOrField(field).isPresent() ? Optional.empty()
                : DocumentPaths.resolve(schema, field);
        path.ifPresent(p -> paths.put(p.leaf(), p.encoded()));
        AttributeSchema a = schema.attributeOrField(field).or(() -> path.map(DocumentPaths.DocumentPath::leaf))
                .orElseThrow(() -> new UnknownAttributeException(schema.modelName()
                + " has no field '" + field + "' to " + operation + "; it declares " + fieldNames()));
        if (a.keyRole() != KeyRole.NONE) {
            throw new InvalidKeyException(where(a) + " is the " + (a.keyRole() == KeyRole.HASH ? "hash" : "range")
                    + " key; keys cannot change (DynamoDB has no key updates): create a record with the new key and"
                    + " delete the old one");
        }
        if (schema.isDiscriminator(a)) {
            throw new InvalidUpdateException(where(a) + " is " + Assignment.DISCRIMINATOR);
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

    /** A new value, converted as a save converts it (a map or list checked), and checked as a key of the indexes over it. */
    private AttributeValue converted(AttributeSchema a, Object value) {
        AttributeValue converted = a.toAttributeValue(a.coerce(value));
        if (converted != null) {
            schema.checkIndexKeys(a, converted);
        }
        return converted;
    }

    /** The elements as a list, checked as the stored list holds them: one level deeper than each element. */
    private AttributeValue listOf(AttributeSchema a, String operation, Object[] elements) {
        return a.checkDocument(AttributeValue.fromL(elements(a, operation, elements)));
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
