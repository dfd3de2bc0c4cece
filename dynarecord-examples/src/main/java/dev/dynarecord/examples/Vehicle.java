package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;

/**
 * The root of a single-table hierarchy: vehicles, {@link Car}s and {@link Truck}s share the table
 * {@code vehicles}, told apart by the {@code type} attribute as Dynamoid tells them apart. The index
 * on {@code type} lets a subclass's queries be a Query rather than a Scan.
 */
@Table(name = "vehicles", subtypes = {Car.class, Truck.class})
@Index(field = "type")
public class Vehicle extends Model<Vehicle> {
    /** The finder: every class of the hierarchy, each loaded as what it is. */
    public static final Finder<Vehicle> find = finder(Vehicle.class);

    @Field String plate;

    /** @return what tells this vehicle from others of its class, for printing */
    String details() {
        return "";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + plate + details();
    }
}
