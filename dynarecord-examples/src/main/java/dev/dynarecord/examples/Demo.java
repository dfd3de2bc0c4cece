package dev.dynarecord.examples;

import static dev.dynarecord.ReadOptions.consistent;

import dev.dynarecord.Dynarecord;
import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotUniqueException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * The README walkthrough, end to end on the embedded engine: configure, define models, create,
 * find, update, destroy; every request sent is printed as it goes.
 * Run it with {@code mvn -q install -DskipTests && mvn -q -pl dynarecord-examples exec:java}.
 */
public final class Demo {

    private final PrintStream out;

    Demo(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the walkthrough.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        new Demo(System.out).run();
    }

    void run() {
        step("1. Configure: the embedded engine (DynamoDB Local in this JVM), tables prefixed 'demo'");
        Session session = Dynarecord.configure(c -> c
                .adapter(Adapter.LOCAL)
                .namespace("demo")
                .listener(this::printRequest));
        try {
            walkthrough(session);
        } finally {
            Dynarecord.reset();
        }
    }

    private void walkthrough(Session session) {
        out.println("   " + session.config());

        step("2. Create a user: a conditional PutItem; the table is created on first use");
        User josh = new User();
        josh.name = "Josh";
        josh.email = "josh@example.com";
        josh.rank = 3;
        josh.score = 97.5;
        josh.balance = new BigDecimal("1234.56");
        josh.plan = User.Plan.PRO;
        josh.externalId = UUID.fromString("3f2c8a9e-1b7d-4c55-9a1e-2f6b8d4e7c10");
        josh.lastLoginAt = Instant.parse("2026-11-21T09:30:00.123456789Z");
        josh.expiresAt = Instant.parse("2027-01-01T00:00:00Z");
        josh.birthday = LocalDate.of(1990, 5, 17);
        josh.tags = Set.of("admin", "beta");
        josh.luckyNumbers = Set.of(7, 42);
        josh.nicknames = List.of("J", "Joshie");
        josh.profile = Map.of("city", "Chicago", "floor", 3);
        josh.settings = Map.of("theme", "dark", "shortcuts", List.of("g i", "g s"));
        josh.avatar = "PNG...".getBytes(StandardCharsets.UTF_8);
        josh.save();
        out.println("   saved " + josh.id() + " (new record? " + josh.isNewRecord() + ", persisted? " + josh.isPersisted()
                + ", poisonLimit default " + josh.poisonLimit + ")");
        out.println("   createdAt " + josh.createdAt());

        step("3. Find it again: GetItem, every field converted back");
        User found = User.find.byId(josh.id());
        out.println("   " + found);
        out.println("   same record? " + found.equals(josh) + "; lastLoginAt kept to the nanosecond: "
                + found.lastLoginAt.equals(josh.lastLoginAt));

        step("4. A strongly consistent read, an optional find and an existence check");
        out.println("   consistent: " + User.find.byId(josh.id(), consistent()).name);
        out.println("   byIdOptional(\"nobody\"): " + User.find.byIdOptional("nobody"));
        out.println("   exists: " + User.find.exists(josh.id()));

        step("5. Update: an UpdateItem that sets what the model declares and keeps everything else");
        found.update(u -> {
            u.rank = 4;
            u.nicknames = null;                  // null removes the attribute
        });
        User updated = User.find.byId(josh.id());
        out.println("   rank " + updated.rank + ", nicknames " + updated.nicknames
                + ", updatedAt moved: " + updated.updatedAt().isAfter(updated.createdAt()));

        step("6. Attributes written by another program survive a load-modify-save");
        String table = session.tableName(User.class);
        session.client().updateItem(r -> r.tableName(table)
                .key(Map.of("id", AttributeValue.fromS(josh.id().toString())))
                .updateExpression("SET legacyScore = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("11"))));
        User again = User.find.byId(josh.id());
        again.update(u -> u.score = 99);
        out.println("   legacyScore still there: " + session.client()
                .getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(josh.id().toString())))).item().get("legacyScore"));

        step("7. Composite keys: hash + range, set by you");
        for (long t = 1; t <= 3; t++) {
            long at = t;
            Reading.find.create(r -> {
                r.sensor = "boiler";
                r.at = at;
                r.celsius = 60 + at;
            });
        }
        out.println("   boiler at 2: " + Reading.find.byId("boiler", 2L).celsius + " C");

        step("8. A new record never overwrites an existing item with the same key");
        Reading duplicate = new Reading();
        duplicate.sensor = "boiler";
        duplicate.at = 2;
        duplicate.celsius = -273;
        try {
            duplicate.save();
        } catch (RecordNotUniqueException e) {
            out.println("   RecordNotUniqueException: " + e.getMessage());
        }
        out.println("   boiler at 2 is still " + Reading.find.byId("boiler", 2L, consistent()).celsius + " C");

        step("9. Destroy: DeleteItem; finding it again is a RecordNotFoundException");
        josh.destroy();
        out.println("   destroyed? " + josh.isDestroyed());
        try {
            User.find.byId(josh.id());
        } catch (RecordNotFoundException e) {
            out.println("   RecordNotFoundException: " + e.getMessage());
        }

        step("10. Tables: list and describe, inside the namespace");
        out.println("   " + session.tables().list());
        out.println("   " + session.tables().describe(User.class).orElseThrow());

        step("Done. The same code runs on DynamoDB with .adapter(Adapter.AWS).region(\"eu-west-1\").");
    }

    private void step(String title) {
        out.println();
        out.println(title);
    }

    private void printRequest(DynamoDbRequest request) {
        String op = request.getClass().getSimpleName().replace("Request", "");
        out.println("   -> " + op + request.getValueForField("TableName", String.class).map(t -> " " + t).orElse(""));
    }
}
