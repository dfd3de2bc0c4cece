package dev.dynarecord.it.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.exception.AssociationException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.query.Order;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** has_many: create, build, the cache, the query API, add, remove, delete, destroy and clear. */
@DynarecordTest
class HasManyTest {

    @BeforeEach
    void reset() {
        Address.BEFORE_DESTROY.set(0);
        Address.AFTER_DESTROY.set(0);
        Book.DESTROYED.set(0);
    }

    @AfterEach
    void noScan(RequestRecorder recorder) {
        assertThat(recorder.count(ScanRequest.class)).as("Scan requests").isZero();
    }

    static Member member(String name) {
        return Member.find.create(m -> m.name = name);
    }

    @Test
    void createLinksSavesAndStoresTheForeignKey(Session session, RequestRecorder recorder) {
        Member josh = member("Josh");
        Address a = josh.addresses.create(x -> x.city = "Chicago");

        assertThat(a.isPersisted()).isTrue();
        assertThat(a.member.id()).isEqualTo(josh.id());
        assertThat(Stored.item(session, Address.class, a.id()).get("memberId").s()).isEqualTo(josh.id());
        recorder.clear();
        assertThat(a.member.get()).isSameAs(josh);
        assertThat(recorder.count()).isZero();
        assertThat(Address.find.byId(a.id()).member.get().name).isEqualTo("Josh");
    }

    @Test
    void buildOnASavedOwnerLinksButDoesNotSave(Session session) {
        Member josh = member("Josh");
        Address b = josh.addresses.build(x -> x.city = "Boston");

        assertThat(b.isNewRecord()).isTrue();
        assertThat(b.member.id()).isEqualTo(josh.id());
        assertThat(b.member.get()).isSameAs(josh);
        assertThat(josh.addresses.query().count()).isZero();
        b.saveOrThrow();
        assertThat(Stored.item(session, Address.class, b.id()).get("memberId").s()).isEqualTo(josh.id());
        assertThat(josh.addresses.reload().all()).extracting(Model::id).containsExactly(b.id());
    }

    @Test
    void buildOnAnUnsavedOwnerTakesItsKeyWhenTheChildIsSaved(Session session) {
        Member fresh = Member.find.build(m -> m.name = "Fresh");
        Address c = fresh.addresses.build(x -> x.city = "Denver");

        assertThat(c.member.id()).isNull();
        assertThat(c.member.get()).isSameAs(fresh);
        assertThat(fresh.addresses.all()).containsExactly(c);
        assertThatThrownBy(c::saveOrThrow).isInstanceOf(RecordNotSavedException.class);
        assertThat(c.isNewRecord()).isTrue();

        fresh.saveOrThrow();
        c.saveOrThrow();
        assertThat(c.member.id()).isEqualTo(fresh.id());
        assertThat(Stored.item(session, Address.class, c.id()).get("memberId").s()).isEqualTo(fresh.id());
        assertThat(Address.find.byId(c.id()).member.get().name).isEqualTo("Fresh");
        assertThat(Member.find.byId(fresh.id()).addresses.all()).extracting(a -> a.city).containsExactly("Denver");
    }

    @Test
    void createOnAnUnsavedOwnerThrowsAndWritesNothing(RequestRecorder recorder) {
        Member fresh = Member.find.build(m -> m.name = "Fresh");
        recorder.clear();
        assertThatThrownBy(() -> fresh.addresses.create(x -> x.city = "X")).isInstanceOf(RecordNotSavedException.class);
        assertThatThrownBy(() -> fresh.addresses.add(Address.find.build(x -> x.city = "Y")))
                .isInstanceOf(RecordNotSavedException.class);
        assertThat(recorder.count()).isZero();
    }

    @Test
    void allIsCachedUntilReload(RequestRecorder recorder) {
        Member josh = member("Josh");
        josh.addresses.create(x -> x.city = "Chicago");
        Member loaded = Member.find.byId(josh.id());
        assertThat(loaded.addresses.isLoaded()).isFalse();
        assertThat(loaded.addresses.all()).extracting(a -> a.city).containsExactly("Chicago");
        assertThat(loaded.addresses.isLoaded()).isTrue();

        Address behind = Address.find.build(x -> x.city = "Elsewhere");
        behind.member.set(josh);
        behind.saveOrThrow();

        recorder.clear();
        assertThat(loaded.addresses.all()).extracting(a -> a.city).containsExactly("Chicago");
        assertThat(loaded.addresses.count()).isEqualTo(1);
        assertThat(loaded.addresses.first()).map(a -> a.city).contains("Chicago");
        assertThat(recorder.count()).as("served from the cache").isZero();

        assertThat(loaded.addresses.reload().all()).extracting(a -> a.city).containsExactlyInAnyOrder("Chicago", "Elsewhere");
        assertThat(recorder.count(QueryRequest.class)).isEqualTo(1);
    }

    @Test
    void childrensBelongsToIsTheOwnerWithoutARequest(RequestRecorder recorder) {
        Member josh = member("Josh");
        for (int i = 0; i < 3; i++) {
            int n = i;
            josh.addresses.create(x -> x.city = "C" + n);
        }
        Member loaded = Member.find.byId(josh.id());
        List<Address> all = loaded.addresses.all();
        assertThat(all).hasSize(3);
        recorder.clear();
        for (Address a : all) {
            assertThat(a.member.isLoaded()).isTrue();
            assertThat(a.member.get()).isSameAs(loaded);
        }
        Address first = Member.find.byId(josh.id()).addresses.first().orElseThrow();
        recorder.clear();
        assertThat(first.member.get().name).isEqualTo("Josh");
        assertThat(recorder.count()).isZero();
    }

    @Test
    void whereGivesTheFullQueryApi() {
        Member josh = member("Josh");
        Member other = member("Other");
        for (int i = 1; i <= 5; i++) {
            int n = i;
            josh.addresses.create(x -> { x.city = "C" + n; x.floor = n; });
            other.addresses.create(x -> { x.city = "C" + n; x.floor = n; });
        }
        assertThat(josh.addresses.where("floor").gt(2).all()).extracting(a -> a.floor).containsExactlyInAnyOrder(3, 4, 5);
        assertThat(josh.addresses.where("floor.lte", 2).all()).extracting(a -> a.floor).containsExactlyInAnyOrder(1, 2);
        assertThat(josh.addresses.where("city", "C4").all()).extracting(a -> a.member.id()).containsExactly(josh.id());
        assertThat(josh.addresses.where("floor").between(2, 4).count()).isEqualTo(3);
        assertThat(josh.addresses.query().count()).isEqualTo(5);
        assertThat(josh.addresses.query().limit(2).all()).hasSize(2);
        assertThat(josh.addresses.where("city").beginsWith("C").exists()).isTrue();
        assertThat(josh.addresses.where("city", "nowhere").exists()).isFalse();
        assertThat(josh.addresses.where("floor", 5).first()).map(a -> a.city).contains("C5");
    }

    @Test
    void orderFollowsTheForeignKeyIndexRangeKey() {
        Library lib = Library.find.create(l -> l.name = "L");
        for (int p : new int[] {3, 1, 4, 2}) {
            lib.notes.create(n -> { n.position = p; n.text = "n" + p; });
        }
        assertThat(lib.notes.query().all()).extracting(n -> n.position).containsExactly(1, 2, 3, 4);
        assertThat(lib.notes.query().order(Order.DESC).all()).extracting(n -> n.position).containsExactly(4, 3, 2, 1);
        assertThat(lib.notes.query().order(Order.DESC).limit(2).all()).extracting(n -> n.position).containsExactly(4, 3);
        assertThat(lib.notes.where("position").gte(3).all()).extracting(n -> n.text).containsExactly("n3", "n4");
    }

    @Test
    void firstCountExistsOnAFreshObjectQuery(RequestRecorder recorder) {
        Member josh = member("Josh");
        Member loaded = Member.find.byId(josh.id());
        assertThat(loaded.addresses.isEmpty()).isTrue();
        assertThat(loaded.addresses.exists()).isFalse();
        assertThat(loaded.addresses.count()).isZero();
        assertThat(loaded.addresses.first()).isEmpty();

        josh.addresses.create(x -> x.city = "A");
        josh.addresses.create(x -> x.city = "B");
        Member again = Member.find.byId(josh.id());
        recorder.clear();
        assertThat(again.addresses.count()).isEqualTo(2);
        assertThat(recorder.single(QueryRequest.class).select()).isEqualTo(Select.COUNT);
        assertThat(again.addresses.exists()).isTrue();
        assertThat(again.addresses.isEmpty()).isFalse();
        assertThat(again.addresses.first()).map(a -> a.city).isPresent();
        assertThat(again.addresses.isLoaded()).isFalse();
        assertThat(recorder.count(GetItemRequest.class)).isZero();
    }

    @Test
    void addLinksSavesAndSetsTheInverse(Session session, RequestRecorder recorder) {
        Member josh = member("Josh");
        Member ada = member("Ada");
        Address loose = Address.find.create(x -> x.city = "Loose");
        Address unsaved = Address.find.build(x -> x.city = "New");

        josh.addresses.add(loose, unsaved);
        assertThat(unsaved.isPersisted()).isTrue();
        for (Address a : List.of(loose, unsaved)) {
            assertThat(Stored.item(session, Address.class, a.id()).get("memberId").s()).isEqualTo(josh.id());
        }
        recorder.clear();
        assertThat(loose.member.get()).isSameAs(josh);
        assertThat(recorder.count()).isZero();
        assertThat(josh.addresses.all()).extracting(a -> a.city).containsExactlyInAnyOrder("Loose", "New");

        ada.addresses.add(loose);
        assertThat(Stored.item(session, Address.class, loose.id()).get("memberId").s()).isEqualTo(ada.id());
        assertThat(loose.member.get()).isSameAs(ada);
        assertThat(josh.addresses.reload().all()).extracting(a -> a.city).containsExactly("New");
        assertThat(ada.addresses.all()).extracting(a -> a.city).containsExactly("Loose");
    }

    @Test
    void removeNullifiesTheStoredForeignKeyAndKeepsTheChild(Session session) {
        Member josh = member("Josh");
        Address a = josh.addresses.create(x -> x.city = "A");
        Address b = josh.addresses.create(x -> x.city = "B");
        assertThat(josh.addresses.all()).hasSize(2);

        josh.addresses.remove(a);

        Map<String, AttributeValue> item = Stored.item(session, Address.class, a.id());
        assertThat(item).isNotEmpty().doesNotContainKey("memberId");
        assertThat(item.get("city").s()).isEqualTo("A");
        assertThat(a.isPersisted()).isTrue();
        assertThat(a.member.id()).isNull();
        assertThat(a.member.get()).isNull();
        assertThat(a.hasChanges()).as("the object follows the stored item").isFalse();
        assertThat(josh.addresses.all()).containsExactly(b);
        assertThat(josh.addresses.count()).isEqualTo(1);
        assertThat(Member.find.byId(josh.id()).addresses.all()).extracting(Model::id).containsExactly(b.id());
        assertThat(Address.find.byId(a.id()).member.id()).isNull();
        assertThat(a.lockVersion()).as("the object took the stored lock version").isEqualTo(2);
        a.city = "A2";
        assertThat(a.save()).as("the detached child saves again without a StaleRecordException").isTrue();
        assertThat(Stored.item(session, Address.class, a.id()).get("city").s()).isEqualTo("A2");

        Address stranger = member("Ada").addresses.create(x -> x.city = "S");
        assertThatThrownBy(() -> josh.addresses.remove(stranger)).isInstanceOf(AssociationException.class);
        assertThat(Stored.item(session, Address.class, stranger.id()).get("memberId").s()).isEqualTo(stranger.member.id());
    }

    @Test
    void deleteRemovesTheItemWithoutCallbacks(Session session) {
        Member josh = member("Josh");
        Address a = josh.addresses.create(x -> x.city = "A");
        josh.addresses.create(x -> x.city = "B");

        josh.addresses.delete(a);

        assertThat(Stored.item(session, Address.class, a.id())).isEmpty();
        assertThat(Address.BEFORE_DESTROY.get()).isZero();
        assertThat(Address.AFTER_DESTROY.get()).isZero();
        assertThat(josh.addresses.all()).extracting(x -> x.city).containsExactly("B");
        assertThat(josh.addresses.reload().count()).isEqualTo(1);
    }

    @Test
    void destroyRunsTheCallbacks(Session session) {
        Member josh = member("Josh");
        Address a = josh.addresses.create(x -> x.city = "A");
        josh.addresses.create(x -> x.city = "B");
        assertThat(josh.addresses.all()).hasSize(2);

        assertThat(josh.addresses.destroy(a)).isTrue();

        assertThat(a.isDestroyed()).isTrue();
        assertThat(Stored.item(session, Address.class, a.id())).isEmpty();
        assertThat(Address.BEFORE_DESTROY.get()).isEqualTo(1);
        assertThat(Address.AFTER_DESTROY.get()).isEqualTo(1);
        assertThat(josh.addresses.all()).extracting(x -> x.city).containsExactly("B");
        assertThat(josh.addresses.count()).isEqualTo(1);
    }

    @Test
    void clearNullifiesByDefault(Session session) {
        Team team = Team.find.create(t -> t.name = "T");
        Member a = Member.find.build(m -> m.name = "A");
        a.team.set(team);
        a.saveOrThrow();
        Member b = team.members.create(m -> m.name = "B");
        assertThat(team.members.all()).hasSize(2);

        team.members.clear();

        assertThat(team.members.all()).isEmpty();
        for (Member m : List.of(a, b)) {
            Map<String, AttributeValue> item = Stored.item(session, Member.class, m.id());
            assertThat(item).isNotEmpty().doesNotContainKey("teamId");
        }
        assertThat(Team.find.byId(team.id()).members.all()).isEmpty();
        assertThat(Team.find.byId(team.id()).members.count()).isZero();
    }

    @Test
    void clearDestroysWhenDependentIsDestroy(Session session) {
        Member josh = member("Josh");
        Address a = josh.addresses.create(x -> x.city = "A");
        Address b = josh.addresses.create(x -> x.city = "B");

        Member.find.byId(josh.id()).addresses.clear();

        assertThat(Address.BEFORE_DESTROY.get()).isEqualTo(2);
        assertThat(Address.AFTER_DESTROY.get()).isEqualTo(2);
        assertThat(Stored.item(session, Address.class, a.id())).isEmpty();
        assertThat(Stored.item(session, Address.class, b.id())).isEmpty();
        assertThat(josh.addresses.reload().all()).isEmpty();
        assertThat(Stored.item(session, Member.class, josh.id())).isNotEmpty();
    }

    @Test
    void clearDeletesWhenDependentIsDelete(Session session) {
        Library lib = Library.find.create(l -> l.name = "L");
        Book a = lib.books.create(x -> x.title = "A");
        Book b = lib.books.create(x -> x.title = "B");

        lib.books.clear();

        assertThat(Book.DESTROYED.get()).isZero();
        assertThat(Stored.item(session, Book.class, a.id())).isEmpty();
        assertThat(Stored.item(session, Book.class, b.id())).isEmpty();
        assertThat(lib.books.all()).isEmpty();
        assertThat(lib.books.reload().count()).isZero();
    }
}
