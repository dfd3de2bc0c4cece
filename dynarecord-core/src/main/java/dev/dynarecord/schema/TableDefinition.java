package dev.dynarecord.schema;

import dev.dynarecord.types.AttributeType;
import java.util.Optional;

/**
 * What CreateTable needs to know about a model's table, before namespace and billing are applied.
 *
 * @param baseName the table name without namespace or suffix
 * @param hashKey the hash key attribute
 * @param rangeKey the range key attribute, if any
 * @param readCapacity the model's own read capacity, or 0 for the configured default
 * @param writeCapacity the model's own write capacity, or 0 for the configured default
 */
public record TableDefinition(String baseName, KeyAttribute hashKey, Optional<KeyAttribute> rangeKey,
        long readCapacity, long writeCapacity) {

    /**
     * A key attribute of a table.
     *
     * @param name the attribute name
     * @param type its scalar type: S, N or B
     */
    public record KeyAttribute(String name, AttributeType type) {
    }
}
