package dev.dynarecord.it.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Session;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** belongs_to: lazy cached get, set and clear saved with the record, unsaved owners, the foreign key by name. */
@DynarecordTest
class BelongsToTest {

    @AfterEach
    void noScan(RequestRecorder recorder) {
        assertThat(recorder.count(ScanRequest.class)).as("Scan requests").isZero();
    }

    @Test
    void getReadsTheOwnerOnceThenCaches(RequestRecorder recorder) {
        Member josh = Member.find.create(m -> m.name = "Josh");
        Address a = josh.addresses.create(x -> x.city = "A");
        Address loaded = Address.find.byId(a.id());
        assertThat(loaded.member.isLoaded()).isFalse();

        recorder.clear();
        Member owner = loaded.member.get();
        assertThat(owner.name).isEqualTo("Josh");
        assertThat(recorder.count(GetItemRequest.class)).isEqualTo(1);
        assertThat(recorder.count()).isEqualTo(1);
        assertThat(loaded.member.get()).isSameAs(owner);
        assertThat(loaded.member.optional()).containsSame(owner);
        assertThat(loaded.member.isLoaded()).isTrue();
        assertThat(recorder.count()).isEqualTo(1);

        Member again = loaded.member.reload();
        assertThat(again).isNotSameAs(owner);
        assertThat(again.name).isEqualTo("Josh");
        assertThat(recorder.count(GetItemRequest.class)).isEqualTo(2);
    }

    @Test
    void setAndClearArePersistedBySave(Session session) {
        Member josh = Member.find.create(m -> m.name = "Josh");
        Member ada = Member.find.create(m -> m.name = "Ada");
        Address a = Address.find.create(x -> x.city = "A");
        assertThat(a.member.get()).isNull();
        assertThat(a.member.optional()).isEmpty();
        assertThat(a.member.id()).isNull();

        a.member.set(josh);
        assertThat(a.member.id()).isEqualTo(josh.id());
        assertThat(Stored.item(session, Address.class, a.id())).doesNotContainKey("memberId");
        a.saveOrThrow();
        assertThat(Stored.item(session, Address.class, a.id()).get("memberId").s()).isEqualTo(josh.id());
        assertThat(josh.addresses.all()).extracting(x -> x.id()).containsExactly(a.id());

        a.member.set(ada);
        a.saveOrThrow();
        assertThat(Stored.item(session, Address.class, a.id()).get("memberId").s()).isEqualTo(ada.id());
        assertThat(Address.find.byId(a.id()).member.get().name).isEqualTo("Ada");

        a.member.clear();
        assertThat(a.member.get()).isNull();
        a.saveOrThrow();
        assertThat(Stored.item(session, Address.class, a.id())).isNotEmpty().doesNotContainKey("memberId");
        assertThat(Address.find.byId(a.id()).member.optional()).isEmpty();

        a.member.set(josh);
        a.member.set(null);
        a.saveOrThrow();
        assertThat(Stored.item(session, Address.class, a.id())).doesNotContainKey("memberId");
    }

    @Test
    void anUnsavedOwnerGivesItsKeyWhenTheChildIsSavedAfterIt(Session session) {
        Member later = Member.find.build(m -> m.name = "Later");
        Address a = Address.find.build(x -> x.city = "A");
        a.member.set(later);
        assertThat(a.member.id()).isNull();
        assertThat(a.member.get()).isSameAs(later);

        assertThatThrownBy(a::saveOrThrow).isInstanceOf(RecordNotSavedException.class);
        assertThat(a.isNewRecord()).isTrue();

        later.saveOrThrow();
        a.saveOrThrow();
        assertThat(a.member.id()).isEqualTo(later.id());
        assertThat(a.member.get()).isSameAs(later);
        assertThat(Stored.item(session, Address.class, a.id()).get("memberId").s()).isEqualTo(later.id());
        assertThat(later.addresses.all()).extracting(x -> x.city).containsExactly("A");
    }

    @Test
    void writingTheForeignKeyByNameInvalidatesTheCache(Session session, RequestRecorder recorder) {
        Member josh = Member.find.create(m -> m.name = "Josh");
        Member ada = Member.find.create(m -> m.name = "Ada");
        Address a = josh.addresses.create(x -> x.city = "A");
        assertThat(a.member.get()).isSameAs(josh);

        a.writeAttribute("memberId", ada.id());
        assertThat(a.readAttribute("memberId")).isEqualTo(ada.id());
        assertThat(a.member.id()).isEqualTo(ada.id());
        assertThat(a.member.isLoaded()).isFalse();
        recorder.clear();
        assertThat(a.member.get().name).isEqualTo("Ada");
        assertThat(recorder.count(GetItemRequest.class)).isEqualTo(1);
        a.saveOrThrow();
        assertThat(Stored.item(session, Address.class, a.id()).get("memberId").s()).isEqualTo(ada.id());

        a.writeAttribute("memberId", null);
        assertThat(a.member.get()).isNull();
    }

    @Test
    void aForeignKeyToNoRecordGivesNull() {
        Address a = Address.find.build(x -> x.city = "A");
        a.writeAttribute("memberId", "no-such-member");
        assertThat(a.member.id()).isEqualTo("no-such-member");
        assertThat(a.member.get()).isNull();
        assertThat(a.member.optional()).isEmpty();
    }

    @Test
    void aCompositeKeyCannotMoveOrBeCleared() {
        Forum f = Forum.find.create(x -> x.title = "F");
        Forum g = Forum.find.create(x -> x.title = "G");
        Topic t = f.topics.create(x -> x.subject = "S");
        assertThat(t.forum.id()).isEqualTo(f.id());
        assertThat(Topic.find.byId(f.id(), t.id()).forum.get().title).isEqualTo("F");
        assertThatThrownBy(() -> t.forum.set(g)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(t.forum::clear).isInstanceOf(InvalidKeyException.class);
        assertThat(t.forum.id()).isEqualTo(f.id());
    }
}
