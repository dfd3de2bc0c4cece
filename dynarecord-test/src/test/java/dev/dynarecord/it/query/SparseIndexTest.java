package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.LocalIndex;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.ScanProhibitedException;
import dev.dynarecord.it.Stderr;
import dev.dynarecord.query.QueryPlan;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A secondary index holds only the items that have all its key attributes. The planner must not
 * answer a query from an index that can miss records the query matches: records that lack an
 * index's range key are still returned and counted.
 */
@DynarecordTest
class SparseIndexTest {

    private static final String MAY_MISS = "name_email_index may miss records lacking email";

    /** Dynamoid's {@code index :name} plus {@code index [:name, :email]}. */
    public static class Person extends Model<Person> {
        public static final Finder<Person> find = finder(Person.class);
        @Field @Index @GlobalIndex(name = "name_email_index", rangeKey = "email") public String name;
        @Field public String email;
    }

    /** Only {@code index [:name, :email]}: no index holds every record with a name. */
    public static class Contact extends Model<Contact> {
        public static final Finder<Contact> find = finder(Contact.class);
        @Field @GlobalIndex(rangeKey = "email") public String name;
        @Field public String email;
    }

    /** Indexes whose range keys no saved record lacks: a magic timestamp, a validated field, a primitive. */
    public static class Ticket extends Model<Ticket> {
        public static final Finder<Ticket> find = finder(Ticket.class);
        @Field @GlobalIndex(rangeKey = "createdAt") public String queue;
        @Field @GlobalIndex(rangeKey = "priority") public String owner;
        @Field @NotNull public Integer priority;
        @Field @GlobalIndex(rangeKey = "seq") public String team;
        @Field public int seq;
    }

    /** A local index on an optional field holds only the lines that have it. */
    @Table(key = "page", rangeKey = "n")
    public static class Line extends Model<Line> {
        public static final Finder<Line> find = finder(Line.class);
        @Field public String page;
        @Field public int n;
        @Field @LocalIndex public String tag;
    }

    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        person("Josh", "josh@x.z");
        person("Josh", null);
        person("Josh", null);
        person("Ann", null);
        contact("Josh", "josh@x.z");
        contact("Josh", null);
        contact("Josh", null);
        contact("Ann", "ann@x.z");
        for (int i = 0; i < 3; i++) {
            int n = i;
            Ticket.find.create(t -> {
                t.queue = "q";
                t.owner = "o";
                t.priority = n;
                t.team = "t";
                t.seq = n;
            });
            Line.find.create(l -> {
                l.page = "p";
                l.n = n;
                l.tag = n == 0 ? "first" : null;
            });
        }
    }

    @Test
    void recordsWithoutTheRangeAttributeAreReturnedAndCounted(RequestRecorder recorder) {
        assertThat(Person.find.where("name", "Josh").all()).hasSize(3).extracting(p -> p.email)
                .containsExactlyInAnyOrder("josh@x.z", null, null);
        assertThat(Person.find.where("name", "Josh").count()).isEqualTo(3);
        assertThat(Person.find.where("name", "Josh").where("email", null).count()).isEqualTo(2);
        assertThat(recorder.requests(QueryRequest.class)).hasSize(3)
                .allSatisfy(q -> assertThat(q.indexName()).isEqualTo("name_index"));
        assertThat(recorder.requests(ScanRequest.class)).isEmpty();
    }

    @Test
    void explainShowsTheIndexThatHoldsEveryRecord() {
        QueryPlan plan = Person.find.where("name", "Josh").explain();
        assertThat(plan.isScan()).isFalse();
        assertThat(plan.indexName()).contains("name_index");
        assertThat(plan.toString()).doesNotContain("may miss");
    }

    @Test
    void aConditionOnTheRangeKeyStillUsesTheTwoKeyIndex(RequestRecorder recorder) {
        QueryPlan plan = Person.find.where("name", "Josh").where("email").beginsWith("josh").explain();
        assertThat(plan.indexName()).contains("name_email_index");
        assertThat(plan.toString()).doesNotContain("may miss");
        assertThat(Person.find.where("name", "Josh").where("email").beginsWith("josh").all()).extracting(p -> p.email)
                .containsExactly("josh@x.z");
        assertThat(recorder.single(QueryRequest.class).indexName()).isEqualTo("name_email_index");
    }

    @Test
    void whenOnlyASparseIndexFitsExplainSaysWhyAndTheQueryScans(RequestRecorder recorder) {
        QueryPlan plan = Contact.find.where("name", "Josh").explain();
        assertThat(plan.isScan()).isTrue();
        assertThat(plan.reason()).contains(MAY_MISS).contains("useIndex(\"name_email_index\")");
        assertThat(plan.toString()).contains(MAY_MISS);
        String log = Stderr.of(() -> assertThat(Contact.find.where("name", "Josh").all()).hasSize(3));
        assertThat(log).contains("WARN", "Scan of table", MAY_MISS);
        assertThat(Contact.find.where("name", "Josh").count()).isEqualTo(3);
        assertThat(recorder.requests(ScanRequest.class)).hasSize(2);
        assertThat(recorder.requests(QueryRequest.class)).isEmpty();
    }

    @Test
    void errorOnScanRefusesTheQueryAndNamesTheSparseIndex() {
        String namespace = "sparse_" + UUID.randomUUID().toString().substring(0, 8);
        RequestRecorder own = new RequestRecorder();
        try (Session session = Session.open(c -> c.adapter(Adapter.LOCAL).namespace(namespace).errorOnScan(true))) {
            try {
                session.addListener(own);
                Finder<Contact> find = Contact.find.using(session);
                Contact josh = new Contact().using(session);
                josh.name = "Josh";
                josh.saveOrThrow();
                own.clear();
                assertThatThrownBy(() -> find.where("name", "Josh").all()).isInstanceOf(ScanProhibitedException.class)
                        .hasMessageContaining(MAY_MISS).hasMessageContaining("useIndex(\"name_email_index\")");
                assertThatThrownBy(() -> find.where("name", "Josh").count()).isInstanceOf(ScanProhibitedException.class);
                assertThat(own.requests()).as("requests sent while refusing the scan").isEmpty();
                assertThat(find.where("name", "Josh").allowScan().count()).isEqualTo(1);
                assertThat(find.useIndex("name_email_index").where("name", "Josh").count()).isZero();
            } finally {
                session.tables().dropAll();
            }
        }
    }

    @Test
    void useIndexReadsTheSparseIndexAndExplainWarns(RequestRecorder recorder) {
        QueryPlan plan = Contact.find.useIndex("name_email_index").where("name", "Josh").explain();
        assertThat(plan.isScan()).isFalse();
        assertThat(plan.indexName()).contains("name_email_index");
        assertThat(plan.toString()).contains("warning: global index " + MAY_MISS);
        assertThat(Contact.find.useIndex("name_email_index").where("name", "Josh").all()).extracting(c -> c.email)
                .containsExactly("josh@x.z");
        assertThat(Contact.find.global("name_email_index", "Josh").count()).isEqualTo(1);
        assertThat(recorder.requests(QueryRequest.class)).hasSize(2)
                .allSatisfy(q -> assertThat(q.indexName()).isEqualTo("name_email_index"));
        assertThat(recorder.requests(ScanRequest.class)).isEmpty();
    }

    @Test
    void rangeKeysThatNoSavedRecordLacksKeepTheirIndex(RequestRecorder recorder) {
        assertThat(Ticket.find.where("queue", "q").all()).hasSize(3);
        assertThat(Ticket.find.where("owner", "o").count()).isEqualTo(3);
        assertThat(Ticket.find.where("team", "t").count()).isEqualTo(3);
        assertThat(recorder.requests(QueryRequest.class)).extracting(QueryRequest::indexName)
                .containsExactly("queue_createdAt_index", "owner_priority_index", "team_seq_index");
        assertThat(recorder.requests(ScanRequest.class)).isEmpty();
        assertThat(Ticket.find.where("owner", "o").explain().toString()).doesNotContain("may miss");
        // The validation is what makes priority safe to rely on: a ticket without one is never stored.
        Ticket unranked = new Ticket();
        unranked.owner = "o";
        assertThat(unranked.save()).isFalse();
        assertThat(unranked.errors().on("priority")).isNotEmpty();
    }

    @Test
    void aLocalIndexOnAnOptionalFieldIsSparseToo(RequestRecorder recorder) {
        assertThat(Line.find.where("page", "p").explain().indexName()).isEmpty();
        assertThat(Line.find.where("page", "p").count()).isEqualTo(3);
        assertThat(Line.find.where("page", "p").where("tag", "first").explain().toString()).doesNotContain("may miss");
        QueryPlan forced = Line.find.useIndex("tag_index").where("page", "p").explain();
        assertThat(forced.indexName()).contains("tag_index");
        assertThat(forced.toString()).contains("warning: local index tag_index may miss records lacking tag");
        recorder.clear();
        assertThat(Line.find.useIndex("tag_index").where("page", "p").all()).extracting(l -> l.n).containsExactly(0);
        assertThat(recorder.single(QueryRequest.class).indexName()).isEqualTo("tag_index");
    }

    private static void person(String name, String email) {
        Person.find.create(p -> {
            p.name = name;
            p.email = email;
        });
    }

    private static void contact(String name, String email) {
        Contact.find.create(c -> {
            c.name = name;
            c.email = email;
        });
    }
}
