package dev.dynarecord.benchmarks.planning;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;

/** The planning benchmark's model, Dynarecord flavour: a composite key and one more attribute. */
@Table(name = "plan_rows", timestamps = false, locking = false)
public class PlanRecord extends Model<PlanRecord> {

    /** The finder (bound per benchmark to a session on the stub). */
    public static final Finder<PlanRecord> find = finder(PlanRecord.class);

    /** Hash key. */
    @HashKey
    public String name;
    /** Range key. */
    @RangeKey
    public int age;
    /** Filtered on. */
    @Field
    public String status;
}
