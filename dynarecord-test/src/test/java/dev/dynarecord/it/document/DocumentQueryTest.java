package dev.dynarecord.it.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Session;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Document paths in where-chains, write conditions, projections and atomic updates: a placeholder per name. */
@DynarecordTest
class DocumentQueryTest {

    @Test
    void aWhereOnADocumentPathIsAFilterWithAPlaceholderPerName(RequestRecorder recorder) {
        DocumentMappingTest.full().saveOrThrow();
        Customer other = new Customer();
        other.home = new Address("9 Bay", "Miami", "33101");
        other.saveOrThrow();
        recorder.clear();

        List<Customer> found = Customer.find.where("home.city", "Chicago").all();
        assertThat(found).extracting(c -> c.name).containsExactly("Ada");
        ScanRequest scan = recorder.single(ScanRequest.class);
        assertThat(scan.filterExpression()).isEqualTo("#n0.#n1 = :v0");
        assertThat(scan.expressionAttributeNames()).isEqualTo(Map.of("#n0", "home", "#n1", "city"));
        assertThat(scan.expressionAttributeValues().get(":v0").s()).isEqualTo("Chicago");

        recorder.clear();
        assertThat(Customer.find.where("previous[0].city", "Boston").where("byLabel.work.zip", "73301")
                .where("home.postcode.begins_with", "606").all()).hasSize(1);
        ScanRequest more = recorder.single(ScanRequest.class);
        assertThat(more.filterExpression()).isEqualTo("#n0[0].#n1 = :v0 AND #n2.#n3.#n4 = :v1 AND begins_with(#n5.#n4, :v2)");
        assertThat(more.expressionAttributeNames()).containsEntry("#n0", "previous").containsEntry("#n2", "byLabel")
                .containsEntry("#n3", "work").containsEntry("#n4", "zip").containsEntry("#n5", "home");

        assertThat(Customer.find.where("geo.place.building.floor", 3).all()).hasSize(1); // through FloorConverter
        assertThat(Customer.find.where("geo.place.building.floor", 4).all()).isEmpty();
        assertThat(Customer.find.where("geo.measuredAt.gt", java.time.Instant.parse("2026-01-01T00:00:00Z")).all()).hasSize(1);
        assertThat(Customer.find.where("contact.verified", true).where("contact.score.gte", 7).all()).hasSize(1);
        assertThat(Customer.find.where("home.zip.null", true).all()).isEmpty();
        assertThat(Customer.find.where("previous.contains", new Address("2 Oak", "Boston", "02101")).all()).hasSize(1);
        assertThat(Customer.find.where("home", new Address("1 Main", "Chicago", "60601")).all()).hasSize(1);
        assertThat(Customer.find.where("home.city", "Chicago").explain().toString()).contains("filters: home.city eq 'Chicago'");
    }

    @Test
    void aProjectionOnAPathReadsPartOfTheDocument(RequestRecorder recorder) {
        Customer c = DocumentMappingTest.full();
        c.saveOrThrow();
        recorder.clear();
        Customer partial = Customer.find.project("home.city", "previous[1].street").where("id", c.id()).first().orElseThrow();
        QueryRequest scan = recorder.single(QueryRequest.class);
        assertThat(scan.projectionExpression()).startsWith("#n1.#n2, #n3[1].#n4"); // #n0 is the key condition's id
        assertThat(scan.expressionAttributeNames()).containsEntry("#n1", "home").containsEntry("#n2", "city")
                .containsEntry("#n3", "previous").containsEntry("#n4", "street");
        assertThat(partial.home).isEqualTo(new Address(null, "Chicago", null));
        assertThat(partial.previous).containsExactly(new Address("3 Elm", null, null));
        assertThat(partial.name).isNull();
        recorder.clear();
        assertThat(Customer.find.project("byLabel.work.city").byIds(List.of(c.id())).get(0).byLabel)
                .isEqualTo(Map.of("work", new Address(null, "Austin", null)));
        assertThat(recorder.requests().get(0).toString()).contains("#n1.#n2.#n3", "#n1=byLabel, #n2=work, #n3=city");
    }

    @Test
    void aWriteConditionOnAPathGuardsSavesAndDeletes(RequestRecorder recorder) {
        Customer c = DocumentMappingTest.full();
        c.saveOrThrow();
        c.name = "Ada L.";
        recorder.clear();
        c.saveOrThrow(WriteCondition.where("home.city", "Chicago"));
        UpdateItemRequest update = recorder.single(UpdateItemRequest.class);
        assertThat(update.conditionExpression()).contains(".").containsPattern("#n\\d+\\.#n\\d+ = :v\\d+");
        assertThat(update.expressionAttributeNames()).containsValues("home", "city");

        c.name = "Nope";
        assertThatThrownBy(() -> c.saveOrThrow(WriteCondition.where("previous[0].zip", "99999")))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(c.destroy(WriteCondition.where("byLabel.work.city", "Austin"))).isTrue();
    }

    @Test
    void anAtomicUpdateSetsOnePlaceInADocument(Session session, RequestRecorder recorder) {
        Customer c = DocumentMappingTest.full();
        c.saveOrThrow();
        recorder.clear();
        Customer updated = Customer.find.update(c.id(), u -> u.set("home.city", "Evanston").set("geo.place.building.floor", 5));
        UpdateItemRequest request = recorder.single(UpdateItemRequest.class);
        assertThat(request.updateExpression()).contains("#n0.#n1 = :v0").contains("#n2.#n3.#n4.#n5 = :v1");
        assertThat(request.expressionAttributeValues().get(":v1").s()).isEqualTo("floor 5");
        assertThat(updated.home.city()).isEqualTo("Evanston");
        assertThat(Customer.find.byId(c.id()).geo.place.building().floor()).isEqualTo(5);

        Customer homeless = new Customer();
        homeless.name = "Nomad";
        homeless.saveOrThrow();
        assertThatThrownBy(() -> Customer.find.update(homeless.id(), u -> u.set("home.city", "X")))
                .isInstanceOf(dev.dynarecord.exception.InvalidUpdateException.class)
                .hasMessageContaining("goes through a map or list element the item does not have")
                .hasMessageContaining("Set the whole document");
        assertThat(Customer.find.byId(homeless.id()).home).isNull(); // a path update needs its parent map: nothing written
    }

    @Test
    void aDocumentChangeWritesOnlyThatAttributeAndNoChangeSendsNothing(RequestRecorder recorder) {
        Customer c = DocumentMappingTest.full();
        c.saveOrThrow();
        Customer loaded = Customer.find.byId(c.id());
        recorder.clear();
        loaded.saveOrThrow();
        assertThat(recorder.count()).isZero();

        loaded.home = new Address("1 Main", "Boston", "02101");
        assertThat(loaded.changed()).containsExactly("home");
        loaded.saveOrThrow();
        UpdateItemRequest update = recorder.single(UpdateItemRequest.class);
        assertThat(update.expressionAttributeNames()).containsValue("home").doesNotContainValue("previous")
                .doesNotContainValue("geo").doesNotContainValue("name");

        recorder.clear();
        loaded.geo.place = new Geo.Place("Loop", new Geo.Building(9, "Annex")); // mutated in place
        loaded.contact.setScore(8);
        assertThat(loaded.changed()).containsExactly("geo", "contact");
        loaded.saveOrThrow();
        assertThat(recorder.single(UpdateItemRequest.class).expressionAttributeNames()).containsValues("geo", "contact")
                .doesNotContainValue("home");
        Customer again = Customer.find.byId(c.id());
        assertThat(again.geo.place.building().floor()).isEqualTo(9);
        assertThat(again.contact.getScore()).isEqualTo(8);
    }

    /** A document whose constraints a {@code @Valid} field cascades into. */
    public record Stop(@NotBlank String city, @Min(1) int order) {
    }

    @dev.dynarecord.annotation.Table(name = "doc_routes")
    public static class Route extends dev.dynarecord.Model<Route> {
        public static final dev.dynarecord.Finder<Route> find = finder(Route.class);
        @dev.dynarecord.annotation.Field @Valid public Stop home;
        @dev.dynarecord.annotation.Field @Valid public List<Stop> previous;
        @dev.dynarecord.annotation.Field public Stop unchecked; // no @Valid: not cascaded
    }

    @Test
    void validConstraintsCascadeWithPathsAsErrorKeys(RequestRecorder recorder) {
        Route c = new Route();
        c.home = new Stop(" ", 1);
        c.previous = List.of(new Stop("Boston", 2), new Stop("", 0));
        c.unchecked = new Stop("", 0);
        assertThat(c.save()).isFalse();
        assertThat(c.errors().asMap()).containsOnlyKeys("home.city", "previous[1].city", "previous[1].order");
        assertThat(c.errors().on("previous[1].order")).containsExactly("must be greater than or equal to 1");
        assertThat(recorder.count(PutItemRequest.class)).isZero();
    }

    @Test
    void itemsWrittenThroughTheSdkLoad(Session session) {
        Map<String, AttributeValue> address = Map.of("street", AttributeValue.fromS("7 Hill"), "city",
                AttributeValue.fromS("Paris"), "zip", AttributeValue.fromS("75001"), "extra", AttributeValue.fromN("1"));
        session.client().putItem(PutItemRequest.builder().tableName(Customer.find.tableName()).item(Map.of(
                "id", AttributeValue.fromS("raw-1"),
                "home", AttributeValue.fromM(address),
                "previous", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Lyon"))),
                        AttributeValue.fromNul(true))),
                "byLabel", AttributeValue.fromM(Map.of("old", AttributeValue.fromM(Map.of()))),
                "contact", AttributeValue.fromM(Map.of("email", AttributeValue.fromS("r@x.fr"), "verified",
                        AttributeValue.fromBool(true))))).build());
        Customer c = Customer.find.byId("raw-1");
        assertThat(c.home).isEqualTo(new Address("7 Hill", "Paris", "75001"));
        assertThat(c.previous).containsExactly(new Address(null, "Lyon", null), null);
        assertThat(c.byLabel).containsEntry("old", new Address(null, null, null));
        assertThat(c.contact).isEqualTo(new Contact("r@x.fr", true, 0));
        assertThat(c.geo).isNull();
    }
}
