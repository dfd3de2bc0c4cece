package dev.dynarecord.it.association;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** What an owner's destroy does to its children: destroy (with callbacks, through grandchildren), delete, nullify; paged. */
@DynarecordTest
class DependentTest {

    @BeforeEach
    void reset() {
        Address.BEFORE_DESTROY.set(0);
        Address.AFTER_DESTROY.set(0);
        Book.DESTROYED.set(0);
        Role.DESTROYED.set(0);
        Topic.DESTROYED.set(0);
        Post.DESTROYED.set(0);
    }

    @AfterEach
    void noScan(RequestRecorder recorder) {
        assertThat(recorder.count(ScanRequest.class)).as("Scan requests").isZero();
    }

    @Test
    void destroyRunsTheChildrensCallbacks(Session session) {
        Member josh = Member.find.create(m -> m.name = "Josh");
        Address a = josh.addresses.create(x -> x.city = "A");
        Address b = josh.addresses.create(x -> x.city = "B");
        Role r = josh.role.create(x -> x.title = "R");
        Address other = Member.find.create(m -> m.name = "Other").addresses.create(x -> x.city = "O");

        assertThat(Member.find.byId(josh.id()).destroy()).isTrue();

        assertThat(Address.BEFORE_DESTROY.get()).isEqualTo(2);
        assertThat(Address.AFTER_DESTROY.get()).isEqualTo(2);
        assertThat(Role.DESTROYED.get()).isEqualTo(1);
        assertThat(Stored.item(session, Address.class, a.id())).isEmpty();
        assertThat(Stored.item(session, Address.class, b.id())).isEmpty();
        assertThat(Stored.item(session, Role.class, r.id())).isEmpty();
        assertThat(Stored.item(session, Member.class, josh.id())).isEmpty();
        assertThat(Stored.item(session, Address.class, other.id())).isNotEmpty();
    }

    @Test
    void destroyCascadesThroughCompositeGrandchildren(Session session) {
        Forum f = Forum.find.create(x -> x.title = "F");
        Forum kept = Forum.find.create(x -> x.title = "K");
        List<Topic> topics = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int n = t;
            Topic topic = f.topics.create(x -> x.subject = "S" + n);
            topics.add(topic);
            for (int p = 0; p < 4; p++) {
                int m = p;
                topic.posts.create(x -> x.body = "P" + m);
            }
        }
        Topic keptTopic = kept.topics.create(x -> x.subject = "K");
        keptTopic.posts.create(x -> x.body = "K");

        assertThat(Forum.find.byId(f.id()).destroy()).isTrue();

        assertThat(Topic.DESTROYED.get()).isEqualTo(3);
        assertThat(Post.DESTROYED.get()).isEqualTo(12);
        assertThat(Topic.find.where("forumId", f.id()).count()).isZero();
        for (Topic topic : topics) {
            assertThat(Post.find.where("topicId", topic.posts.query().explain().toString()).count()).isZero();
            assertThat(topic.posts.reload().count()).isZero();
        }
        assertThat(Stored.item(session, Forum.class, f.id())).isEmpty();
        assertThat(Topic.find.where("forumId", kept.id()).count()).isEqualTo(1);
        assertThat(keptTopic.posts.reload().count()).isEqualTo(1);
    }

    @Test
    void deleteRemovesItemsWithoutCallbacks(Session session) {
        Library lib = Library.find.create(l -> l.name = "L");
        Book a = lib.books.create(b -> b.title = "A");
        Book b = lib.books.create(x -> x.title = "B");

        Library.find.byId(lib.id()).destroy();

        assertThat(Book.DESTROYED.get()).isZero();
        assertThat(Stored.item(session, Book.class, a.id())).isEmpty();
        assertThat(Stored.item(session, Book.class, b.id())).isEmpty();
    }

    @Test
    void nullifyRemovesTheForeignKeyAndKeepsTheChildren(Session session) {
        Library lib = Library.find.create(l -> l.name = "L");
        Note a = lib.notes.create(n -> n.text = "A");
        Note b = lib.notes.create(n -> n.text = "B");
        Card card = lib.card.create(c -> c.code = "C");

        Library.find.byId(lib.id()).destroy();

        for (Note n : List.of(a, b)) {
            Map<String, AttributeValue> item = Stored.item(session, Note.class, n.id());
            assertThat(item).isNotEmpty().doesNotContainKey("libraryId");
            assertThat(Note.find.byId(n.id()).library.get()).isNull();
        }
        // no dependent declared: as ActiveRecord, the owner's destroy leaves the card as it is
        assertThat(Stored.item(session, Card.class, card.id()).get("libraryId").s()).isEqualTo(lib.id());
    }

    @Test
    void deleteOf250ChildrenPagesAndBatches(Session session, RequestRecorder recorder) {
        Library lib = Library.find.create(l -> l.name = "Big");
        for (int i = 0; i < 250; i++) {
            int n = i;
            lib.books.create(b -> b.title = "B" + n);
        }
        Library loaded = Library.find.byId(lib.id());
        assertThat(loaded.books.count()).isEqualTo(250);
        recorder.clear();

        loaded.destroy();

        assertThat(recorder.count(BatchWriteItemRequest.class)).isEqualTo(10);
        List<QueryRequest> queries = recorder.requests(QueryRequest.class).stream()
                .filter(q -> q.tableName().equals(session.tableName(Book.class))).toList();
        assertThat(queries).hasSize(3).allSatisfy(q -> assertThat(q.limit()).isEqualTo(100));
        assertThat(Book.DESTROYED.get()).isZero();
        assertThat(Book.find.where("ownerRef", lib.id()).count()).isZero();
        assertThat(Stored.count(session, Book.class)).isZero();
    }

    @Test
    void destroyOf250ChildrenRunsEveryCallback(Session session, RequestRecorder recorder) {
        Member josh = Member.find.create(m -> m.name = "Josh");
        for (int i = 0; i < 250; i++) {
            int n = i;
            josh.addresses.create(x -> x.city = "C" + n);
        }
        Address.BEFORE_DESTROY.set(0);
        recorder.clear();

        Member.find.byId(josh.id()).destroy();

        assertThat(Address.BEFORE_DESTROY.get()).isEqualTo(250);
        assertThat(Address.AFTER_DESTROY.get()).isEqualTo(250);
        assertThat(recorder.count(QueryRequest.class)).isGreaterThanOrEqualTo(3);
        assertThat(Address.find.where("memberId", josh.id()).count()).isZero();
    }
}
