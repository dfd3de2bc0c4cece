package dev.dynarecord.it.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Key;
import dev.dynarecord.Session;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.ProtectedAttributeException;
import dev.dynarecord.exception.UnknownDiscriminatorException;
import dev.dynarecord.it.inheritance.Vehicles.Car;
import dev.dynarecord.it.inheritance.Vehicles.Owner;
import dev.dynarecord.it.inheritance.Vehicles.SportsCar;
import dev.dynarecord.it.inheritance.Vehicles.Truck;
import dev.dynarecord.it.inheritance.Vehicles.Vehicle;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Single-table inheritance beyond reads: callbacks, validations and associations inherited; the
 * discriminator kept by Dynarecord; items written as Dynamoid writes them loading as their class.
 */
@DynarecordTest
class InheritanceBehaviourTest {

    private static Map<String, AttributeValue> put(Session session, String id, String type, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new HashMap<>(more);
        item.put("id", AttributeValue.fromS(id));
        if (type != null) {
            item.put("type", AttributeValue.fromS(type));
        }
        Vehicle.find.exists("warm-up"); // creates the table
        session.client().putItem(PutItemRequest.builder().tableName(Vehicle.find.tableName()).item(item).build());
        return item;
    }

    private static Map<String, AttributeValue> raw(Session session, Object id) {
        return session.client().getItem(GetItemRequest.builder().tableName(Vehicle.find.tableName()).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS((String) id))).build()).item();
    }

    @Test
    void callbacksAndValidationsAreInherited() {
        Car invalid = Car.find.build(c -> c.plate = "x");
        assertThat(invalid.save()).isFalse();
        assertThat(invalid.errors().on("doors")).isNotEmpty();
        Car ok = Car.find.build(c -> {
            c.plate = "abc";
            c.doors = 3;
        });
        assertThat(ok.save()).isTrue();
        assertThat(ok.log).containsExactly("Vehicle.beforeSave", "Car.afterCreate");
        assertThat(ok.plate).isEqualTo("ABC");
        SportsCar fast = SportsCar.find.create(c -> c.doors = 2);
        assertThat(fast.log).containsExactly("Vehicle.beforeSave", "Car.afterCreate");
        Truck t = Truck.find.create(x -> x.plate = "t");
        assertThat(t.log).containsExactly("Vehicle.beforeSave");
    }

    @Test
    void associationsReadEachClassAsWhatItIs() {
        Owner owner = Owner.find.create(o -> o.name = "Ada");
        Car car = Car.find.create(c -> c.doors = 4);
        Truck truck = Truck.find.build(t -> t.payload = 3);
        owner.vehicles.add(car, truck);
        assertThat(owner.vehicles.all()).containsExactlyInAnyOrder(car, truck);
        assertThat(owner.cars.all()).containsExactly(car);
        Vehicle back = Vehicle.find.byId(truck.id());
        assertThat(back).isInstanceOf(Truck.class);
        assertThat(back.owner.get()).isEqualTo(owner);
        assertThat(Car.find.byId(car.id()).owner.get()).isEqualTo(owner);
    }

    @Test
    void theDiscriminatorCannotBeAssignedNorUpdated(Session session, RequestRecorder recorder) {
        Car car = Car.find.create(c -> c.doors = 4);
        recorder.clear();
        assertThatThrownBy(() -> car.assign(Map.of("type", "Truck"), "type")).isInstanceOf(ProtectedAttributeException.class)
                .hasMessageContaining("'type'").hasMessageContaining("discriminator");
        assertThatThrownBy(() -> car.writeAttribute("type", "Truck")).isInstanceOf(ProtectedAttributeException.class);
        assertThatThrownBy(() -> Vehicle.find.update(car.id(), u -> u.set("type", "Truck")))
                .isInstanceOf(InvalidUpdateException.class).hasMessageContaining("discriminator");
        assertThat(recorder.count()).isZero();
        assertThat(raw(session, car.id()).get("type").s()).isEqualTo("Car");
    }

    @Test
    void atomicWritesThroughASubclassFinderAreKeptToItsClass(Session session, RequestRecorder recorder) {
        Truck truck = Truck.find.create(t -> t.payload = 1);
        recorder.clear();
        assertThatThrownBy(() -> Car.find.update(truck.id(), u -> u.set("doors", 4)))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(recorder.single(UpdateItemRequest.class).conditionExpression()).contains(" IN ");
        assertThat(raw(session, truck.id())).doesNotContainKey("doors");

        assertThatThrownBy(() -> Car.find.upsert(truck.id(), u -> u.set("doors", 4)))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(raw(session, truck.id())).doesNotContainKey("doors").containsEntry("type", AttributeValue.fromS("Truck"));

        Car.find.delete(truck.id());
        assertThat(Truck.find.byIdOptional(truck.id())).isPresent();
        Truck.find.delete(truck.id());
        assertThat(Vehicle.find.byIdOptional(truck.id())).isEmpty();

        Car upserted = Car.find.upsert("new-car", u -> u.set("doors", 2));
        assertThat(raw(session, "new-car").get("type").s()).isEqualTo("Car");
        assertThat(Vehicle.find.byId("new-car")).isInstanceOf(Car.class).isEqualTo(upserted);
        assertThat(Car.find.update(Key.of("new-car"), null, u -> u.increment("doors")).doors).isEqualTo(3);
        assertThat(Car.find.upsert("new-car", u -> u.increment("doors")).doors).isEqualTo(4);
    }

    @Test
    void itemsWrittenAsDynamoidWritesThemLoadAsTheirClass(Session session) {
        put(session, "dyn-car", "Car", Map.of("plate", AttributeValue.fromS("RB1"), "doors", AttributeValue.fromN("5")));
        put(session, "dyn-truck", "Truck", Map.of("payload", AttributeValue.fromN("7.25")));
        put(session, "legacy", null, Map.of("plate", AttributeValue.fromS("OLD")));
        assertThat(Vehicle.find.byId("dyn-car")).isInstanceOfSatisfying(Car.class, c -> assertThat(c.doors).isEqualTo(5));
        assertThat(Vehicle.find.byId("dyn-truck")).isInstanceOfSatisfying(Truck.class,
                t -> assertThat(t.payload).isEqualTo(7.25));
        assertThat(Car.find.byId("dyn-car").plate).isEqualTo("RB1");
        // an item without the attribute is the root's; no subclass finder returns it
        Vehicle legacy = Vehicle.find.byId("legacy");
        assertThat(legacy).isExactlyInstanceOf(Vehicle.class);
        assertThat(legacy.changes()).isEmpty(); // the missing attribute is not a change to write
        assertThat(Car.find.byIdOptional("legacy")).isEmpty();
        Car car = Car.find.byId("dyn-car");
        car.doors = 6;
        car.saveOrThrow();
        assertThat(raw(session, "dyn-car")).containsEntry("type", AttributeValue.fromS("Car"))
                .containsEntry("doors", AttributeValue.fromN("6"));
    }

    @Test
    void anUnknownStoredValueIsANamedError(Session session) {
        put(session, "bus", "Bus", Map.of("plate", AttributeValue.fromS("B")));
        assertThatThrownBy(() -> Vehicle.find.byId("bus")).isInstanceOf(UnknownDiscriminatorException.class)
                .hasMessageContaining("type = 'Bus'").hasMessageContaining("@Table(subtypes)")
                .hasMessageContaining("Car='Car'");
        assertThat(Car.find.byIdOptional("bus")).isEmpty();
        assertThat(Car.find.all()).noneMatch(c -> "bus".equals(c.id()));
    }
}
