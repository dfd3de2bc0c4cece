package dev.dynarecord.benchmarks.model;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Table;
import java.util.List;

/**
 * The nested model, Dynarecord flavour: a name, one embedded address document and a list of three.
 * No timestamps and no lock version, so it stores exactly what {@link NestedBean} and
 * {@link NestedPojo} store.
 */
@Table(name = "nested", timestamps = false, locking = false)
public class NestedRecord extends Model<NestedRecord> {

    /** The finder on the default session. */
    public static final Finder<NestedRecord> find = finder(NestedRecord.class);

    /** Hash key. */
    @HashKey public String id;
    /** S. */
    @Field public String name;
    /** M. */
    @Field public NestedAddress home;
    /** L of M. */
    @Field public List<NestedAddress> previous;

    /** For the mapper. */
    public NestedRecord() {
    }

    /**
     * A new, unsaved copy.
     *
     * @param o the record to copy
     */
    public NestedRecord(NestedRecord o) {
        this.id = o.id;
        this.name = o.name;
        this.home = o.home;
        this.previous = o.previous;
    }
}
