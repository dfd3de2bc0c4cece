package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.TableInfo;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.LocalIndex;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.test.DynarecordTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@DynarecordTest(global = false)
class IndexTablesTest {

    /** Two local indexes, three global ones (ALL, KEYS_ONLY, INCLUDE with capacities), one sharded range index. */
    @Table(name = "logins", key = "username", rangeKey = "expiresAt")
    public static class Login extends Model<Login> {
        @Field public String username;
        @Field public Instant expiresAt;
        @Field @LocalIndex public String token;
        @Field @LocalIndex(name = "by_device", projection = Projection.KEYS_ONLY) public String device;
        @Field @GlobalIndex(rangeKey = "expiresAt") public String apiUserId;
        @Field @GlobalIndex(projection = Projection.KEYS_ONLY) public String email;
        @Field @GlobalIndex(name = "by_plan", projection = Projection.INCLUDE, include = {"email", "visits"},
                readCapacity = 4, writeCapacity = 2)
        public String plan;
        @Field public int visits;
        @Field @Index(range = true, shards = 4) public long score;
    }

    /** The table {@code sync_items} as first created: no indexes. */
    @Table(name = "sync_items")
    public static class SyncBare extends Model<SyncBare> {
        @Field public String owner;
    }

    /** The same table, once the model declared global indexes. */
    @Table(name = "sync_items")
    public static class SyncIndexed extends Model<SyncIndexed> {
        @Field @GlobalIndex public String owner;
        @Field @Index(range = true, shards = 2) public Instant at;
    }

    @Table(name = "sync_local", key = "user", rangeKey = "at")
    public static class LocalBare extends Model<LocalBare> {
        @Field public String user;
        @Field public String at;
    }

    @Table(name = "sync_local", key = "user", rangeKey = "at")
    public static class LocalIndexed extends Model<LocalIndexed> {
        @Field public String user;
        @Field public String at;
        @Field @LocalIndex public String token;
        @Field @GlobalIndex public String token2;
    }

    private static TableDescription raw(Session session, String table) {
        return session.client().describeTable(r -> r.tableName(table)).table();
    }

    private static Map<String, String> attributeTypes(TableDescription d) {
        return d.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList();
    }

    private static GlobalSecondaryIndexDescription gsi(TableDescription d, String name) {
        return d.globalSecondaryIndexes().stream().filter(g -> g.indexName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no GSI " + name + " in " + d.globalSecondaryIndexes()));
    }

    private static LocalSecondaryIndexDescription lsi(TableDescription d, String name) {
        return d.localSecondaryIndexes().stream().filter(l -> l.indexName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no LSI " + name + " in " + d.localSecondaryIndexes()));
    }

    /** Checks every index of the Login table; returns the description. */
    private static TableDescription checkLoginTable(Session session) {
        TableDescription d = raw(session, session.tableName(Login.class));
        assertThat(d.localSecondaryIndexes()).extracting(LocalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("token_index", "by_device");
        assertThat(d.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("apiUserId_expiresAt_index", "email_index", "by_plan", "score_sharded_index");
        assertThat(keys(lsi(d, "token_index").keySchema())).containsExactly("username HASH", "token RANGE");
        assertThat(lsi(d, "token_index").projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(keys(lsi(d, "by_device").keySchema())).containsExactly("username HASH", "device RANGE");
        assertThat(lsi(d, "by_device").projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);

        assertThat(keys(gsi(d, "apiUserId_expiresAt_index").keySchema())).containsExactly("apiUserId HASH", "expiresAt RANGE");
        assertThat(gsi(d, "apiUserId_expiresAt_index").projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(keys(gsi(d, "email_index").keySchema())).containsExactly("email HASH");
        assertThat(gsi(d, "email_index").projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(keys(gsi(d, "by_plan").keySchema())).containsExactly("plan HASH");
        assertThat(gsi(d, "by_plan").projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(gsi(d, "by_plan").projection().nonKeyAttributes()).containsExactlyInAnyOrder("email", "visits");
        assertThat(keys(gsi(d, "score_sharded_index").keySchema())).containsExactly("score_shard HASH", "score RANGE");
        assertThat(gsi(d, "score_sharded_index").projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(d.globalSecondaryIndexes()).allSatisfy(g -> assertThat(g.indexStatusAsString()).isEqualTo("ACTIVE"));

        assertThat(attributeTypes(d)).containsExactlyInAnyOrderEntriesOf(Map.of("username", "S", "expiresAt", "S", "token", "S",
                "device", "S", "apiUserId", "S", "email", "S", "plan", "S", "score_shard", "N", "score", "N"));
        assertThat(d.attributeDefinitions()).hasSize(9);   // each attribute defined once
        return d;
    }

    @Test
    void createdTableHasEveryDeclaredIndex(Session session) {
        Login login = session.find(Login.class).create(l -> {
            l.username = "joe";
            l.expiresAt = Instant.parse("2030-01-01T00:00:00Z");
            l.token = "quux";
            l.device = "phone";
            l.apiUserId = "u1";
            l.email = "joe@example.com";
            l.plan = "gold";
            l.visits = 3;
            l.score = 42;
        });
        TableDescription d = checkLoginTable(session);

        // provisioned billing: GSIs get their own capacities, or else the table's
        long tableRead = d.provisionedThroughput().readCapacityUnits();
        long tableWrite = d.provisionedThroughput().writeCapacityUnits();
        assertThat(tableRead).isEqualTo(session.config().readCapacity());
        assertThat(tableWrite).isEqualTo(session.config().writeCapacity());
        assertThat(gsi(d, "by_plan").provisionedThroughput().readCapacityUnits()).isEqualTo(4L);
        assertThat(gsi(d, "by_plan").provisionedThroughput().writeCapacityUnits()).isEqualTo(2L);
        assertThat(gsi(d, "email_index").provisionedThroughput().readCapacityUnits()).isEqualTo(tableRead);
        assertThat(gsi(d, "email_index").provisionedThroughput().writeCapacityUnits()).isEqualTo(tableWrite);

        TableInfo info = session.tables().describe(Login.class).orElseThrow();
        assertThat(info.indexes()).containsExactlyInAnyOrder("token_index", "by_device", "apiUserId_expiresAt_index",
                "email_index", "by_plan", "score_sharded_index");
        assertThat(info.indexes().subList(0, 2)).containsExactlyInAnyOrder("token_index", "by_device");

        Map<String, AttributeValue> item = session.client().getItem(r -> r.tableName(d.tableName())
                .key(session.mapper(Login.class).key(login))).item();
        assertThat(item).containsKey("score_shard");
        assertThat(item.get("score_shard").n()).isNotNull();
        assertThat(Integer.parseInt(item.get("score_shard").n())).isBetween(0, 3);

        // the item is in the sharded index, under its shard
        List<Map<String, AttributeValue>> found = session.client().query(r -> r.tableName(d.tableName())
                .indexName("score_sharded_index").keyConditionExpression("#s = :s AND #r = :r")
                .expressionAttributeNames(Map.of("#s", "score_shard", "#r", "score"))
                .expressionAttributeValues(Map.of(":s", item.get("score_shard"), ":r", AttributeValue.fromN("42")))).items();
        assertThat(found).extracting(i -> i.get("username").s()).containsExactly("joe");

        // creating again: the table has its indexes, nothing to sync
        assertThat(session.tables().create(Login.class).indexes()).hasSize(6);
        assertThat(session.tables().sync(Login.class)).isEmpty();
    }

    @Test
    void syncAddsMissingGlobalIndexes(Session session) {
        String name = session.tableName(SyncIndexed.class);
        assertThat(session.tableName(SyncBare.class)).isEqualTo(name);
        session.tables().create(SyncBare.class);
        session.find(SyncBare.class).create(s -> s.owner = "before");
        assertThat(raw(session, name).globalSecondaryIndexes()).isEmpty();

        // the existing table lacks the indexes: using the model only warns
        session.find(SyncIndexed.class).create(s -> {
            s.owner = "ann";
            s.at = Instant.parse("2026-05-01T00:00:00Z");
        });

        assertThat(session.tables().sync(SyncIndexed.class)).containsExactly("owner_index", "at_sharded_index");
        TableDescription d = raw(session, name);
        assertThat(keys(gsi(d, "owner_index").keySchema())).containsExactly("owner HASH");
        assertThat(keys(gsi(d, "at_sharded_index").keySchema())).containsExactly("at_shard HASH", "at RANGE");
        assertThat(gsi(d, "owner_index").indexStatusAsString()).isEqualTo("ACTIVE");
        assertThat(gsi(d, "at_sharded_index").indexStatusAsString()).isEqualTo("ACTIVE");
        assertThat(gsi(d, "owner_index").provisionedThroughput().readCapacityUnits())
                .isEqualTo(d.provisionedThroughput().readCapacityUnits());
        assertThat(attributeTypes(d)).containsExactlyInAnyOrderEntriesOf(Map.of("id", "S", "owner", "S", "at_shard", "N", "at", "S"));
        assertThat(session.tables().describe(SyncIndexed.class).orElseThrow().indexes())
                .containsExactlyInAnyOrder("owner_index", "at_sharded_index");

        session.find(SyncIndexed.class).create(s -> s.owner = "bob");
        List<Map<String, AttributeValue>> bobs = session.client().query(r -> r.tableName(name).indexName("owner_index")
                .keyConditionExpression("#o = :o").expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("bob")))).items();
        assertThat(bobs).extracting(i -> i.get("owner").s()).containsExactly("bob");

        // nothing left to add
        assertThat(session.tables().sync(SyncIndexed.class)).isEmpty();
        // the bare model syncs nothing and removes nothing
        assertThat(session.tables().sync(SyncBare.class)).isEmpty();
        assertThat(raw(session, name).globalSecondaryIndexes()).hasSize(2);
    }

    @Test
    @ResourceLock(Resources.SYSTEM_ERR) // captures System.err
    void syncCannotAddALocalIndex(Session session) {
        String name = session.tableName(LocalIndexed.class);
        session.tables().create(LocalBare.class);
        assertThatThrownBy(() -> session.tables().sync(LocalIndexed.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining(name).hasMessageContaining("token_index").hasMessageContaining("LocalIndexed")
                .hasMessageContaining("recreate");
        // nothing was added, not even the global index
        assertThat(raw(session, name).globalSecondaryIndexes()).isEmpty();
        assertThat(raw(session, name).localSecondaryIndexes()).isEmpty();
        // the model stays usable on the existing table (a warning only)
        LocalIndexed saved = session.find(LocalIndexed.class).create(l -> {
            l.user = "u";
            l.at = "t1";
            l.token = "x";
        });
        assertThat(session.find(LocalIndexed.class).byId("u", "t1").token).isEqualTo(saved.token);

        // a session meeting the table for the first time warns about the missing indexes, and works
        String log = Stderr.of(() -> {
            try (Session fresh = Session.open(c -> c.adapter(Adapter.LOCAL).namespace(session.config().namespace()))) {
                assertThat(fresh.find(LocalIndexed.class).byId("u", "t1").token).isEqualTo("x");
            }
        });
        assertThat(log).contains("WARN").contains(name).contains("token_index").contains("token2_index")
                .contains("session.tables().sync(LocalIndexed.class)");
    }

    @Test
    void syncCreatesAMissingTableWithEveryIndex(Session session) {
        try (Session s = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_idx_sync"))) {
            try {
                assertThat(s.tables().sync(Login.class)).containsExactly("token_index", "by_device", "apiUserId_expiresAt_index",
                        "email_index", "by_plan", "score_sharded_index");
                checkLoginTable(s);
            } finally {
                s.tables().dropAll();
            }
        }
    }

    @Test
    void onDemandTablesAndIndexesHaveNoProvisionedThroughput() {
        Session od = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_idx_od").onDemand());
        try {
            od.find(Login.class).create(l -> {
                l.username = "ann";
                l.expiresAt = Instant.parse("2031-01-01T00:00:00Z");
                l.score = 7;
            });
            TableDescription d = checkLoginTable(od);
            assertThat(d.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
            assertThat(d.globalSecondaryIndexes()).allSatisfy(g -> assertThat(g.provisionedThroughput() == null
                    || g.provisionedThroughput().readCapacityUnits() == null
                    || g.provisionedThroughput().readCapacityUnits() == 0L).isTrue());

            od.tables().create(SyncBare.class);
            assertThat(od.tables().sync(SyncIndexed.class)).containsExactly("owner_index", "at_sharded_index");
            TableDescription synced = raw(od, od.tableName(SyncIndexed.class));
            assertThat(synced.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                    .containsExactlyInAnyOrder("owner_index", "at_sharded_index");
            assertThat(synced.globalSecondaryIndexes()).allSatisfy(g -> assertThat(g.indexStatusAsString()).isEqualTo("ACTIVE"));
        } finally {
            try {
                od.tables().dropAll();
            } finally {
                od.close();
            }
        }
    }
}
