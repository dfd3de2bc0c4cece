package dev.dynarecord.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README walkthrough runs, and each step did what the README says it does. */
class DemoTest {

    @Test
    void walkthroughRunsEndToEndOnTheEmbeddedEngine() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("-> CreateTable demo_users", "-> PutItem demo_users");
        assertThat(out).containsPattern("copies stored \\(hash key -> lock version\\): \\{<id>\\.\\d=\\d")
                .contains("byId sent 1 request: BatchGetItem of 10 keys, <id>.0, <id>.1, <id>.2, ...",
                        "read: views 6, lock version 7, id true", "destroyed: copies left 0");
        assertThat(out).containsPattern("dynarecord.operations \\(count\\): save \\d+, ")
                .containsPattern("capacity consumed: \\d+\\.\\d read units, \\d+\\.\\d write units; Scans: [1-9]\\d*")
                .contains("     query User (INTERNAL)\n",
                        "       └ Query demo_users (CLIENT) db.system.name=aws.dynamodb index_name=email_index count=1");
        assertThat(out).containsPattern("saved [0-9a-f-]{36} \\(new record\\? false, persisted\\? true, poisonLimit default 5\\)");
        assertThat(out).contains("same record? true; lastLoginAt kept to the nanosecond: true");
        assertThat(out).contains("byIdOptional(\"nobody\"): Optional.empty", "exists: true");
        assertThat(out).contains("byIds(josh, nobody, josh): [Josh] (one BatchGetItem", "-> BatchGetItem demo_users");
        assertThat(out).contains("rank 4, nicknames null, updatedAt moved: true");
        assertThat(out).contains("legacyScore still there: AttributeValue(N=11)");
        assertThat(out).containsPattern("fromItem: Josh, score 99\\.0, lockVersion 3, changed \\[\\]; toItem: \\d+ attributes");
        assertThat(out).contains("field access generated at compile time by dynarecord-processor (docs/performance.md): true");
        assertThat(out).contains("primed User, Post and Topic (session.prime");
        assertThat(out).contains("boiler at 2: 62.0 C", "RecordNotUniqueException:", "boiler at 2 is still 62.0 C");
        assertThat(out).contains("Query on GSI email_index (email) of table demo_users, no Scan", "-> Query demo_users (index email_index)",
                "findBy email: Ann", "Scan on table demo_users", "rank between 1 and 10: [Ann, Josh]");
        assertThat(out).contains("Scan on table demo_users in 4 parallel segments",
                "rank between 1 and 10 in 4 parallel segments, count: 2");
        assertThat(out).contains("Query on GSI createdAt_sharded_index (createdAt_shard, createdAt) sharded 4 ways of table demo_users",
                "one Query per shard (4, concurrently)", "-> Query demo_users (index createdAt_sharded_index)",
                "created after josh: [Ann, Bob]");
        assertThat(out).contains("boiler at >= 2: [2, 3]", "first: 1, last: 3, newest first: [3, 2, 1], count: 3");
        assertThat(out).contains("-> Query demo_authentications (index token_index)", "by token (LSI): 2026-11-21T13:00:00Z",
                "-> Query demo_authentications (index apiUserId_expiresAt_index)", "-> BatchGetItem", "latest for api-1 (GSI, DESC): token-2");
        assertThat(out).contains("page of 10 from at=1, next cursor", "page of 10 from at=11, next cursor", "page of 5 from at=21, last page",
                "first three, lazily: [1, 2, 3]");
        assertThat(out).contains("save(): false, errors: [name must not be blank, email must match \".*@.*\", rank must be >= 0]",
                "RecordInvalidException on [name, email, rank]",
                "with the session's own validator: valid false, [name must not be blank]");
        assertThat(out).contains("email cy@example.com; [welcome mail queued for cy@example.com]");
        assertThat(out).contains("changed [name], was 'Cy'", "previousChanges [name, updatedAt], lockVersion 2",
                "saving again without changes: true (no request above)");
        assertThat(out).contains("StaleRecordException: User", "stored rank is still 1");
        assertThat(out).containsPattern("saved: true; lockVersion (\\d+), stored \\1; faults injected: 1");
        assertThat(out).contains("loginCount 2", "loginCount 12, tags [vip]", "upserted fixed-id (lockVersion 1)",
                "ConditionFailedException: User", "the condition plan eq 'PRO' did not hold");
        assertThat(out).contains("updateAll: 3 updated; deleteAll: 3 deleted; FREE left: 0");
        assertThat(out).contains("importAll: 200 written in 8 batches, 0 retries; meter readings: 200");
        assertThat(out).containsPattern("progress: 100 written, 0 skipped, 4 batches, 0 retries in \\d+ ms")
                .containsPattern("progress: 200 written, 0 skipped, 8 batches, 0 retries in \\d+ ms");
        String queryWrites = out.substring(out.indexOf("17b. Writes over a query"), out.indexOf("18. Mass assignment"));
        assertThat(queryWrites.split("-> UpdateItem demo_users", -1)).hasSize(4);
        assertThat(queryWrites.split("-> BatchWriteItem demo_users", -1)).hasSize(2);
        assertThat(out).contains("committed: reading persisted true, Cy's loginCount ",
                "TransactionFailedException: the transaction of 2 actions was cancelled; nothing was written: action #1"
                        + " (update of User 'no-such-user')", "reading persisted false; tx readings stored: 1");
        String readTransactions = out.substring(out.indexOf("17e. Read transactions"), out.indexOf("18. Mass assignment"));
        assertThat(readTransactions).containsPattern("read: (\\w+) with loginCount \\d+, tx reading at 0; as a list: \\[\\1, null\\]");
        assertThat(readTransactions.split("-> TransactGetItems", -1)).hasSize(3);
        assertThat(readTransactions).doesNotContain("-> GetItem", "-> BatchGetItem");
        assertThat(out).contains("rank 4, birthday 1991-02-03", "ProtectedAttributeException: User: 'admin'");
        assertThat(out).contains("josh.addresses: [Boston, Chicago], in Chicago: [Chicago]", "home.user is josh: true; userId true",
                "Query on GSI userId_index (userId) of table demo_addresses, no Scan");
        assertThat(out).contains("-> CreateTable demo_users_friendingUsers_users_friends",
                "josh.friends: [Ann], ann.friendingUsers: [Josh]");
        assertThat(out).contains("Ann: group staff, addresses []", "Josh: group staff, addresses [Boston, Chicago]");
        String preloaded = out.substring(out.indexOf("21. Preloading"), out.indexOf("22. OceanDynamo"));
        assertThat(preloaded.split("-> BatchGetItem demo_groups", -1)).hasSize(2);   // one BatchGetItem for every group
        assertThat(preloaded.substring(preloaded.indexOf("group none"))).doesNotContain("->");  // nothing sent while reading
        assertThat(out).contains("topic key (forum id, topic id); posts: 2", "after forum.destroy(): topics 0, posts 0");
        String expiring = out.substring(out.indexOf("22b. Expiring records"), out.indexOf("22c. A table"));
        assertThat(expiring).contains("-> CreateTable demo_web_sessions", "-> UpdateTimeToLive demo_web_sessions",
                "-> UpdateContinuousBackups demo_web_sessions", "laptop expires in a day: true",
                "filters: userId eq 'josh' AND (expiresAt not_exists OR expiresAt > ",
                "expired items: hidden by the filter on expiresAt",
                "josh's sessions: [laptop]; with includeExpired(): [laptop, phone]",
                "byIdOptional(phone): Optional.empty; byId(phone, includeExpired()): phone",
                "TTL ENABLED on expiresAt, stream NEW_AND_OLD_IMAGES, point-in-time recovery UNSUPPORTED");
        assertThat(out).contains("loaded: firstName Ada, createdAt 2023-11-14T22:13:20.123456Z",
                "stored: {created_at=AttributeValue(N=1700000000.123456), favourite_colour=AttributeValue(S=teal),"
                + " first_name=AttributeValue(S=Ada), id=AttributeValue(S=ruby-1), lock_version=AttributeValue(N=3),"
                + " login_count=AttributeValue(N=4), updated_at=AttributeValue(S=(now))}");
        String inheritance = out.substring(out.indexOf("22d. Single-table inheritance"), out.indexOf("22e. Embedded documents"));
        assertThat(inheritance).contains("stored: type=Car, type=Truck",
                "Vehicle.find.all(): [Car ABC-1 (4 doors), Truck XYZ-9]", "Vehicle.find.byId(truck): a Truck, payload 7.5",
                "Query on GSI type_index (type) of table demo_vehicles, no Scan", "key conditions: type eq 'Car'",
                "filters: doors eq 4", "-> Query demo_vehicles (index type_index)",
                "Car.find.where(\"doors\", 4): [Car ABC-1 (4 doors)], count 1", "Car.find.byIdOptional(truck's id): Optional.empty");
        String documents = out.substring(out.indexOf("22e. Embedded documents"), out.indexOf("23. Destroy"));
        assertThat(documents).contains("stored home: {city=AttributeValue(S=Chicago), street=AttributeValue(S=1 Main St),"
                        + " zip=AttributeValue(S=60601)}", "filters: home.city eq 'Chicago'",
                "in Chicago: [Ada]; worked in Chicago: [Ada]; lived in Boston first: [Ada]; not Bob: true",
                "project(\"home.city\"): PostalAddress[street=null, city=Chicago, postcode=null]",
                "changed [home]; saving sends home only", "Ada now in Boston");
        String unchanged = documents.substring(documents.indexOf("saving sends home only"));
        assertThat(unchanged.split("-> UpdateItem demo_customers", -1)).hasSize(2); // ada's save; bob's sends nothing
        assertThat(out).contains("destroyed? true", "RecordNotFoundException: no User with key", "addresses left: 0");
        assertThat(out).contains("[demo_addresses, demo_authentications, demo_customers, demo_forums, demo_groups, demo_hot_counters,"
                + " demo_posts, demo_rails_users, demo_readings, demo_topics, demo_users, demo_users_friendingUsers_users_friends, demo_vehicles,"
                + " demo_web_sessions]", "readCapacity=10, writeCapacity=5");
        assertThat(out).doesNotContain("Exception in thread");
    }
}
