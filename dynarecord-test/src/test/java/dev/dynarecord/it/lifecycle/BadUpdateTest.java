package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Key;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.UnknownAttributeException;
import dev.dynarecord.internal.persist.UpdateBuilder;
import dev.dynarecord.internal.schema.Schemas;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad atomic update is a named exception with a helpful message, before any request. */
@DynarecordTest
class BadUpdateTest {

    private RequestRecorder recorder;
    private String id;

    @BeforeEach
    void aPlayer(RequestRecorder recorder) {
        this.recorder = recorder;
        this.id = (String) AtomicUpdateTest.player().id();
        recorder.clear();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(Consumer<Update> changes) {
        var thrown = assertThatThrownBy(() -> Player.find.update(id, changes));
        assertThat(recorder.count()).as("requests sent").isZero();
        return thrown;
    }

    @Test
    void anUndeclaredFieldNamesTheDeclaredOnes() {
        refused(u -> u.set("nmae", "x")).isInstanceOf(UnknownAttributeException.class)
                .hasMessageContaining("Player has no field 'nmae'").hasMessageContaining("name").hasMessageContaining("credits");
        refused(u -> u.increment("nope")).isInstanceOf(UnknownAttributeException.class).hasMessageContaining("'nope'");
        refused(u -> u.remove(" ")).isInstanceOf(UnknownAttributeException.class);
    }

    @Test
    void keysCannotChange() {
        refused(u -> u.set("id", "other")).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("Player.id").hasMessageContaining("hash key").hasMessageContaining("cannot change");
        assertThatThrownBy(() -> Event.find.update("s", 1L, u -> u.increment("sequence")))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("Event.sequence").hasMessageContaining("range key");
        assertThat(recorder.count()).isZero();
    }

    @Test
    void operationsMustSuitTheFieldsType() {
        refused(u -> u.increment("name")).isInstanceOf(InvalidUpdateException.class)
                .hasMessageContaining("Player.name").hasMessageContaining("not a number");
        refused(u -> u.decrement("lastSeen", 1)).isInstanceOf(InvalidUpdateException.class).hasMessageContaining("not a number");
        refused(u -> u.addToSet("history", "x")).isInstanceOf(InvalidUpdateException.class)
                .hasMessageContaining("Player.history").hasMessageContaining("not a set").hasMessageContaining("append");
        refused(u -> u.removeFromSet("name", "x")).isInstanceOf(InvalidUpdateException.class).hasMessageContaining("not a set");
        refused(u -> u.append("tags", "x")).isInstanceOf(InvalidUpdateException.class)
                .hasMessageContaining("Player.tags").hasMessageContaining("not a list").hasMessageContaining("addToSet");
        refused(u -> u.prepend("credits", 1)).isInstanceOf(InvalidUpdateException.class).hasMessageContaining("not a list");
        refused(u -> u.addToSet("tags")).isInstanceOf(InvalidUpdateException.class).hasMessageContaining("at least one element");
        refused(u -> u.setIfNotExists("name", null)).isInstanceOf(InvalidUpdateException.class).hasMessageContaining("remove");
        refused(u -> u.increment("credits", null)).isInstanceOf(InvalidUpdateException.class).hasMessageContaining("null");
    }

    @Test
    void valuesOfTheWrongTypeAreConversionErrors() {
        refused(u -> u.set("rank", "three")).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Player.rank").hasMessageContaining("three");
        refused(u -> u.increment("rank", 0.5)).isInstanceOf(ConversionException.class).hasMessageContaining("Player.rank");
        refused(u -> u.addToSet("lucky", "seven")).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Player.lucky").hasMessageContaining("seven");
        refused(u -> u.append("history", 42)).isInstanceOf(ConversionException.class).hasMessageContaining("Player.history");
        refused(u -> u.addToSet("tags", (Object) null)).isInstanceOf(ConversionException.class).hasMessageContaining("null");
        refused(u -> u.setIfNotExists("lastSeen", "yesterday")).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Player.lastSeen");
    }

    @Test
    void nanAndInfinitiesAreConversionErrors() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            refused(u -> u.add("count", bad)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Player.rank").hasMessageContaining("NaN or infinity");
            refused(u -> u.decrement("credits", bad)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Player.credits");
            refused(u -> u.set("visits", (float) bad)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Player.visits");
            refused(u -> u.set("score", (float) bad)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Player.score");
            refused(u -> u.addToSet("lucky", bad)).isInstanceOf(ConversionException.class)
                    .hasMessageContaining("Player.lucky");
        }
        Player loaded = Player.find.byId(id);
        recorder.clear();
        assertThatThrownBy(() -> loaded.increment("count", Double.NaN)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Player.rank").hasMessageContaining("NaN");
        assertThatThrownBy(() -> loaded.decrement("rank", Double.NEGATIVE_INFINITY)).isInstanceOf(ConversionException.class);
        assertThatThrownBy(() -> loaded.increment("score", Float.POSITIVE_INFINITY)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Player.score");
        assertThatThrownBy(() -> Player.find.where("count", Double.NaN).all()).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Player.rank");
        assertThat(recorder.count()).isZero();
        assertThat(Player.find.byId(id).rank).isEqualTo(loaded.rank);
    }

    @Test
    void aFieldChangedTwiceIsRefused() {
        refused(u -> u.increment("credits").set("credits", 3)).isInstanceOf(InvalidUpdateException.class)
                .hasMessageContaining("Player.credits is changed twice").hasMessageContaining("overlapping");
        refused(u -> u.addToSet("tags", "a").removeFromSet("tags", "b")).isInstanceOf(InvalidUpdateException.class);
        refused(u -> u.set("status", "A").set("state", "B")).as("attribute and field name of one field")
                .isInstanceOf(InvalidUpdateException.class);
    }

    @Test
    void timestampsAreKeptByDynarecord() {
        refused(u -> u.set("createdAt", java.time.Instant.now())).isInstanceOf(InvalidUpdateException.class)
                .hasMessageContaining("Player.createdAt").hasMessageContaining("kept by Dynarecord");
        refused(u -> u.remove("updatedAt")).isInstanceOf(InvalidUpdateException.class).hasMessageContaining("Player.updatedAt");
    }

    @Test
    void badConditionsAreInvalidQueriesBeforeAnyRequest() {
        assertThatThrownBy(() -> Player.find.update(Key.of(id), WriteCondition.where("nope.gt", 1), u -> u.increment("rank")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Player has no field 'nope'");
        assertThatThrownBy(() -> Player.find.upsert(Key.of(id), WriteCondition.where("credits.gt", "many"), u -> u.increment("rank")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Player.credits");
        assertThatThrownBy(() -> Player.find.update(Key.of(id), WriteCondition.unlessExists("ghost"), u -> u.increment("rank")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'ghost'");
        assertThatThrownBy(() -> Player.find.update(Key.of(id), WriteCondition.where("tags.gt", "a"), u -> u.increment("rank")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("not supported");
        assertThatThrownBy(WriteCondition::unlessExists).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> WriteCondition.where(" ", 1)).isInstanceOf(InvalidQueryException.class);
        assertThat(recorder.count()).isZero();
    }

    @Test
    void badKeysAndIncrementsOnRecordsAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> Player.find.upsert(null, u -> u.increment("rank"))).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("Player.id");
        assertThatThrownBy(() -> Event.find.update("s", u -> u.set("payload", "x"))).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("range key");
        Player loaded = Player.find.byId(id);
        recorder.clear();
        assertThatThrownBy(() -> loaded.increment("name")).isInstanceOf(InvalidUpdateException.class);
        assertThatThrownBy(() -> loaded.increment("id")).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> loaded.decrement("credits", 1.5)).isInstanceOf(ConversionException.class);
        assertThat(recorder.count()).isZero();
    }

    @Test
    void anUpdateAndAConditionPrintWhatTheyHold() {
        Update u = new UpdateBuilder(Schemas.of(Player.class)).increment("credits", 2).set("status", "A").remove("nickname");
        assertThat(u.toString()).contains("add 2 to credits", "state = 'A'", "remove nickname");
        assertThat(WriteCondition.where("credits.gte", 5).andUnlessExists("nickname").toString())
                .isEqualTo("credits.gte 5 AND nickname not_exists");
        assertThat(WriteCondition.where("a", 1)).isEqualTo(WriteCondition.where("a", 1));
    }
}
