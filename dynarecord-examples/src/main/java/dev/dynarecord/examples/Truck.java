package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.annotation.Field;

/** A vehicle stored with {@code type = "Truck"} in the vehicles table. */
public class Truck extends Vehicle {
    /** The finder: trucks only. */
    public static final Finder<Truck> find = subFinder(Truck.class);

    @Field double payload;
}
