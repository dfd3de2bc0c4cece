package dev.dynarecord.it.document;

import static org.assertj.core.api.Assertions.assertThat;

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
