package dev.dynarecord.it.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Key;
import dev.dynarecord.Page;
import dev.dynarecord.Query;
import dev.dynarecord.Session;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.it.inheritance.Vehicles.Car;
import dev.dynarecord.it.inheritance.Vehicles.SportsCar;
import dev.dynarecord.it.inheritance.Vehicles.Truck;
import dev.dynarecord.it.inheritance.Vehicles.Vehicle;
import dev.dynarecord.query.QueryPlan;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Single-table inheritance: the root's finder loads every class of the hierarchy as what it is; a
 * subclass's finder reads only its own items and its subclasses', with the type condition on the
 * wire (a key condition where an index on the discriminator allows).
 */
@DynarecordTest
class InheritanceTest {

    private Car car;
    private SportsCar sports;
    private Truck truck;
    private Vehicle plain;

    @BeforeEach
    void fleet() {
        Vehicle.find.query().allowScan().deleteAll();
        car = Car.find.create(c -> {
            c.plate = "c1";
            c.doors = 4;
            c.color = "red";
        });
        sports = SportsCar.find.create(c -> {
            c.plate = "s1";
            c.doors = 2;
            c.topSpeed = 300;
            c.color = "red";
        });
        truck = Truck.find.create(t -> {
            t.plate = "t1";
            t.payload = 12.5;
            t.color = "red";
        });
        plain = Vehicle.find.create(v -> v.plate = "v1");
    }

    private static Map<String, AttributeValue> raw(Session session, Object id) {
        return session.client().getItem(GetItemRequest.builder().tableName(Vehicle.find.tableName()).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS((String) id))).build()).item();
    }

    @Test
    void savingWritesEachClassesDiscriminator(Session session) {
        assertThat(raw(session, car.id()).get("type").s()).isEqualTo("Car");
        assertThat(raw(session, sports.id()).get("type").s()).isEqualTo("sports_car");
        assertThat(raw(session, truck.id()).get("type").s()).isEqualTo("Truck");
        assertThat(raw(session, plain.id()).get("type").s()).isEqualTo("Vehicle");
        assertThat(raw(session, truck.id()).get("payload").n()).isEqualTo("12.5");
        assertThat(car.readAttribute("type")).isEqualTo("Car");
    }

    @Test
    void theRootFinderLoadsEveryClassAsWhatItIs() {
        List<Vehicle> all = Vehicle.find.all();
        assertThat(all).extracting(v -> v.getClass().getSimpleName())
                .containsExactlyInAnyOrder("Car", "SportsCar", "Truck", "Vehicle");
        Car loaded = (Car) Vehicle.find.byId(car.id());
        assertThat(loaded.doors).isEqualTo(4);
        assertThat(loaded.plate).isEqualTo("C1");
        assertThat(((SportsCar) Vehicle.find.byId(sports.id())).topSpeed).isEqualTo(300);
        assertThat(((Truck) Vehicle.find.byId(truck.id())).payload).isEqualTo(12.5);
        assertThat(Vehicle.find.byIds(List.of(car.id(), truck.id(), plain.id()))).extracting(v -> v.getClass().getSimpleName())
                .containsExactly("Car", "Truck", "Vehicle");
        assertThat(Vehicle.find.where("color", "red").all()).hasSize(3).allSatisfy(v -> assertThat(v).isNotExactlyInstanceOf(
                Vehicle.class));
        assertThat(Vehicle.find.global("type_plate_index", "Truck").all()).containsExactly(truck);
    }

    /** Every page of a query, one record a page, each read from the previous page's cursor. */
    private static <T extends Vehicle> List<T> pageByPage(Query<T> query) {
        List<T> read = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = query.page(1, cursor);
            read.addAll(page.items());
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        return read;
    }

    @Test
    void pagesAndCursorsKeepTheClasses() {
        assertThat(pageByPage(Vehicle.find.query())).extracting(v -> v.getClass().getSimpleName())
                .containsExactlyInAnyOrder("Car", "SportsCar", "Truck", "Vehicle");
        assertThat(pageByPage(Car.find.query())).containsExactlyInAnyOrder(car, sports);
    }

    @Test
    void aSubclassFinderSendsTheTypeCondition(RequestRecorder recorder) {
        recorder.clear();
        List<Car> cars = Car.find.all();
        assertThat(cars).containsExactlyInAnyOrder(car, sports);
        ScanRequest scan = recorder.single(ScanRequest.class);
        assertThat(scan.filterExpression()).doesNotContain("type").contains("IN");
        assertThat(scan.expressionAttributeNames()).containsValue("type");
        assertThat(scan.expressionAttributeValues().values()).extracting(AttributeValue::s).contains("Car", "sports_car");

        assertThat(Car.find.where("doors", 4).all()).containsExactly(car);
        assertThat(Car.find.where("doors", 4).explain().toString()).contains("type in ('Car', 'sports_car')");
        assertThat(SportsCar.find.all()).containsExactly(sports);
        assertThat(Truck.find.count()).isEqualTo(1);
        recorder.clear();
        assertThat(Car.find.count()).isEqualTo(2);
        assertThat(recorder.single(ScanRequest.class).filterExpression()).contains(" IN (");
        assertThat(Car.find.where("color", "red").count()).isEqualTo(2);
        assertThat(Truck.find.first()).contains(truck);
        assertThat(Car.find.where("plate", "T1").exists()).isFalse();
    }

    @Test
    void aLeafClassQueriesTheIndexOnTheDiscriminator(RequestRecorder recorder) {
        QueryPlan plan = Truck.find.where("plate", "T1").explain();
        assertThat(plan.isScan()).isFalse();
        assertThat(plan.indexName()).contains("type_plate_index");
        recorder.clear();
        assertThat(Truck.find.where("plate", "T1").all()).containsExactly(truck);
        QueryRequest query = recorder.single(QueryRequest.class);
        assertThat(query.indexName()).isEqualTo("type_plate_index");
        assertThat(query.keyConditionExpression()).doesNotContain("type").doesNotContain("T1");
        assertThat(query.expressionAttributeValues().values()).extracting(AttributeValue::s).contains("Truck", "T1");
        assertThat(SportsCar.find.where("plate", "S1").explain().indexName()).contains("type_plate_index");
        recorder.clear();
        assertThat(Truck.find.all()).containsExactly(truck);
        assertThat(Truck.find.count()).isEqualTo(1);
        assertThat(recorder.requests(QueryRequest.class)).hasSize(2)
                .allSatisfy(q -> assertThat(q.indexName()).isEqualTo("type_index"));
        assertThat(recorder.count(ScanRequest.class)).isZero();
    }

    @Test
    void readsByKeyThroughASubclassFinderLeaveOtherClassesOut(RequestRecorder recorder) {
        assertThatThrownBy(() -> Car.find.byId(truck.id())).isInstanceOf(RecordNotFoundException.class);
        assertThat(Car.find.byIdOptional(truck.id())).isEmpty();
        assertThat(Car.find.exists(truck.id())).isFalse();
        assertThat(Car.find.exists(sports.id())).isTrue();
        assertThat(Car.find.byId(sports.id())).isInstanceOf(SportsCar.class);
        assertThat(SportsCar.find.byIdOptional(car.id())).isEmpty();
        recorder.clear();
        assertThat(Car.find.byIds(List.of(car.id(), truck.id(), sports.id(), plain.id()))).containsExactly(car, sports);
        assertThat(recorder.count(BatchGetItemRequest.class)).isEqualTo(1);
        assertThat(Car.find.byKeys(List.of(Key.of(truck.id()), Key.of(car.id())))).containsOnlyKeys(Key.of(car.id()));
    }

    @Test
    void writesOverASubclassQueryTouchOnlyItsClass() {
        assertThat(Car.find.query().updateAll(u -> u.set("color", "blue"))).isEqualTo(2);
        assertThat(Truck.find.byId(truck.id()).color).isEqualTo("red");
        assertThat(Car.find.byId(car.id()).color).isEqualTo("blue");
        assertThat(SportsCar.find.query().deleteAll()).isEqualTo(1);
        assertThat(Vehicle.find.count()).isEqualTo(3);
        assertThat(Truck.find.query().destroyAll()).isEqualTo(1);
        assertThat(Vehicle.find.all()).containsExactlyInAnyOrder(car, plain);
    }

    @Test
    void aSubclassLoadedThroughTheRootSavesUpdatesAndDestroysAsItself(RequestRecorder recorder) {
        Car loaded = (Car) Vehicle.find.byId(car.id());
        loaded.doors = 5;
        assertThat(loaded.changes()).containsOnlyKeys("doors");
        recorder.clear();
        loaded.saveOrThrow();
        assertThat(recorder.summary()).singleElement().asString().startsWith("UpdateItem");
        assertThat(Car.find.byId(car.id()).doors).isEqualTo(5);
        loaded.update(c -> ((Car) c).doors = 3);
        assertThat(Vehicle.find.byId(car.id())).isInstanceOfSatisfying(Car.class, c -> assertThat(c.doors).isEqualTo(3));
        Vehicle reloaded = loaded.reload();
        assertThat(reloaded).isSameAs(loaded);
        assertThat(loaded.destroy()).isTrue();
        assertThat(Vehicle.find.byIdOptional(car.id())).isEmpty();
    }
}
