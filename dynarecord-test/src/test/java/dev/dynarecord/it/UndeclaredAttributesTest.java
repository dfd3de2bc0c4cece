package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.it.fixtures.Event;
import dev.dynarecord.it.fixtures.User;
import dev.dynarecord.test.DynarecordTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Acceptance criterion: no data loss through the mapper. */
@DynarecordTest
class UndeclaredAttributesTest {

    private static Map<String, AttributeValue> undeclared() {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("legacyNote", AttributeValue.fromS("written by the old system"));
        m.put("legacyCount", AttributeValue.fromN("123456789012345678901234567890"));
        m.put("legacyMap", AttributeValue.fromM(Map.of("a", AttributeValue.fromN("1"),
                "b", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromBool(true))))));
        m.put("legacySet", AttributeValue.fromSs(List.of("p", "q")));
        m.put("legacyBinary", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));
        m.put("legacyNull", AttributeValue.fromNul(true));
        return m;
    }

    @Test
    void loadModifySaveKeepsUndeclaredAttributes(Session session) {
        String table = User.find.using(session).tableName();
        User.find.exists("warm-up"); // creates the table
        Map<String, AttributeValue> item = new HashMap<>(undeclared());
        item.put("id", AttributeValue.fromS("u-legacy"));
        item.put("name", AttributeValue.fromS("Old Name"));
        item.put("email", AttributeValue.fromS("old@example.com"));
        item.put("rank", AttributeValue.fromN("3"));
        session.client().putItem(PutItemRequest.builder().tableName(table).item(item).build());

        User u = User.find.byId("u-legacy");
        assertThat(u.name).isEqualTo("Old Name");
        u.name = "New Name";
        u.email = null; // a declared attribute removed
        u.saveOrThrow();

        Map<String, AttributeValue> after = Raw.item(session, table, "id", "u-legacy");
        assertThat(after.get("name").s()).isEqualTo("New Name");
        assertThat(after).doesNotContainKey("email");
        assertThat(after.get("rank").n()).isEqualTo("3");
        undeclared().forEach((name, value) -> assertThat(after.get(name)).as(name).isEqualTo(value));

        u.reload();
        u.update(x -> x.rank = 4);
        Map<String, AttributeValue> again = Raw.item(session, table, "id", "u-legacy");
        undeclared().forEach((name, value) -> assertThat(again.get(name)).as(name).isEqualTo(value));
        assertThat(again.get("rank").n()).isEqualTo("4");
    }

    @Test
    void compositeKeyModelKeepsUndeclaredAttributes(Session session) {
        Event.find.exists("warm-up", 0L);
        String table = session.tableName(Event.class);
        Map<String, AttributeValue> item = new HashMap<>(undeclared());
        item.put("stream", AttributeValue.fromS("legacy"));
        item.put("sequence", AttributeValue.fromN("7"));
        item.put("payload", AttributeValue.fromS("old"));
        session.client().putItem(PutItemRequest.builder().tableName(table).item(item).build());

        Event e = Event.find.byId("legacy", 7L);
        e.update(x -> x.payload = "new");
        Map<String, AttributeValue> after = Raw.item(session, table,
                Map.of("stream", AttributeValue.fromS("legacy"), "sequence", AttributeValue.fromN("7")));
        assertThat(after.get("payload").s()).isEqualTo("new");
        undeclared().forEach((name, value) -> assertThat(after.get(name)).as(name).isEqualTo(value));
    }
}
