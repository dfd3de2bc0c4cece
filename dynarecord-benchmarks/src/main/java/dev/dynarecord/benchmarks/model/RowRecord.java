package dev.dynarecord.benchmarks.model;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;

/**
 * The end-to-end model, Dynarecord flavour: the small model's attributes with a composite key
 * (hash {@code part}, range {@code n}) so a partition can be queried.
 */
@Table(name = "rows", timestamps = false, locking = false)
public class RowRecord extends Model<RowRecord> {

    /** The finder on the default session. */
    public static final Finder<RowRecord> find = finder(RowRecord.class);

    /** Hash key. */
    @HashKey public String part;
    /** Range key (N). */
    @RangeKey public int n;
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
    public RowRecord() {
    }
}
