package dev.dynarecord.benchmarks.model;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Table;

/**
 * The small model with Dynarecord's defaults, Dynarecord flavour: the 6 attributes of
 * {@link SmallRecord}, and what a first save adds to them: the generated id, {@code createdAt} and
 * {@code updatedAt} (kept by {@link Model}), and the lock version 1 ({@code lockVersion}). 9
 * attributes stored, as {@link StampedBean} and {@link StampedPojo} store them.
 */
@Table(name = "stamped")
public class StampedRecord extends Model<StampedRecord> {

    /** The finder on the default session. */
    public static final Finder<StampedRecord> find = finder(StampedRecord.class);

    /** Hash key, generated on the first write when null. */
    @HashKey public String id;
    /** S. */
    @Field public String name;
    /** S. */
    @Field public String email;
    /** N. */
    @Field public int age;
    /** BOOL. */
    @Field public boolean active;
    /** N. */
    @Field public double score;

    /** For the mapper. */
    public StampedRecord() {
    }

    /**
     * A new, unsaved copy of the declared fields (the timestamps and lock version are the first
     * write's to set).
     *
     * @param o the record to copy
     */
    public StampedRecord(StampedRecord o) {
        this.id = o.id;
        this.name = o.name;
        this.email = o.email;
        this.age = o.age;
        this.active = o.active;
        this.score = o.score;
    }
}
