package dev.dynarecord.spring.boot.models;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;

/** A second scanned model, with a composite key. */
@Table(name = "gadgets", timestamps = false)
public class Gadget extends Model<Gadget> {
    public static final Finder<Gadget> find = finder(Gadget.class);

    @HashKey public String maker;
    @RangeKey public long serial;
    @Field public String label;
}
