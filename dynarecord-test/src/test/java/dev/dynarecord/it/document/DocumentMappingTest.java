package dev.dynarecord.it.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Session;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Records, @Field classes and beans as fields, in lists, sets and maps, three levels deep: stored as M, read back equal. */
@DynarecordTest
class DocumentMappingTest {

    static Customer full() {
        Customer c = new Customer();
        c.name = "Ada";
        c.home = new Address("1 Main", "Chicago", "60601");
        c.previous = List.of(new Address("2 Oak", "Boston", "02101"), new Address("3 Elm", "Denver", null));
        Map<String, Address> labels = new LinkedHashMap<>();
        labels.put("work", new Address("4 Pine", "Austin", "73301"));
        c.byLabel = labels;
        c.visited = new LinkedHashSet<>(List.of(new Address("5 Ash", "Reno", "89501")));
        c.geo = new Geo(41.88, -87.63, Instant.parse("2026-11-21T09:30:00.5Z"),
                new Geo.Place("Loop", new Geo.Building(3, "Tower")));
        c.contact = new Contact("ada@example.com", true, 7);
        c.contacts = List.of(new Contact("b@example.com", false, 1));
        return c;
    }

    /** A record inside a model named in snake case: its fields follow the model's naming, renames win. */
    public record Parcel(String trackingCode, @dev.dynarecord.annotation.Field(name = "W") int weightGrams, List<String> sentTo) {
    }

    /** A record whose accessor says more than its field: it is stored as its accessor says, in both modes. */
    public record Labels(List<String> names) {
        @Override
        public List<String> names() {
            return names == null ? List.of("unlabelled") : names;
        }
    }

    @dev.dynarecord.annotation.Table(name = "doc_shipments", naming = dev.dynarecord.annotation.AttributeNaming.SNAKE_CASE)
    public static class Shipment extends dev.dynarecord.Model<Shipment> {
        public static final dev.dynarecord.Finder<Shipment> find = finder(Shipment.class);
        @dev.dynarecord.annotation.Field public Parcel mainParcel;
        @dev.dynarecord.annotation.Field public Map<String, Parcel> extraParcels;
        @dev.dynarecord.annotation.Field public List<Parcel> history;
        @dev.dynarecord.annotation.Field public Labels labels;
    }

    @Test
    void aRecordTheProcessorServedIsMadeAndStoredByItsGeneratedCode(RequestRecorder recorder) {
        boolean reflective = "reflective".equals(System.getProperty("dynarecord.accessors"));
        dev.dynarecord.internal.schema.AttributeSchema main = dev.dynarecord.internal.schema.Schemas.of(Shipment.class)
                .attribute("main_parcel").orElseThrow();
        assertThat(main.generatedDocument()).as("dynarecord.accessors=" + System.getProperty("dynarecord.accessors"))
                .isEqualTo(!reflective);
        Shipment s = new Shipment();
        s.mainParcel = new Parcel("TRK-9", 0, null); // a primitive's zero is stored; a null list is not
        s.saveOrThrow();
        assertThat(recorder.single(PutItemRequest.class).item().get("main_parcel").m())
                .containsOnly(Map.entry("tracking_code", AttributeValue.fromS("TRK-9")), Map.entry("W", AttributeValue.fromN("0")));
        assertThat(Shipment.find.byId(s.id()).mainParcel).isEqualTo(s.mainParcel);
        assertThat(dev.dynarecord.internal.schema.Schemas.of(Shipment.class).attribute("labels").orElseThrow().generatedDocument())
                .isEqualTo(!reflective);
        Shipment labelled = Shipment.find.mapper().fromItem(Map.of("id", AttributeValue.fromS("L-1")));
        labelled.labels = new Labels(null);
        assertThat(Shipment.find.mapper().toItem(labelled).get("labels").m())
                .containsOnly(Map.entry("names", AttributeValue.fromL(List.of(AttributeValue.fromS("unlabelled")))));
        // a stored value its component cannot take: the same message either way, naming the field
        Map<String, AttributeValue> bad = Map.of("id", AttributeValue.fromS("x"), "main_parcel", AttributeValue.fromM(
                Map.of("W", AttributeValue.fromS("heavy"))));
        assertThatThrownBy(() -> Shipment.find.mapper().fromItem(bad))
                .isInstanceOf(dev.dynarecord.exception.ConversionException.class).hasMessageContaining("weightGrams");
    }

    @Test
    void documentFieldsFollowTheModelsNaming(RequestRecorder recorder) {
        Shipment s = new Shipment();
        s.mainParcel = new Parcel("TRK-1", 1200, List.of("Ada", "Bob"));
        s.extraParcels = Map.of("gift", new Parcel("TRK-2", 300, null));
        s.history = List.of(new Parcel("TRK-0", 5, List.of()));
        s.saveOrThrow();
        Map<String, AttributeValue> item = recorder.single(PutItemRequest.class).item();
        assertThat(item.get("main_parcel").m()).containsOnlyKeys("tracking_code", "W", "sent_to");
        assertThat(item.get("extra_parcels").m().get("gift").m()).containsOnlyKeys("tracking_code", "W");
        assertThat(Shipment.find.where("mainParcel.trackingCode", "TRK-1").all()).hasSize(1);
        assertThat(Shipment.find.where("main_parcel.tracking_code", "TRK-1").all()).hasSize(1);
        assertThat(Shipment.find.where("mainParcel.weightGrams.gt", 1000).all()).hasSize(1);
        assertThat(Shipment.find.byId(s.id()).extraParcels).isEqualTo(s.extraParcels);
        assertThat(Shipment.find.where("history.contains", new Parcel("TRK-0", 5, List.of())).all()).hasSize(1);
    }

    @Test
    void nullsInsideDocumentsFollowTheTopLevelRules(RequestRecorder recorder) {
        Customer c = new Customer();
        c.home = new Address(null, null, null);
        c.previous = new java.util.ArrayList<>(java.util.Arrays.asList(null, new Address("x", null, "")));
        c.byLabel = new LinkedHashMap<>();
        c.contact = new Contact(null, false, 0);
        c.saveOrThrow();
        Map<String, AttributeValue> item = recorder.single(PutItemRequest.class).item();
        assertThat(item.get("home").m()).isEmpty(); // null fields are absent, the document is an empty map
        assertThat(item.get("previous").l().get(0).nul()).isTrue(); // a null element is NULL, as in any list
        assertThat(item.get("previous").l().get(1).m()).containsOnlyKeys("street", "zip"); // "" is stored
        assertThat(item.get("byLabel").m()).isEmpty();
        assertThat(item).doesNotContainKeys("geo", "visited");
        assertThat(item.get("contact").m()).containsOnlyKeys("verified", "score"); // primitives are never null

        Customer loaded = Customer.find.byId(c.id());
        assertThat(loaded.home).isEqualTo(new Address(null, null, null));
        assertThat(loaded.previous).containsExactly(null, new Address("x", null, ""));
        assertThat(loaded.byLabel).isEmpty();
        assertThat(loaded.geo).isNull();
    }

    @Test
    void documentsAreStoredAsMapsWithTheirOwnNamesAndConverters(Session session, RequestRecorder recorder) {
        Customer c = full();
        c.saveOrThrow();
        Map<String, AttributeValue> item = recorder.single(PutItemRequest.class).item();

        Map<String, AttributeValue> home = item.get("home").m();
        assertThat(home.keySet()).containsExactly("street", "city", "zip");
        assertThat(home.get("zip").s()).isEqualTo("60601");
        assertThat(item.get("previous").l()).hasSize(2);
        assertThat(item.get("previous").l().get(1).m()).containsOnlyKeys("street", "city"); // null postcode: absent
        assertThat(item.get("byLabel").m().get("work").m().get("city").s()).isEqualTo("Austin");
        assertThat(item.get("visited").l().get(0).m().get("city").s()).isEqualTo("Reno"); // a set of documents is a list
        Map<String, AttributeValue> geo = item.get("geo").m();
        assertThat(geo).containsOnlyKeys("lat", "lon", "measuredAt", "place");
        assertThat(geo.get("measuredAt").n()).isEqualTo("1795253400.5");
        assertThat(geo.get("place").m().get("building").m().get("floor").s()).isEqualTo("floor 3");
        assertThat(item.get("contact").m()).containsOnlyKeys("email", "score", "verified");

        Customer loaded = Customer.find.byId(c.id());
        assertThat(loaded.home).isEqualTo(c.home);
        assertThat(loaded.previous).isEqualTo(c.previous);
        assertThat(loaded.byLabel).isEqualTo(c.byLabel);
        assertThat(loaded.visited).isEqualTo(c.visited);
        assertThat(loaded.geo.place).isEqualTo(c.geo.place);
        assertThat(loaded.geo.measuredAt).isEqualTo(c.geo.measuredAt);
        assertThat(loaded.geo.lat).isEqualTo(41.88);
        assertThat(loaded.contact).isEqualTo(c.contact);
        assertThat(loaded.contacts).isEqualTo(c.contacts);
    }
}
