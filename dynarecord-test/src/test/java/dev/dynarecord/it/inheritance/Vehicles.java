package dev.dynarecord.it.inheritance;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.AfterCreate;
import dev.dynarecord.annotation.BeforeSave;
import dev.dynarecord.annotation.DiscriminatorValue;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.lifecycle.Errors;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-table hierarchy of three levels: vehicles, cars (and sports cars) and trucks in one
 * table, told apart by Dynamoid's {@code type} attribute; indexes on it serve the leaf classes.
 */
final class Vehicles {

    private Vehicles() {
    }

    @Table(name = "vehicles", subtypes = {Car.class, SportsCar.class, Truck.class})
    @Index(field = "type")
    @Index(field = "type", rangeKey = "plate", name = "type_plate_index")
    public static class Vehicle extends Model<Vehicle> {
        public static final Finder<Vehicle> find = finder(Vehicle.class);
        @Field public String plate;
        @Field public String color;
        public final BelongsTo<Owner> owner = belongsTo(Owner.class);
        public final transient List<String> log = new ArrayList<>();

        @BeforeSave
        void upcase() {
            plate = plate == null ? null : plate.toUpperCase();
            log.add("Vehicle.beforeSave");
        }
    }

    public static class Car extends Vehicle {
        public static final Finder<Car> find = subFinder(Car.class);
        @Field public int doors;

        @AfterCreate
        void created() {
            log.add("Car.afterCreate");
        }

        @Override
        protected void validate(Errors errors) {
            super.validate(errors);
            if (doors < 1) {
                errors.add("doors", "must be at least 1");
            }
        }
    }

    @DiscriminatorValue("sports_car")
    public static class SportsCar extends Car {
        public static final Finder<SportsCar> find = subFinder(SportsCar.class);
        @Field public int topSpeed;
    }

    public static class Truck extends Vehicle {
        public static final Finder<Truck> find = subFinder(Truck.class);
        @Field public double payload;
    }

    /** Owns vehicles of every class; its hasMany reads them back as the classes they are. */
    public static class Owner extends Model<Owner> {
        public static final Finder<Owner> find = finder(Owner.class);
        @Field public String name;
        public final HasMany<Vehicle> vehicles = hasMany(Vehicle.class);
        public final HasMany<Car> cars = hasMany(Car.class);
    }
}
