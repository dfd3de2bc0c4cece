package dev.dynarecord.annotation;

/**
 * Whether a model's writes are spread over copies of its hash key (Dynamoid's write partitioning):
 * {@code @Table(partitioning = Partitioning.ON, partitionSize = 50)}. See docs/partitioning.md.
 */
public enum Partitioning {
    /** As the session says: {@code Config.partitioning(...)}, off unless configured. */
    SESSION,
    /** Partitioned, whatever the session says. */
    ON,
    /** Not partitioned, whatever the session says. */
    OFF
}
