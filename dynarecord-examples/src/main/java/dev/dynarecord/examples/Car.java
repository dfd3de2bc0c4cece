package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.annotation.Field;

/** A vehicle stored with {@code type = "Car"} in the vehicles table. */
public class Car extends Vehicle {
    /** The finder: cars only, the type condition added to every read. */
    public static final Finder<Car> find = subFinder(Car.class);

    @Field int doors;

    @Override
    String details() {
        return " (" + doors + " doors)";
    }
}
