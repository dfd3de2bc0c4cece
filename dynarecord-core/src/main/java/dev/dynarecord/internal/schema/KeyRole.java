package dev.dynarecord.internal.schema;

/** The part an attribute plays in the table's primary key. */
public enum KeyRole {
    /** The hash (partition) key. */
    HASH,
    /** The range (sort) key. */
    RANGE,
    /** Not part of the primary key. */
    NONE
}
