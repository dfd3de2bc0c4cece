package dev.dynarecord.annotation;

/**
 * Which attributes a secondary index copies from the table. Queries on an index that does not hold
 * every attribute a record needs fetch the rest from the table: DynamoDB does that itself for local
 * indexes, Dynarecord does it with BatchGetItem for global ones.
 */
public enum Projection {
    /** Every attribute: reads on the index never go back to the table, at the cost of index storage. */
    ALL,
    /** Only the table's and the index's keys. */
    KEYS_ONLY,
    /** The keys plus the attributes named in {@code include}. */
    INCLUDE
}
