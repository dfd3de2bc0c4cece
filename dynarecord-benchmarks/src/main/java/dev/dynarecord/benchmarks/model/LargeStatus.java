package dev.dynarecord.benchmarks.model;

/** An enum attribute of the large model (stored as its name). */
public enum LargeStatus {
    /** Draft. */
    DRAFT,
    /** Published. */
    PUBLISHED,
    /** Retired. */
    RETIRED
}
