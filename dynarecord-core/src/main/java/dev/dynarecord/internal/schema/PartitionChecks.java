package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.types.AttributeType;

/** Which models can be partitioned (docs/partitioning.md), checked when a schema is built. */
final class PartitionChecks {

    /** The most copies a partitioned record may have: a read by key fetches every one. */
    static final int MAX_PARTITIONS = 1000;

    private PartitionChecks() {
    }

    /** A partitioned model must be one whose copies can be written, read and told apart soundly (docs/partitioning.md). */
    static void check(ModelSchema<?> schema, Table table) {
        if (table != null && table.partitionSize() != 0 && (table.partitionSize() < 1 || table.partitionSize() > MAX_PARTITIONS)) {
            throw define(schema, "has @Table(partitionSize = " + table.partitionSize() + "); give 1 to " + MAX_PARTITIONS
                    + " copies, or 0 for the session's");
        }
        if (!schema.partitioned()) {
            return;
        }
        String off = " Turn partitioning off for it with @Table(partitioning = Partitioning.OFF).";
        if (schema.rangeKey().isPresent()) {
            throw define(schema, "is partitioned but has a range key: a partitioned record is read by its hash key's copies alone,"
                    + " so only hash-key models (which have no local indexes either) can be partitioned." + off);
        }
        if (schema.hashKey().attributeType() != AttributeType.S || !schema.generatesHashKey()) {
            throw define(schema, "is partitioned but its hash key " + schema.hashKey().fieldName() + " is not a generated String or UUID"
                    + " key: copies are stored as '<id>.<copy>', and only a generated id is known to be unique across them."
                    + off);
        }
        if (schema.discriminator().isPresent()) {
            throw define(schema, "is partitioned and shares its table with other models (single-table inheritance), which"
                    + " partitioning does not support yet." + off);
        }
    }


    private static ModelDefinitionException define(ModelSchema<?> schema, String problem) {
        return new ModelDefinitionException(schema.type().getName() + " " + problem);
    }
}
