package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.UnknownAttributeException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what a {@link ModelSchema} declares by name: its attributes (by DynamoDB name or Java field
 * name), secondary indexes and associations. Immutable and thread-safe.
 */
final class NameLookup {

    private final String modelName;
    private final AttributeSchema[] attributes;
    private final Map<String, AttributeSchema> byName;
    private final List<IndexSchema> indexes;
    private final List<AssociationSchema> associations;

    /**
     * @param modelName the model's name, for messages
     * @param attributes every persisted attribute
     * @param indexes the secondary indexes
     * @param associations the associations
     */
    NameLookup(String modelName, AttributeSchema[] attributes, List<IndexSchema> indexes, List<AssociationSchema> associations) {
        this.modelName = modelName;
        this.attributes = attributes;
        this.byName = new HashMap<>();
        for (AttributeSchema a : attributes) {
            byName.put(a.name(), a);
        }
        this.indexes = indexes;
        this.associations = associations;
    }

    /**
     * Finds an attribute by its DynamoDB name.
     *
     * @param name the attribute name
     * @return the attribute, if declared
     */
    Optional<AttributeSchema> attribute(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Finds an attribute by name, or says which ones exist.
     *
     * @param name the attribute name
     * @return the attribute
     * @throws UnknownAttributeException when the model does not declare it
     */
    AttributeSchema attributeOrThrow(String name) {
        AttributeSchema a = byName.get(name);
        if (a == null) {
            throw new UnknownAttributeException(modelName + " has no attribute '" + name + "'; declared attributes are "
                    + byName.keySet().stream().sorted().toList());
        }
        return a;
    }

    /**
     * Finds an attribute by DynamoDB name or, failing that, by Java field name.
     *
     * @param name the attribute or field name
     * @return the attribute, if declared
     */
    Optional<AttributeSchema> attributeOrField(String name) {
        AttributeSchema a = byName.get(name);
        if (a != null) {
            return Optional.of(a);
        }
        for (AttributeSchema candidate : attributes) {
            if (candidate.fieldName().equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds a secondary index by name.
     *
     * @param name the index name
     * @return the index, if declared
     */
    Optional<IndexSchema> index(String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * Finds an association by its field name.
     *
     * @param name the association's field name
     * @return the association, if declared
     */
    Optional<AssociationSchema> association(String name) {
        for (AssociationSchema a : associations) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
