package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.it.fixtures.Counter;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.it.fixtures.EveryType;
import dev.dynarecord.it.fixtures.User;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import org.junit.jupiter.api.Test;

/** {@code Session.prime}: a model's one-time work before its first request, with nothing sent. */
@DynarecordTest
class PrimingTest {

    /** A field type no converter stores. */
    public static class Unmappable extends Model<Unmappable> {
        @Field public Thread worker;
    }

    @Test
    void primingSendsNothingAndTheModelsWorkAfterIt(Session session, RequestRecorder recorder) {
        recorder.clear();
        assertThat(session.prime(User.class, Event.class, EveryType.class, Counter.class)).isSameAs(session);
        assertThat(recorder.count()).as(recorder.summary().toString()).isZero();

        Event e = new Event("primed", 1, "first").using(session);
        e.saveOrThrow();
        assertThat(Event.find.using(session).byId("primed", 1L).payload).isEqualTo("first");
        assertThat(session.prime(Event.class)).as("priming again changes nothing").isSameAs(session);
        assertThat(Event.find.using(session).where("stream", "primed").count()).isEqualTo(1);
    }

    @Test
    void aModelThatCannotBeMappedFailsWhenPrimed(Session session, RequestRecorder recorder) {
        recorder.clear();
        assertThatThrownBy(() -> session.prime(Unmappable.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("Unmappable.worker");
        assertThatThrownBy(() -> session.prime(User.class, null))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage("prime(null): pass the model classes to prepare, such as User.class");
        assertThat(recorder.count()).isZero();
    }
}
