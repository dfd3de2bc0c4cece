package dev.dynarecord.internal.persist;

import dev.dynarecord.Model;
import dev.dynarecord.exception.ProtectedAttributeException;
import dev.dynarecord.exception.UnknownAttributeException;
import dev.dynarecord.internal.convert.AttributeValues;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.KeyRole;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Schemas;
import dev.dynarecord.internal.state.SessionState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A checked, converted mass assignment, ready to apply: what {@code Model.assign(Map)} builds.
 * Building it checks every key (declared, not protected unless permitted) and converts every value
 * ({@link AttributeValues}); only then does {@link #applyTo(Object)} set the fields, which cannot
 * fail half-way. So on any error nothing is assigned.
 *
 * <p>Protected without annotation: the table's hash and range keys, {@code createdAt},
 * {@code updatedAt} and the lock version attribute; with it: fields marked {@code @Protected}.
 *
 * <pre>{@code
 * Assignment.of(schema, Map.of("name", "Ada", "admin", true), Set.of("lockVersion"), "admin").applyTo(user);
 * }</pre>
 */
public final class Assignment {

    /** Why the discriminator of a single-table hierarchy cannot be assigned, permitted or not. */
    public static final String DISCRIMINATOR = "the discriminator of a single-table hierarchy, kept by Dynarecord: the record's"
            + " class decides it; build an instance of the class you want instead";


    private final List<AttributeSchema> attributes;
    private final List<Object> values;

    private Assignment(List<AttributeSchema> attributes, List<Object> values) {
        this.attributes = attributes;
        this.values = values;
    }

    /**
     * Mass-assigns a record as its session allows: the protected names include the lock version
     * attribute of the model and of the session.
     */
    public static void assign(SessionState session, Model<?> record, Map<String, ?> attributes, String... permitted) {
        ModelSchema<?> schema = Schemas.structure(record.getClass());
        Set<String> lockNames = new HashSet<>();
        lockNames.add("lockVersion");
        if (!session.config().lockVersion().isEmpty()) {
            lockNames.add(session.config().lockVersion());
        }
        schema.lockVersionName().ifPresent(lockNames::add);
        session.lockVersionName(schema).ifPresent(lockNames::add);
        of(schema, attributes, lockNames, permitted).applyTo(record);
    }

    /**
     * Checks and converts a mass assignment.
     *
     * @param schema the model's schema
     * @param input field or attribute names to untyped values (a parsed JSON body)
     * @param lockVersionNames the names of the lock version attribute, refused whether or not locking is on
     * @param permitted protected field or attribute names the caller allows
     * @return the assignment
     * @throws UnknownAttributeException when a key is not a declared field or attribute
     * @throws ProtectedAttributeException when a key is protected and not permitted
     * @throws dev.dynarecord.exception.ConversionException when a value cannot be converted to its field's type
     * @throws IllegalArgumentException when two keys name the same field (its field and its attribute name)
     */
    public static Assignment of(ModelSchema<?> schema, Map<String, ?> input, Collection<String> lockVersionNames,
            String... permitted) {
        Objects.requireNonNull(input, "attributes");
        Set<String> allowed = Set.copyOf(Arrays.asList(permitted));
        List<String> unknown = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> permittable = new ArrayList<>();
        Map<AttributeSchema, String> resolved = new LinkedHashMap<>();
        for (String key : input.keySet()) {
            AttributeSchema a = key == null ? null : schema.attributeOrField(key).orElse(null);
            if (a == null) {
                if (key != null && lockVersionNames.contains(key)) {
                    refused.add("'" + key + "' (the lock version, kept by Dynarecord: it cannot be assigned)");
                } else {
                    unknown.add("'" + key + "'");
                }
                continue;
            }
            String other = resolved.putIfAbsent(a, key);
            if (other != null) {
                throw new IllegalArgumentException(schema.modelName() + ": the keys '" + other + "' and '" + key
                        + "' both name " + a.fieldName() + "; pass one of them");
            }
            if (schema.isDiscriminator(a)) {
                refused.add("'" + key + "' (" + DISCRIMINATOR + ")");
                continue;
            }
            String reason = protection(schema, a, lockVersionNames);
            if (reason != null && !allowed.contains(key) && !allowed.contains(a.name()) && !allowed.contains(a.fieldName())) {
                refused.add("'" + key + "' (" + reason + ")");
                permittable.add("\"" + key + "\"");
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownAttributeException(schema.modelName() + " has no field " + String.join(", ", unknown)
                    + "; nothing was assigned. Declared fields are " + declared(schema));
        }
        if (!refused.isEmpty()) {
            throw new ProtectedAttributeException(schema.modelName() + ": " + String.join(", ", refused)
                    + (refused.size() == 1 ? " is" : " are") + " protected from mass assignment; nothing was assigned."
                    + " Leave " + (refused.size() == 1 ? "it" : "them") + " out of the map"
                    + (permittable.isEmpty() ? "" : ", or permit by name where the value is trusted: assign(map, "
                            + String.join(", ", permittable) + ")"));
        }
        List<AttributeSchema> attributes = new ArrayList<>(resolved.size());
        List<Object> values = new ArrayList<>(resolved.size());
        for (Map.Entry<AttributeSchema, String> e : resolved.entrySet()) {
            attributes.add(e.getKey());
            values.add(AttributeValues.convert(schema, e.getKey(), input.get(e.getValue())));
        }
        return new Assignment(attributes, values);
    }

    /**
     * Sets every assigned field.
     *
     * @param model the model instance
     */
    public void applyTo(Object model) {
        for (int i = 0; i < attributes.size(); i++) {
            attributes.get(i).set(model, values.get(i));
        }
    }

    /** Sets one field by field or attribute name, converting the value as mass assignment does. */
    public static void write(ModelSchema<?> schema, Object record, String name, Object value) {
        AttributeSchema attribute = attribute(schema, name);
        if (schema.isDiscriminator(attribute)) {
            throw new ProtectedAttributeException(schema.modelName() + ": '" + name + "' is " + DISCRIMINATOR);
        }
        attribute.set(record, AttributeValues.convert(schema, attribute, value));
    }

    /**
     * Finds a declared attribute by field or attribute name, or says which exist.
     *
     * @param schema the model's schema
     * @param name a field or attribute name
     * @return the attribute
     * @throws UnknownAttributeException when the model declares neither
     */
    public static AttributeSchema attribute(ModelSchema<?> schema, String name) {
        return schema.attributeOrField(name).orElseThrow(() -> new UnknownAttributeException(schema.modelName()
                + " has no field '" + name + "'; declared fields are " + declared(schema)));
    }

    /**
     * Every declared attribute's current value, by attribute name, in declaration order (nulls included).
     *
     * @param schema the model's schema
     * @param model the model instance
     * @return an unmodifiable map
     */
    public static Map<String, Object> toMap(ModelSchema<?> schema, Object model) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (AttributeSchema a : schema.attributes()) {
            map.put(a.name(), a.get(model));
        }
        return Collections.unmodifiableMap(map);
    }

    private static String protection(ModelSchema<?> schema, AttributeSchema a, Collection<String> lockVersionNames) {
        if (a.keyRole() == KeyRole.HASH) {
            return "the hash key";
        } else if (a.keyRole() == KeyRole.RANGE) {
            return "the range key";
        } else if (schema.createdAt().filter(a::equals).isPresent() || schema.updatedAt().filter(a::equals).isPresent()) {
            return "a timestamp, kept by Dynarecord";
        } else if (lockVersionNames.contains(a.name()) || lockVersionNames.contains(a.fieldName())) {
            return "the lock version";
        } else if (a.isProtected()) {
            return "@Protected";
        }
        return null;
    }

    private static List<String> declared(ModelSchema<?> schema) {
        return schema.attributes().stream()
                .map(a -> a.name().equals(a.fieldName()) ? a.fieldName() : a.fieldName() + " (attribute " + a.name() + ")")
                .toList();
    }
}
