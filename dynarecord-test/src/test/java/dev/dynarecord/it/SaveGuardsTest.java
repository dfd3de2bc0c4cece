package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.it.fixtures.User;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Guards on saving, reloading and dropping that keep other data safe. */
@DynarecordTest
class SaveGuardsTest {

    @Test
    void changingTheKeyOfASavedRecordIsRefusedAndNeitherItemChanges(RequestRecorder recorder) {
        Event first = Event.find.create(e -> { e.stream = "s"; e.sequence = 1; e.payload = "one"; });
        Event.find.create(e -> { e.stream = "s"; e.sequence = 2; e.payload = "two"; });
        recorder.clear();

        first.sequence = 2;
        first.payload = "overwritten?";
        assertThatThrownBy(first::save).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("key of a saved record cannot change").hasMessageContaining("new record");

        assertThat(recorder.requests()).isEmpty();
        assertThat(Event.find.byId("s", 1L).payload).isEqualTo("one");
        assertThat(Event.find.byId("s", 2L).payload).isEqualTo("two");
    }

    @Test
    void aReloadThatFailsToConvertLeavesTheRecordAsItWas(Session session) {
        User user = User.find.create(u -> { u.name = "Ada"; u.rank = 1; u.score = 2.5; });
        session.client().updateItem(r -> r.tableName(session.tableName(User.class))
                .key(Map.of("id", AttributeValue.fromS((String) user.id())))
                .updateExpression("SET #n = :n, #r = :bad")
                .expressionAttributeNames(Map.of("#n", "name", "#r", "rank"))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("Grace"), ":bad", AttributeValue.fromS("not a number"))));

        assertThatThrownBy(user::reload).isInstanceOf(ConversionException.class).hasMessageContaining("User.rank");
        assertThat(user.name).isEqualTo("Ada");
        assertThat(user.rank).isEqualTo(1);
    }

    @Test
    void dropAllLeavesANamespaceThatSharesThePrefixAlone() {
        try (Session outer = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("guard"));
                Session inner = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("guard_dev"))) {
            User.find.using(outer).create(u -> u.name = "outer");
            User kept = User.find.using(inner).create(u -> u.name = "inner");
            try {
                assertThat(outer.tables().list()).contains("guard_users", "guard_dev_users");

                assertThat(outer.tables().dropAll()).isEqualTo(1);

                assertThat(outer.tables().exists(User.class)).isFalse();
                assertThat(User.find.using(inner).byId(kept.id()).name).isEqualTo("inner");
            } finally {
                inner.tables().dropAll();
            }
        }
    }
}
