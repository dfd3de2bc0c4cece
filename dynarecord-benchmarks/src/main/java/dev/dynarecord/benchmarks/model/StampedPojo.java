package dev.dynarecord.benchmarks.model;

import java.time.Instant;

/**
 * The small model with Dynarecord's defaults, raw flavour: plain fields, mapped by
 * {@link StampedRawMapper}. The code that writes it sets the id, the timestamps and the lock version
 * itself, as Dynarecord's first save does.
 */
public final class StampedPojo {

    /** Hash key. */
    public String id;
    /** S. */
    public String name;
    /** S. */
    public String email;
    /** N. */
    public int age;
    /** BOOL. */
    public boolean active;
    /** N. */
    public double score;
    /** S, ISO-8601 with nine fraction digits. */
    public Instant createdAt;
    /** S, ISO-8601 with nine fraction digits. */
    public Instant updatedAt;
    /** N; 1 once written. */
    public long lockVersion;

    /** Empty. */
    public StampedPojo() {
    }

    /**
     * A copy.
     *
     * @param o the pojo to copy
     */
    public StampedPojo(StampedPojo o) {
        this.id = o.id;
        this.name = o.name;
        this.email = o.email;
        this.age = o.age;
        this.active = o.active;
        this.score = o.score;
        this.createdAt = o.createdAt;
        this.updatedAt = o.updatedAt;
        this.lockVersion = o.lockVersion;
    }
}
