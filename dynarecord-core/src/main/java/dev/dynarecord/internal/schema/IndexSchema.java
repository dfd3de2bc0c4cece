package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.Projection;
import java.util.List;
import java.util.Optional;

/**
 * A secondary index of a model's table, as declared with {@code @LocalIndex}, {@code @GlobalIndex}
 * or {@code @Index}. Immutable.
 *
 * @param name the index name
 * @param kind local or global
 * @param hashKey the index's hash key: the table's for a local index; for a sharded index the
 *     synthetic shard attribute, which no field declares (its {@link AttributeSchema} is null there,
 *     see {@link #hashKeyName()})
 * @param hashKeyName the hash key attribute's name
 * @param rangeKey the index's range key, if any
 * @param projection which attributes the index holds
 * @param include with {@link Projection#INCLUDE}, the non-key attribute names it holds
 * @param readCapacity its read capacity with provisioned billing, 0 for the table's
 * @param writeCapacity its write capacity with provisioned billing, 0 for the table's
 * @param shards for a sharded range index, how many shard values writes spread over; 0 otherwise
 */
public record IndexSchema(String name, Kind kind, AttributeSchema hashKey, String hashKeyName, Optional<AttributeSchema> rangeKey,
        Projection projection, List<String> include, long readCapacity, long writeCapacity, int shards) {

    /** Local or global. */
    public enum Kind {
        /** A local secondary index: the table's hash key, another range key. */
        LOCAL,
        /** A global secondary index: its own keys, eventually consistent. */
        GLOBAL
    }

    /** @return whether this is a sharded range index (hash key = synthetic shard attribute) */
    public boolean sharded() {
        return shards > 0;
    }

    /** @return whether this is a global index */
    public boolean global() {
        return kind == Kind.GLOBAL;
    }

    /**
     * Whether the index holds an attribute (keys of the table and of the index always).
     *
     * @param path the attribute name, or a path into a document ({@link dev.dynarecord.query.AttributePath})
     * @param tableKeys the table's key attribute names
     * @return whether a query on the index returns it
     */
    public boolean projects(String path, List<String> tableKeys) {
        String attribute = dev.dynarecord.query.AttributePath.attribute(path); // a document path: its attribute
        if (projection == Projection.ALL || tableKeys.contains(attribute) || attribute.equals(hashKeyName)
                || rangeKey.map(r -> r.name().equals(attribute)).orElse(false)) {
            return true;
        }
        return projection == Projection.INCLUDE && include.contains(attribute);
    }

    /** @return what the index is, in words: {@code "global index email_index"} */
    public String title() {
        return (sharded() ? "sharded index " : global() ? "global index " : "local index ") + name;
    }

    /** @return a short description, as {@code explain()} prints it */
    public String describe() {
        String keys = hashKeyName + rangeKey.map(r -> ", " + r.name()).orElse("");
        return (kind == Kind.LOCAL ? "LSI " : "GSI ") + name + " (" + keys + ")"
                + (sharded() ? " sharded " + shards + " ways" : "");
    }
}
