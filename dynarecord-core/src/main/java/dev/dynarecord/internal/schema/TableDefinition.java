package dev.dynarecord.internal.schema;

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
 * @param options TTL, stream and point-in-time recovery
 */
public record TableDefinition(String baseName, KeyAttribute hashKey, Optional<KeyAttribute> rangeKey,
        long readCapacity, long writeCapacity, List<IndexSchema> indexes, TableOptions options) {

    /** Makes the index list immutable. */
    public TableDefinition {
        indexes = List.copyOf(indexes);
    }

    /**
     * A table without TTL, stream or point-in-time recovery options.
     *
     * @param baseName the table name without namespace or suffix
     * @param hashKey the hash key attribute
     * @param rangeKey the range key attribute, if any
     * @param readCapacity the model's own read capacity, or 0 for the configured default
     * @param writeCapacity the model's own write capacity, or 0 for the configured default
     * @param indexes the secondary indexes, local ones first
     */
    public TableDefinition(String baseName, KeyAttribute hashKey, Optional<KeyAttribute> rangeKey, long readCapacity,
            long writeCapacity, List<IndexSchema> indexes) {
        this(baseName, hashKey, rangeKey, readCapacity, writeCapacity, indexes, TableOptions.NONE);
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

    /** The join table's attribute holding the key of the record on the first side of a link. */
    public static final String JOIN_LEFT = "left";
    /** The join table's attribute holding the key of the record on the second side of a link. */
    public static final String JOIN_RIGHT = "right";
    /** The join table's index for reading links from the second side. */
    public static final String JOIN_INDEX = "right_index";

    /**
     * A has-and-belongs-to-many join table: one item per link, keyed by both records' keys (as text),
     * with an index that reads the links from the other side.
     *
     * @param baseName the table name without namespace or suffix
     * @return the definition
     */
    public static TableDefinition joinTable(String baseName) {
        AttributeSchema left = AttributeSchema.joinKey(JOIN_LEFT);
        AttributeSchema right = AttributeSchema.joinKey(JOIN_RIGHT);
        IndexSchema inverse = new IndexSchema(JOIN_INDEX, IndexSchema.Kind.GLOBAL, right, JOIN_RIGHT, Optional.of(left),
                dev.dynarecord.annotation.Projection.KEYS_ONLY, List.of(), 0, 0, 0);
        return new TableDefinition(baseName, new KeyAttribute(JOIN_LEFT, AttributeType.S),
                Optional.of(new KeyAttribute(JOIN_RIGHT, AttributeType.S)), 0, 0, List.of(inverse));
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
