package dev.dynarecord.schema;

import dev.dynarecord.types.AttributeType;
import java.util.List;
import java.util.Optional;

/**
 * What CreateTable needs to know about a model's table, before namespace and billing are applied.
 *
 * @param baseName the table name without namespace or suffix
 * @param hashKey the hash key attribute
 * @param rangeKey the range key attribute, if any
 * @param readCapacity the model's own read capacity, or 0 for the configured default
 * @param writeCapacity the model's own write capacity, or 0 for the configured default
 * @param indexes the secondary indexes, local ones first (as {@link ModelSchema#indexes()})
 */
public record TableDefinition(String baseName, KeyAttribute hashKey, Optional<KeyAttribute> rangeKey,
        long readCapacity, long writeCapacity, List<IndexSchema> indexes) {

    /** Makes the index list immutable. */
    public TableDefinition {
        indexes = List.copyOf(indexes);
    }

    /**
     * A table without secondary indexes.
     *
     * @param baseName the table name without namespace or suffix
     * @param hashKey the hash key attribute
     * @param rangeKey the range key attribute, if any
     * @param readCapacity the model's own read capacity, or 0 for the configured default
     * @param writeCapacity the model's own write capacity, or 0 for the configured default
     */
    public TableDefinition(String baseName, KeyAttribute hashKey, Optional<KeyAttribute> rangeKey, long readCapacity,
            long writeCapacity) {
        this(baseName, hashKey, rangeKey, readCapacity, writeCapacity, List.of());
    }

    /**
     * The attribute an index key is stored in: the shard attribute of a sharded range index is a number.
     *
     * @param index one of this table's indexes
     * @return its hash key attribute
     */
    public static KeyAttribute indexHashKey(IndexSchema index) {
        return new KeyAttribute(index.hashKeyName(), index.hashKey() == null ? AttributeType.N : index.hashKey().attributeType());
    }

    /**
     * @param index one of this table's indexes
     * @return its range key attribute, if any
     */
    public static Optional<KeyAttribute> indexRangeKey(IndexSchema index) {
        return index.rangeKey().map(r -> new KeyAttribute(r.name(), r.attributeType()));
    }

    /**
     * A key attribute of a table.
     *
     * @param name the attribute name
     * @param type its scalar type: S, N or B
     */
    public record KeyAttribute(String name, AttributeType type) {
    }
}
