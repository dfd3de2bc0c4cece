package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.lifecycle.Change;
import dev.dynarecord.lifecycle.Errors;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Only what changed is written; nothing changed, nothing sent; invalid, nothing sent. */
@DynarecordTest
class DirtyTrackingTest {

    public static class Player extends Model<Player> {
        public static final Finder<Player> find = finder(Player.class);
        @Field public String name;
        @Field public int rank;
        @Field public String nickname;
        @Field public Set<String> tags;

        @Override
        protected void validate(Errors errors) {
            if (rank < 0) {
                errors.add("rank", "must be >= 0");
            }
        }
    }

    @Table(locking = false)
    public static class Note extends Model<Note> {
        public static final Finder<Note> find = finder(Note.class);
        @Field public String title;
        @Field public String body;
    }

    private static Player saved() {
        Player p = new Player();
        p.name = "Ann";
        p.rank = 3;
        p.nickname = "A";
        p.tags = new HashSet<>(Set.of("x"));
        p.saveOrThrow();
        return Player.find.byId(p.id());
    }

    @Test
    void anUnchangedRecordSendsNothing(RequestRecorder recorder) {
        Player p = saved();
        recorder.clear();
        assertThat(p.hasChanges()).isFalse();
        assertThat(p.save()).isTrue();
        assertThat(recorder.count()).isZero();
        assertThat(p.previousChanges()).isEmpty();
    }

    @Test
    void oneChangedFieldIsOneUpdateNamingOnlyItAndTheBookkeeping(RequestRecorder recorder) {
        Player p = saved();
        p.name = "Jo";
        assertThat(p.changed()).containsExactly("name");
        assertThat(p.attributeChanged("name")).isTrue();
        assertThat(p.attributeChanged("rank")).isFalse();
        assertThat(p.attributeWas("name")).isEqualTo("Ann");
        assertThat(p.changes()).containsEntry("name", new Change("Ann", "Jo"));
        recorder.clear();
        p.saveOrThrow();
        UpdateItemRequest u = recorder.single(UpdateItemRequest.class);
        assertThat(u.expressionAttributeNames().values()).containsExactlyInAnyOrder("id", "name", "updatedAt", "lockVersion");
        assertThat(u.updateExpression()).startsWith("SET ").doesNotContain("REMOVE");
        assertThat(p.previousChanges()).containsKeys("name", "updatedAt");
        assertThat(p.hasChanges()).isFalse();
        assertThat(Player.find.byId(p.id()).name).isEqualTo("Jo");
    }

    @Test
    void aFieldSetToNullIsRemoved(RequestRecorder recorder) {
        Player p = saved();
        p.nickname = null;
        recorder.clear();
        p.saveOrThrow();
        UpdateItemRequest u = recorder.single(UpdateItemRequest.class);
        assertThat(u.updateExpression()).contains("REMOVE");
        assertThat(u.expressionAttributeNames().values()).contains("nickname").doesNotContain("name", "rank", "tags");
        assertThat(Player.find.byId(p.id()).nickname).isNull();
    }

    @Test
    void inPlaceChangesOfCollectionsAreSeen() {
        Player p = saved();
        p.tags.add("y");
        assertThat(p.changed()).containsExactly("tags");
        assertThat(p.changes().get("tags").was()).isEqualTo(Set.of("x"));
        p.saveOrThrow();
        assertThat(Player.find.byId(p.id()).tags).containsExactlyInAnyOrder("x", "y");
    }

    @Test
    void restoreAttributesUndoesEveryChange() {
        Player p = saved();
        p.name = "Zed";
        p.rank = 9;
        p.tags.clear();
        p.restoreAttributes();
        assertThat(p.name).isEqualTo("Ann");
        assertThat(p.rank).isEqualTo(3);
        assertThat(p.tags).containsExactly("x");
        assertThat(p.hasChanges()).isFalse();
    }

    @Test
    void aNewRecordHasEverySetFieldChanged() {
        Player p = new Player();
        p.name = "New";
        assertThat(p.changed()).contains("name").doesNotContain("nickname");
        assertThat(p.attributeWas("name")).isNull();
    }

    @Test
    void anInvalidRecordSendsNothing(RequestRecorder recorder) {
        Player p = saved();
        p.rank = -1;
        recorder.clear();
        assertThat(p.save()).isFalse();
        assertThat(p.errors().on("rank")).containsExactly("must be >= 0");
        assertThat(p.errors().fullMessages()).containsExactly("rank must be >= 0");
        assertThat(p.isValid()).isFalse();
        assertThat(recorder.count()).isZero();
        p.rank = 1;
        assertThat(p.isValid()).isTrue();
        assertThat(p.errors().isEmpty()).isTrue();
    }

    @Test
    void changesMadeConcurrentlyToOtherAttributesAreNotOverwritten() {
        Note n = new Note();
        n.title = "t";
        n.body = "b";
        n.saveOrThrow();
        Note a = Note.find.byId(n.id());
        Note b = Note.find.byId(n.id());
        a.title = "title by a";
        b.body = "body by b";
        a.saveOrThrow();
        b.saveOrThrow();
        Note stored = Note.find.byId(n.id());
        assertThat(List.of(stored.title, stored.body)).containsExactly("title by a", "body by b");
    }
}
