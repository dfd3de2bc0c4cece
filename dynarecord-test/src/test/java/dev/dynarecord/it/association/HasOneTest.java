package dev.dynarecord.it.association;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** has_one: get, set, create and saving a built one replacing (the old one destroyed or nullified as declared), clear. */
@DynarecordTest
class HasOneTest {

    @BeforeEach
    void reset() {
        Role.DESTROYED.set(0);
    }

    @AfterEach
    void noScan(RequestRecorder recorder) {
        assertThat(recorder.count(ScanRequest.class)).as("Scan requests").isZero();
    }

    @Test
    void getQueriesOnceThenCaches(RequestRecorder recorder) {
        Member josh = Member.find.create(m -> m.name = "Josh");
        recorder.clear();
        assertThat(josh.role.get()).isNull();
        assertThat(josh.role.optional()).isEmpty();
        assertThat(recorder.count(QueryRequest.class)).isEqualTo(1);

        Role r = josh.role.create(x -> x.title = "admin");
        assertThat(josh.role.get()).isSameAs(r);
        assertThat(r.member.get()).isSameAs(josh);

        Member loaded = Member.find.byId(josh.id());
        recorder.clear();
        Role found = loaded.role.get();
        assertThat(found.title).isEqualTo("admin");
        assertThat(loaded.role.get()).isSameAs(found);
        assertThat(loaded.role.isLoaded()).isTrue();
        assertThat(found.member.get()).isSameAs(loaded);
        assertThat(recorder.count()).isEqualTo(1);
    }

    @Test
    void setAndCreateDestroyThePreviousWhenDependentIsDestroy(Session session) {
        Member josh = Member.find.create(m -> m.name = "Josh");
        Role first = josh.role.create(x -> x.title = "first");

        Role second = Role.find.build(x -> x.title = "second");
        Member.find.byId(josh.id()).role.set(second);
        assertThat(second.isPersisted()).isTrue();
        assertThat(second.member.id()).isEqualTo(josh.id());
        assertThat(Stored.item(session, Role.class, first.id())).isEmpty();
        assertThat(Role.DESTROYED.get()).isEqualTo(1);

        Member loaded = Member.find.byId(josh.id());
        Role third = loaded.role.create(x -> x.title = "third");
        assertThat(Stored.item(session, Role.class, second.id())).isEmpty();
        assertThat(Role.DESTROYED.get()).isEqualTo(2);
        assertThat(loaded.role.get()).isSameAs(third);
        assertThat(Member.find.byId(josh.id()).role.get().title).isEqualTo("third");

        loaded.role.clear();
        assertThat(loaded.role.get()).isNull();
        assertThat(Stored.item(session, Role.class, third.id())).isEmpty();
        assertThat(Role.DESTROYED.get()).isEqualTo(3);
        assertThat(Member.find.byId(josh.id()).role.get()).isNull();
    }

    @Test
    void setAndCreateNullifyThePreviousByDefault(Session session) {
        Library lib = Library.find.create(l -> l.name = "L");
        Card first = lib.card.create(c -> c.code = "1");
        assertThat(Stored.item(session, Card.class, first.id()).get("libraryId").s()).isEqualTo(lib.id());

        Card second = lib.card.create(c -> c.code = "2");
        assertThat(Stored.item(session, Card.class, first.id())).isNotEmpty().doesNotContainKey("libraryId");
        assertThat(first.library.id()).isNull();
        assertThat(lib.card.get()).isSameAs(second);
        assertThat(Library.find.byId(lib.id()).card.get().code).isEqualTo("2");

        Card third = Card.find.create(c -> c.code = "3");
        Library loaded = Library.find.byId(lib.id());
        loaded.card.set(third);
        assertThat(Stored.item(session, Card.class, third.id()).get("libraryId").s()).isEqualTo(lib.id());
        assertThat(Stored.item(session, Card.class, second.id())).isNotEmpty().doesNotContainKey("libraryId");
        assertThat(Library.find.byId(lib.id()).card.get().code).isEqualTo("3");

        loaded.card.set(null);
        assertThat(loaded.card.get()).isNull();
        assertThat(Stored.item(session, Card.class, third.id())).isNotEmpty().doesNotContainKey("libraryId");
        assertThat(Library.find.byId(lib.id()).card.get()).isNull();
    }

    @Test
    void savingABuiltRoleReplacesThePreviousAsSetDoesWithDependentDestroy(Session session) {
        Member josh = Member.find.create(m -> m.name = "Josh");
        Role first = josh.role.create(x -> x.title = "first");

        Role second = josh.role.build(x -> x.title = "second");
        assertThat(josh.role.get()).isSameAs(first);
        second.saveOrThrow();

        assertThat(josh.role.get()).isSameAs(second);
        assertThat(Stored.item(session, Role.class, first.id())).isEmpty();
        assertThat(first.isDestroyed()).isTrue();
        assertThat(Role.DESTROYED.get()).isEqualTo(1);
        assertThat(Member.find.byId(josh.id()).role.get().title).isEqualTo("second");

        // not loaded: the previous one is found by its foreign key when the built one is saved
        Member loaded = Member.find.byId(josh.id());
        Role third = loaded.role.build(x -> x.title = "third");
        third.saveOrThrow();
        assertThat(loaded.role.get()).isSameAs(third);
        assertThat(Stored.item(session, Role.class, second.id())).isEmpty();
        assertThat(Role.DESTROYED.get()).isEqualTo(2);
        assertThat(Member.find.byId(josh.id()).role.get().title).isEqualTo("third");

        // set(...) of a built one replaces the previous once
        Role fourth = loaded.role.build(x -> x.title = "fourth");
        loaded.role.set(fourth);
        assertThat(loaded.role.get()).isSameAs(fourth);
        assertThat(Stored.item(session, Role.class, third.id())).isEmpty();
        assertThat(Role.DESTROYED.get()).isEqualTo(3);
    }

    @Test
    void savingABuiltCardUnlinksThePreviousByDefault(Session session) {
        Library lib = Library.find.create(l -> l.name = "L");
        Card first = lib.card.create(c -> c.code = "1");

        Card second = lib.card.build(c -> c.code = "2");
        second.saveOrThrow();
        assertThat(lib.card.get()).isSameAs(second);
        assertThat(Stored.item(session, Card.class, first.id())).isNotEmpty().doesNotContainKey("libraryId");
        assertThat(first.library.id()).isNull();
        assertThat(Stored.item(session, Card.class, second.id()).get("libraryId").s()).isEqualTo(lib.id());
        assertThat(Library.find.byId(lib.id()).card.get().code).isEqualTo("2");

        Library loaded = Library.find.byId(lib.id());
        Card third = loaded.card.build(c -> c.code = "3");
        third.saveOrThrow();
        assertThat(loaded.card.get()).isSameAs(third);
        assertThat(Stored.item(session, Card.class, second.id())).isNotEmpty().doesNotContainKey("libraryId");
        assertThat(Library.find.byId(lib.id()).card.get().code).isEqualTo("3");
    }

    @Test
    void aBuiltCardMovedElsewhereBeforeItsSaveReplacesNothing(Session session) {
        Library lib = Library.find.create(l -> l.name = "L");
        Library other = Library.find.create(l -> l.name = "O");
        Card first = lib.card.create(c -> c.code = "1");

        Card built = lib.card.build(c -> c.code = "b");
        built.library.set(other);
        built.saveOrThrow();
        assertThat(lib.card.get()).isSameAs(first);
        assertThat(Stored.item(session, Card.class, first.id()).get("libraryId").s()).isEqualTo(lib.id());
        assertThat(Library.find.byId(lib.id()).card.get().code).isEqualTo("1");
    }

    @Test
    void buildLinksWithoutReplacingUntilSaved() {
        Library lib = Library.find.create(l -> l.name = "L");
        Card first = lib.card.create(c -> c.code = "1");
        Card built = lib.card.build(c -> c.code = "b");
        assertThat(built.isNewRecord()).isTrue();
        assertThat(built.library.id()).isEqualTo(lib.id());
        assertThat(lib.card.get()).isSameAs(first);
    }
}
