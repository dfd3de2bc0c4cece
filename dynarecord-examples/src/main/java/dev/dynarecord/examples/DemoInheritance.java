package dev.dynarecord.examples;

import dev.dynarecord.Session;
import java.io.PrintStream;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** Step 22d of the walkthrough: single-table inheritance, Vehicle with Car and Truck in one table. */
final class DemoInheritance {

    private final PrintStream out;

    DemoInheritance(PrintStream out) {
        this.out = out;
    }

    void run(Session session) {
        Demo.step(out, "22d. Single-table inheritance: Car and Truck share Vehicle's table, told apart by 'type' as Dynamoid"
                + " does");
        Car car = Car.find.create(c -> {
            c.plate = "ABC-1";
            c.doors = 4;
        });
        Truck truck = Truck.find.create(t -> {
            t.plate = "XYZ-9";
            t.payload = 7.5;
        });
        out.println("   stored: type=" + storedType(session, car) + ", type=" + storedType(session, truck));
        out.println("   Vehicle.find.all(): " + Vehicle.find.all().stream().map(Vehicle::toString).sorted().toList());
        Vehicle loaded = Vehicle.find.byId(truck.id());
        out.println("   Vehicle.find.byId(truck): a " + loaded.getClass().getSimpleName() + ", payload " + ((Truck) loaded).payload);
        out.println(Car.find.where("doors", 4).explain().toString().indent(3).stripTrailing());
        out.println("   Car.find.where(\"doors\", 4): " + Car.find.where("doors", 4).all() + ", count "
                + Car.find.count());
        out.println("   Car.find.byIdOptional(truck's id): " + Car.find.byIdOptional(truck.id()));
    }

    private static String storedType(Session session, Vehicle vehicle) {
        return session.client().getItem(GetItemRequest.builder().tableName(Vehicle.find.tableName())
                .key(Map.of("id", AttributeValue.fromS((String) vehicle.id()))).consistentRead(true).build())
                .item().get("type").s();
    }
}
