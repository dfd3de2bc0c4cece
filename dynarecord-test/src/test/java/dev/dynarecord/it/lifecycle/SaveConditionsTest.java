package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.RecordNotUniqueException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import org.junit.jupiter.api.Test;

/** User conditions on save and destroy: a named exception when false, and nothing written. */
@DynarecordTest
class SaveConditionsTest {

    public static class Doc extends Model<Doc> {
        public static final Finder<Doc> find = finder(Doc.class);
        @HashKey public String code;
        @Field public String status;
        @Field public String title;
    }

    private static Doc saved(String status) {
        return Doc.find.create(d -> {
            d.code = java.util.UUID.randomUUID().toString();
            d.status = status;
            d.title = "t";
        });
    }

    @Test
    void saveIfTheStoredItemMatches() {
        Doc d = saved("draft");
        d.title = "edited";
        assertThat(d.save(WriteCondition.where("status", "draft"))).isTrue();
        d.title = "again";
        assertThatThrownBy(() -> d.save(WriteCondition.where("status", "published"))).isInstanceOf(ConditionFailedException.class)
                .hasMessageContaining("status eq 'published'").hasMessageContaining("nothing was written");
        assertThat(Doc.find.byId(d.id()).title).isEqualTo("edited");
    }

    @Test
    void aStaleCopyIsStaleEvenWithATrueCondition() {
        Doc d = saved("draft");
        Doc other = Doc.find.byId(d.id());
        d.title = "first";
        d.saveOrThrow();
        other.title = "second";
        assertThatThrownBy(() -> other.save(WriteCondition.where("status", "draft"))).isInstanceOf(StaleRecordException.class);
    }

    @Test
    void destroyIfTheStoredItemMatches() {
        Doc d = saved("draft");
        assertThatThrownBy(() -> d.destroy(WriteCondition.where("status", "archived"))).isInstanceOf(ConditionFailedException.class);
        assertThat(d.isDestroyed()).isFalse();
        assertThat(Doc.find.exists(d.id())).isTrue();
        assertThat(d.destroy(WriteCondition.where("status", "draft"))).isTrue();
        assertThat(Doc.find.exists(d.id())).isFalse();
    }

    @Test
    void aNewRecordWithAConditionTellsATakenKeyFromAFalseCondition() {
        Doc d = saved("draft");
        Doc copy = new Doc();
        copy.code = d.code;
        assertThatThrownBy(() -> copy.save(WriteCondition.unlessExists("title"))).isInstanceOf(RecordNotUniqueException.class);
        Doc fresh = new Doc();
        fresh.code = "fresh";
        fresh.status = "x";
        assertThatThrownBy(() -> fresh.save(WriteCondition.where("status", "x"))).isInstanceOf(ConditionFailedException.class)
                .hasMessageContaining("new record");
        assertThat(fresh.isNewRecord()).isTrue();
    }

    @Test
    void aConditionOnAnUnknownFieldSendsNothing(RequestRecorder recorder) {
        Doc d = saved("draft");
        d.title = "changed";
        recorder.clear();
        assertThatThrownBy(() -> d.save(WriteCondition.where("nope", 1))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("nope");
        assertThat(recorder.count()).isZero();
    }
}
