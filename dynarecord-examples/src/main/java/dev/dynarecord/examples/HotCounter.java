package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Partitioning;
import dev.dynarecord.annotation.Table;

/** A record every request writes: its saves are spread over 10 copies of its key (write partitioning). */
@Table(name = "hot_counters", partitioning = Partitioning.ON, partitionSize = 10)
public class HotCounter extends Model<HotCounter> {
    public static final Finder<HotCounter> find = finder(HotCounter.class);

    @Field String page;
    @Field long views;
}
