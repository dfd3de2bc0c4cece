package dev.dynarecord.examples;

import static dev.dynarecord.ReadOptions.consistent;

import dev.dynarecord.Dynarecord;
import dev.dynarecord.Import;
import dev.dynarecord.ImportResult;
import dev.dynarecord.ItemMapper;
import dev.dynarecord.Key;
import dev.dynarecord.Page;
import dev.dynarecord.Query;
import dev.dynarecord.ReadTransaction;
import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.ProtectedAttributeException;
import dev.dynarecord.exception.RecordInvalidException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotUniqueException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.exception.TransactionFailedException;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.query.Order;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultyClient;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * The README walkthrough, end to end on the embedded engine: configure, define models, create,
 * find, update, destroy; every request sent is printed as it goes.
 * Run it with {@code mvn -q -pl dynarecord-examples -am compile exec:exec}.
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
        DemoObserve observe = new DemoObserve(out);
        Session session = Dynarecord.configure(c -> observe.observe(c
                .adapter(Adapter.LOCAL)
                .namespace("demo")
                .listener(this::printRequest)));
        try {
            walkthrough(session);
            observe.run();
            step("Done. The same code runs on DynamoDB with .adapter(Adapter.AWS).region(\"eu-west-1\").");
        } finally {
            Dynarecord.reset();
        }
    }

    private void walkthrough(Session session) {
        out.println("   " + session.config());
        // schemas, table names and request classes ready before the first request; nothing is sent
        session.prime(User.class, Post.class, Topic.class);
        out.println("   primed User, Post and Topic (session.prime: what a Lambda does at init; see docs/performance.md)");

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
        out.println("   byIds(josh, nobody, josh): " + User.find.byIds(List.of(josh.id(), "nobody", josh.id())).stream()
                .map(u -> u.name).toList() + " (one BatchGetItem: ids in order, duplicates read once, absent ids left out)");

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

        step("6b. Items for raw SDK code and DynamoDB Streams: session.mapper(...) maps both ways and sends nothing");
        ItemMapper<User> users = session.mapper(User.class);
        User mapped = users.fromItem(session.client().getItem(r -> r.tableName(users.tableName()).key(users.key(again))).item());
        out.println("   fromItem: " + mapped.name + ", score " + mapped.score + ", lockVersion " + mapped.lockVersion()
                + ", changed " + mapped.changed() + "; toItem: " + users.toItem(mapped).size() + " attributes");
        out.println("   field access generated at compile time by dynarecord-processor (docs/performance.md): "
                + users.generatedAccess());

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

        querying(josh);
        lifecycle();
        new DemoAssociations(out).run(josh);
        new DemoTables(out).run(session);
        new DemoRuby(out).run(session);
        new DemoInheritance(out).run(session);
        new DemoDocuments(out).run(session);
        new DemoPartitioning(out).run(session);

        step("23. Destroy: DeleteItem, after the dependents: josh's addresses destroyed, his friendship links removed");
        josh.reload().destroy();             // reload first: josh was saved elsewhere since (lock version)
        out.println("   destroyed? " + josh.isDestroyed());
        try {
            User.find.byId(josh.id());
        } catch (RecordNotFoundException e) {
            out.println("   RecordNotFoundException: " + e.getMessage());
        }

        out.println("   addresses left: " + Address.find.allowScan().count());

        step("24. Tables: list and describe, inside the namespace");
        out.println("   " + session.tables().list());
        out.println("   " + session.tables().describe(User.class).orElseThrow());
    }

    private void querying(User josh) {
        step("9. Queries: the planner picks the key or an index; explain() shows its choice without sending anything");
        User.find.create(u -> { u.name = "Ann"; u.email = "ann@example.com"; u.rank = 7; });
        User.find.create(u -> { u.name = "Bob"; u.email = "bob@example.com"; u.rank = 12; });
        out.println(indent(User.find.where("email", "ann@example.com").explain().toString()));
        out.println("   findBy email: " + User.find.findBy("email", "ann@example.com").map(u -> u.name).orElse("?"));
        out.println(indent(User.find.where("rank").between(1, 10).explain().toString()));
        out.println("   rank between 1 and 10: " + User.find.where("rank").between(1, 10).allowScan().stream()
                .map(u -> u.name).sorted().toList());
        Query<User> parallel = User.find.where("rank").between(1, 10).allowScan().parallel(4);   // 4 segments at once
        out.println(indent(parallel.explain().toString().lines().findFirst().orElseThrow()));
        out.println("   rank between 1 and 10 in 4 parallel segments, count: " + parallel.count());
        out.println(indent(User.find.where("createdAt.gt", josh.createdAt()).explain().toString().lines().findFirst()
                .orElseThrow()));
        out.println("   created after josh: " + User.find.where("createdAt.gt", josh.createdAt()).stream().map(u -> u.name)
                .toList());

        step("10. Range conditions on a composite key, order, count, first and last");
        out.println("   boiler at >= 2: " + Reading.find.where("sensor", "boiler").where("at.gte", 2L).stream()
                .map(r -> r.at).toList());
        out.println("   first: " + Reading.find.where("sensor", "boiler").first().map(r -> r.at).orElse(-1L)
                + ", last: " + Reading.find.where("sensor", "boiler").last().map(r -> r.at).orElse(-1L)
                + ", newest first: " + Reading.find.where("sensor", "boiler").order(Order.DESC).stream().map(r -> r.at).toList()
                + ", count: " + Reading.find.where("sensor", "boiler").count());

        step("11. Indexes: a local index (same hash key) and a KEYS_ONLY global index completed from the table");
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        for (int i = 0; i < 3; i++) {
            int n = i;
            Authentication.find.create(a -> {
                a.username = "joe";
                a.expiresAt = now.plusSeconds(3600L * n);
                a.token = "token-" + n;
                a.apiUserId = "api-1";
            });
        }
        out.println("   by token (LSI): " + Authentication.find.where("username", "joe").where("token", "token-1").first()
                .map(a -> a.expiresAt).orElse(null));
        out.println("   latest for api-1 (GSI, DESC): " + Authentication.find.where("apiUserId", "api-1").order(Order.DESC)
                .limit(1).first().map(a -> a.token).orElse(null));

        step("12. Pagination: pages with opaque cursors, and lazy streams");
        for (long t = 4; t <= 25; t++) {
            long at = t;
            Reading.find.create(r -> { r.sensor = "boiler"; r.at = at; r.celsius = 60; });
        }
        String cursor = null;
        do {
            Page<Reading> page = Reading.find.where("sensor", "boiler").page(10, cursor);
            out.println("   page of " + page.items().size() + " from at=" + page.items().get(0).at + (page.hasNext()
                    ? ", next cursor " + page.nextCursor().get().substring(0, 12) + "..." : ", last page"));
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        out.println("   first three, lazily: " + Reading.find.where("sensor", "boiler").stream().limit(3).map(r -> r.at).toList());
    }

    private void lifecycle() {
        step("13. Validations: Bean Validation constraints and validate(Errors); an invalid record sends nothing");
        User bad = new User();
        bad.name = " ";
        bad.email = "not-an-address";
        bad.rank = -1;
        out.println("   save(): " + bad.save() + ", errors: " + bad.errors().fullMessages());
        try {
            bad.saveOrThrow();
        } catch (RecordInvalidException e) {
            out.println("   RecordInvalidException on " + e.errors().keySet());
        }
        // a session can take a validator of its own; the Spring Boot starter passes Spring's
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
                Session strict = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("demo").validator(factory.getValidator()))) {
            User unnamed = new User().using(strict);
            out.println("   with the session's own validator: valid " + unnamed.isValid() + ", " + unnamed.errors().fullMessages());
        }

        step("14. Callbacks: before_save normalises the email, after_create runs once the item is written");
        User cy = User.find.create(u -> { u.name = "Cy"; u.email = "CY@Example.COM"; });
        out.println("   email " + cy.email + "; " + cy.events);

        step("15. Dirty tracking: only what changed is written; nothing changed, nothing sent");
        User loaded = User.find.byId(cy.id());
        loaded.name = "Cyrus";
        out.println("   changed " + loaded.changed() + ", was '" + loaded.attributeWas("name") + "'");
        loaded.save();
        out.println("   previousChanges " + loaded.previousChanges().keySet() + ", lockVersion " + loaded.lockVersion());
        out.println("   saving again without changes: " + loaded.save() + " (no request above)");

        step("16. Optimistic locking: a save that lost its race is refused and writes nothing");
        User first = User.find.byId(cy.id());
        User second = User.find.byId(cy.id());
        first.rank = 1;
        first.save();
        second.rank = 2;
        try {
            second.save();
        } catch (StaleRecordException e) {
            out.println("   StaleRecordException: " + e.getMessage());
        }
        out.println("   stored rank is still " + User.find.byId(cy.id()).rank);

        step("16b. A lost answer: the save reached the table, its response was lost and the SDK sent it again;"
                + " the retry meets the save's own effect and is recognised, not reported as stale");
        Session session = Dynarecord.session();
        FaultyClient faults = FaultyClient.wrap(session.client()).build();
        try (Session flaky = Session.open(c -> c.client(faults.client()).namespace(session.config().namespace()))) {
            User mine = User.find.using(flaky).byId(cy.id());
            mine.rank = 5;
            faults.next(Fault.LOST_RESPONSE_RETRIED);
            out.println("   saved: " + mine.save() + "; lockVersion " + mine.lockVersion() + ", stored "
                    + User.find.byId(cy.id()).lockVersion() + "; faults injected: " + faults.stats().injected());
        }

        step("17. Atomic updates: ADD without reading, updates without loading, upserts and conditions");
        first.increment("loginCount");
        first.increment("loginCount");
        out.println("   loginCount " + first.loginCount);
        User updated = User.find.update(cy.id(), c -> c.add("loginCount", 10).addToSet("tags", "vip").remove("nicknames"));
        out.println("   loginCount " + updated.loginCount + ", tags " + updated.tags);
        User upserted = User.find.upsert("fixed-id", c -> c.set("name", "Dee").set("email", "dee@example.com"));
        out.println("   upserted " + upserted.id() + " (lockVersion " + upserted.lockVersion() + ")");
        try {
            User.find.update(Key.of(cy.id()), WriteCondition.where("plan", "PRO"), c -> c.set("rank", 9));
        } catch (ConditionFailedException e) {
            out.println("   ConditionFailedException: " + e.getMessage());
        }

        step("17b. Writes over a query: updateAll (one atomic UpdateItem per record), deleteAll (keys read, then"
                + " BatchWriteItem, 25 a request; no callbacks)");
        for (String trial : List.of("Fay", "Gus", "Hal")) {
            User.find.create(u -> { u.name = trial; u.plan = User.Plan.FREE; });
        }
        out.println("   updateAll: " + User.find.where("plan", "FREE").allowScan().updateAll(c -> c.add("loginCount", 1))
                + " updated; deleteAll: " + User.find.where("plan", "FREE").allowScan().deleteAll() + " deleted; FREE left: "
                + User.find.where("plan", "FREE").allowScan().count());

        step("17c. Import: 200 new readings read from a stream, BatchWriteItem 25 a request (puts without conditions)");
        ImportResult<Reading> imported = Reading.find.importAll(LongStream.rangeClosed(1, 200).mapToObj(at -> {
            Reading r = new Reading();
            r.sensor = "meter";
            r.at = at;
            return r;
        }), Import.options().progress(p -> out.print(p.written() % 100 == 0 ? "   progress: " + p.line() + "\n" : "")));
        out.println("   importAll: " + imported.written() + " written in " + imported.batches() + " batches, " + imported.retries()
                + " retries; meter readings: " + Reading.find.where("sensor", "meter").count());

        step("17d. Transactions: a create, an atomic update and a condition check in one TransactWriteItems, all or nothing");
        Reading logged = new Reading();
        Reading lost = new Reading();
        logged.sensor = lost.sensor = "tx";
        lost.at = 1;
        Dynarecord.transaction(tx -> tx.save(logged).update(User.class, Key.of(cy.id()), c -> c.add("loginCount", 1))
                .check(User.class, Key.of("fixed-id"), WriteCondition.where("name", "Dee")));
        out.println("   committed: reading persisted " + logged.isPersisted() + ", Cy's loginCount " + User.find.byId(cy.id()).loginCount);
        try {
            Dynarecord.transaction(tx -> tx.save(lost).update(User.class, Key.of("no-such-user"), c -> c.add("loginCount", 1)));
        } catch (TransactionFailedException e) {
            out.println("   TransactionFailedException: " + e.getMessage().lines().findFirst().orElse("") + "\n   reading persisted "
                    + lost.isPersisted() + "; tx readings stored: " + Reading.find.where("sensor", "tx").count());
        }

        step("17e. Read transactions: records of two tables in one TransactGetItems, a snapshot that no write transaction"
                + " is half-way through");
        ReadTransaction read = Dynarecord.readTransaction();
        ReadTransaction.Ref<User> cyNow = read.get(User.class, cy.id());
        ReadTransaction.Ref<Reading> txReading = read.get(Reading.class, Key.of("tx", logged.at));
        read.execute();
        List<Object> asList = Dynarecord.readTransaction(tx -> {
            tx.get(User.class, cy.id());
            tx.get(User.class, "no-such-user");
        });
        out.println("   read: " + cyNow.get().name + " with loginCount " + cyNow.get().loginCount + ", tx reading at "
                + txReading.get().at + "; as a list: " + asList.stream().map(r -> r == null ? null : ((User) r).name).toList());

        step("18. Mass assignment: every key checked and converted; protected fields refused");
        User assigned = new User().assign(Map.of("name", "Eve", "email", "eve@example.com", "rank", "4", "birthday", "1991-02-03"));
        out.println("   rank " + assigned.rank + ", birthday " + assigned.birthday + "; toMap has " + assigned.toMap().size()
                + " attributes");
        try {
            assigned.assign(Map.of("admin", true));
        } catch (ProtectedAttributeException e) {
            out.println("   ProtectedAttributeException: " + e.getMessage());
        }
    }

    static String indent(String text) {
        return "   " + text.replace("\n", "\n   ");
    }

    private void step(String title) {
        step(out, title);
    }

    static void step(PrintStream out, String title) {
        out.println();
        out.println(title);
    }

    private void printRequest(DynamoDbRequest request) {
        String op = request.getClass().getSimpleName().replace("Request", "");
        String batchTables = request instanceof BatchGetItemRequest get ? " " + String.join(", ", get.requestItems().keySet())
                : request instanceof BatchWriteItemRequest write ? " " + String.join(", ", write.requestItems().keySet()) : "";
        out.println("   -> " + op + request.getValueForField("TableName", String.class).map(t -> " " + t).orElse(batchTables)
                + request.getValueForField("IndexName", String.class).map(i -> " (index " + i + ")").orElse(""));
    }
}
