package dev.dynarecord.examples;

import dev.dynarecord.Session;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Step 22c of the walkthrough: an item a Dynamoid app wrote, read and saved by a snake-case model. */
final class DemoRuby {

    private final PrintStream out;

    DemoRuby(PrintStream out) {
        this.out = out;
    }

    void run(Session session) {
        Demo.step(out, "22c. A table a Rails app writes: @Table(naming = SNAKE_CASE, timestampFormat = EPOCH_SECONDS);"
                + " only the attributes the model owns change");
        String table = RailsUser.find.tableName();
        RailsUser.find.exists("warm-up"); // creates the table
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("ruby-1"));
        Map<String, AttributeValue> item = new TreeMap<>(key);
        item.put("first_name", AttributeValue.fromS("Ada"));
        item.put("login_count", AttributeValue.fromN("3"));
        item.put("created_at", AttributeValue.fromN("1700000000.123456"));
        item.put("updated_at", AttributeValue.fromN("1700000000.123456"));
        item.put("lock_version", AttributeValue.fromN("2"));
        item.put("favourite_colour", AttributeValue.fromS("teal"));   // Ruby's field, not the model's
        session.client().putItem(PutItemRequest.builder().tableName(table).item(item).build());
        RailsUser ada = RailsUser.find.byId("ruby-1");
        out.println("   loaded: firstName " + ada.firstName + ", createdAt " + ada.createdAt());
        ada.loginCount = 4;
        ada.saveOrThrow();
        Map<String, AttributeValue> after = new TreeMap<>(session.client().getItem(GetItemRequest.builder().tableName(table)
                .key(key).consistentRead(true).build()).item());
        after.replaceAll((name, v) -> name.equals("updated_at") ? AttributeValue.fromS("(now)") : v);
        out.println("   stored: " + after);
    }
}
