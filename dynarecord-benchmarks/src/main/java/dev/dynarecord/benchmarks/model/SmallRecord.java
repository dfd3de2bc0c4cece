package dev.dynarecord.benchmarks.model;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Table;

/**
 * The small model, Dynarecord flavour: 6 attributes. No timestamps and no lock version, so it
 * stores exactly what {@link SmallBean} and {@link SmallPojo} store.
 */
@Table(name = "small", timestamps = false, locking = false)
public class SmallRecord extends Model<SmallRecord> {

    /** The finder on the default session. */
    public static final Finder<SmallRecord> find = finder(SmallRecord.class);

    /** Hash key. */
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
    public SmallRecord() {
    }

    /**
     * A new, unsaved copy.
     *
     * @param o the record to copy
     */
    public SmallRecord(SmallRecord o) {
        this.id = o.id;
        this.name = o.name;
        this.email = o.email;
        this.age = o.age;
        this.active = o.active;
        this.score = o.score;
    }
}
