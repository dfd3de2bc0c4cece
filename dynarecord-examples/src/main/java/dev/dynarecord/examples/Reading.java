package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;

/** A sensor reading: a composite key (sensor, time) and no timestamps of its own. */
@Table(name = "readings", timestamps = false)
public class Reading extends Model<Reading> {
    /** The finder: {@code Reading.find.byId(sensor, at)}. */
    public static final Finder<Reading> find = finder(Reading.class);

    @HashKey String sensor;
    @RangeKey long at;
    @Field double celsius;
}
