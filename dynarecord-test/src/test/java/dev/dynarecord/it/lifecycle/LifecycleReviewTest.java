package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.AfterFind;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Defects found in review of the record lifecycle. */
@DynarecordTest
class LifecycleReviewTest {

    private static Map<String, AttributeValue> raw(Session session, String id) {
        return AtomicUpdateTest.raw(session, id);
    }

    @Test
    void aSaveAfterAnIncrementDoesNotWriteTheCounterBack(Session session, RequestRecorder recorder) {
        String id = (String) AtomicUpdateTest.player().id();
        Player p = Player.find.byId(id);
        Player other = Player.find.byId(id);

        p.increment("credits");
        assertThat(p.credits).isEqualTo(11);
        assertThat(p.hasChanges()).isFalse();
        assertThat(p.attributeWas("credits")).isEqualTo(11L);

        other.increment("credits");                 // a concurrent increment: 12 stored
        p.name = "Grace";
        recorder.clear();
        p.saveOrThrow();

        assertThat(p.previousChanges()).containsOnlyKeys("name", "updatedAt");
        assertThat(raw(session, id).get("credits").n()).isEqualTo("12");
    }

    @Test
    void aTouchedRecordAsLoadedHasNoChanges(Session session, RequestRecorder recorder) {
        String id = (String) AtomicUpdateTest.player().id();
        Player p = Player.find.byId(id);

        p.touch();

        assertThat(p.changed()).isEmpty();
        recorder.clear();
        assertThat(p.save()).isTrue();
        assertThat(recorder.count()).isZero();
    }

    @Test
    void aRecordLoadedWithProjectCanBeDestroyedAndTouched(Session session) {
        String id = (String) AtomicUpdateTest.player().id();
        Player partial = Player.find.where("id", id).project("name").first().orElseThrow();
        assertThat(partial.isPartial()).isTrue();
        assertThat(partial.lockVersion()).isEqualTo(1);

        partial.touch();
        assertThat(raw(session, id).get("lockVersion").n()).isEqualTo("2");

        assertThat(partial.destroy()).isTrue();
        assertThat(raw(session, id)).isEmpty();
    }

    public static class Seen extends Model<Seen> {
        public static final Finder<Seen> find = finder(Seen.class);
        final List<Boolean> partialInAfterFind = new ArrayList<>();
        @Field public String name;
        @Field public String note;

        @AfterFind
        void found() {
            partialInAfterFind.add(isPartial());
        }
    }

    @Test
    void afterFindSeesThatARecordLoadedWithProjectIsPartial() {
        Seen s = Seen.find.create(x -> {
            x.name = "a";
            x.note = "b";
        });
        Seen partial = Seen.find.where("id", s.id()).project("name").first().orElseThrow();
        assertThat(partial.partialInAfterFind).containsExactly(true);
        assertThat(Seen.find.where("id", s.id()).first().orElseThrow().partialInAfterFind).containsExactly(false);
    }

    public static class Versioned extends Model<Versioned> {
        public static final Finder<Versioned> find = finder(Versioned.class);
        @Field public String name;
        @Field public long lockVersion;
    }

    @Test
    void aFieldStoredUnderTheLockVersionNameIsRefusedBeforeAnyRequest(RequestRecorder recorder) {
        Versioned v = new Versioned();
        v.name = "a";
        recorder.clear();
        // Before: saved, with the field left at 0 while the item held 1 (and SET twice once the field changed).
        assertThatThrownBy(v::save).isInstanceOf(ModelDefinitionException.class).hasMessageContaining("lockVersion");
        assertThat(recorder.count()).isZero();
    }

    @Table(timestamps = false)
    public static class Tagged extends Model<Tagged> {
        public static final Finder<Tagged> find = finder(Tagged.class);
        @Field @GlobalIndex(projection = Projection.INCLUDE, include = {"note"}) public String tag;
        @Field public String note;
    }

    @Test
    void aRecordLoadedFromAnIndexWithoutTheLockVersionCanBeSaved() {
        Tagged.find.create(x -> {
            x.tag = "t";
            x.note = "n";
        });
        // The index holds every declared attribute but not lockVersion: the record must be completed from the table.
        Tagged viaIndex = Tagged.find.where("tag", "t").first().orElseThrow();
        assertThat(viaIndex.lockVersion()).isEqualTo(1);
        viaIndex.note = "m";
        viaIndex.saveOrThrow();
        assertThat(Tagged.find.byId(viaIndex.id()).note).isEqualTo("m");
    }
}
