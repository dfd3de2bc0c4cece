package dev.dynarecord.it.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.it.ruby.RubyModels.ApiToken;
import dev.dynarecord.it.ruby.RubyModels.DynamoidUser;
import dev.dynarecord.it.ruby.RubyModels.OceanJob;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.types.TimeFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Items shaped as Dynamoid and OceanDynamo write them (put with the raw SDK) are read, changed and
 * saved: only the attributes the model owns change, in the Ruby app's names and formats.
 */
@DynarecordTest(global = false)
class RubyTablesTest {

    private static final String ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    private static Map<String, AttributeValue> put(Session session, String table, Map<String, AttributeValue> item) {
        session.client().putItem(PutItemRequest.builder().tableName(table).item(item).build());
        return item;
    }

    private static Map<String, AttributeValue> raw(Session session, String table) {
        return raw(session, table, ID);
    }

    private static Map<String, AttributeValue> raw(Session session, String table, Object id) {
        return session.client().getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS((String) id))).build()).item();
    }

    private static AttributeValue n(String text) {
        return AttributeValue.fromN(text);
    }

    /** The item a Dynamoid 3 app writes: Time#to_f timestamps, lock_version, snake case, a field Java does not declare. */
    private static Map<String, AttributeValue> dynamoidItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(ID));
        item.put("first_name", AttributeValue.fromS("Ada"));
        item.put("login_count", n("3"));
        item.put("mail", AttributeValue.fromS("ada@example.com"));
        item.put("created_at", n("1700000000.123456"));
        item.put("updated_at", n("1700000100.654321"));
        item.put("lock_version", n("2"));
        item.put("favourite_colours", AttributeValue.fromSs(List.of("red", "teal")));
        return item;
    }

    @Test
    void dynamoidItemRoundTripsThroughASnakeCaseModel(Session session) {
        String table = DynamoidUser.find.using(session).tableName();
        DynamoidUser.find.using(session).exists("warm-up"); // creates the table
        Map<String, AttributeValue> before = put(session, table, dynamoidItem());

        DynamoidUser user = DynamoidUser.find.using(session).byId(ID);
        assertThat(user.firstName).isEqualTo("Ada");
        assertThat(user.loginCount).isEqualTo(3);
        assertThat(user.createdAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_000));
        assertThat(user.updatedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_100L, 654_321_000));

        user.firstName = "Augusta";
        user.saveOrThrow();

        Map<String, AttributeValue> after = raw(session, table);
        assertThat(after.get("first_name").s()).isEqualTo("Augusta");
        assertThat(after.get("lock_version").n()).isEqualTo("3");
        assertThat(new BigDecimal(after.get("updated_at").n())).isGreaterThan(new BigDecimal("1700000100.654321"));
        assertThat(after.get("updated_at").n()).matches("\\d+(\\.\\d{1,9})?");
        for (String untouched : List.of("id", "login_count", "mail", "created_at", "favourite_colours")) {
            assertThat(after.get(untouched)).as(untouched).isEqualTo(before.get(untouched));
        }
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
    }

    @Test
    void conditionsNameTheFieldOrTheAttribute(Session session) {
        String table = DynamoidUser.find.using(session).tableName();
        DynamoidUser.find.using(session).exists("warm-up");
        put(session, table, dynamoidItem());
        assertThat(DynamoidUser.find.using(session).where("loginCount", 3).explain().indexName()).contains("login_count_index");
        assertThat(DynamoidUser.find.using(session).where("loginCount", 3).all()).extracting(u -> u.id()).containsExactly(ID);
        assertThat(DynamoidUser.find.using(session).where("login_count", 3).all()).extracting(u -> u.id()).containsExactly(ID);
        assertThat(DynamoidUser.find.using(session).where("firstName", "Ada").all()).hasSize(1);
        assertThat(DynamoidUser.find.using(session).where("createdAt.lt", Instant.ofEpochSecond(1_700_000_001L)).all()).hasSize(1);
    }

    @Test
    void newRecordsAreWrittenInTheRubyShape(Session session) {
        DynamoidUser user = DynamoidUser.find.using(session).create(u -> {
            u.firstName = "Grace";
            u.loginCount = 1;
        });
        Map<String, AttributeValue> item = raw(session, DynamoidUser.find.using(session).tableName(), user.id());
        assertThat(item.keySet()).containsExactlyInAnyOrder("id", "first_name", "login_count", "created_at", "updated_at",
                "lock_version");
        assertThat(item.get("created_at").n()).isNotNull();
        assertThat(item.get("lock_version").n()).isEqualTo("1");
    }

    @Test
    void oceanDynamoItemRoundTripsWithNamedTimestampsAndLock(Session session) {
        String table = OceanJob.find.using(session).tableName();
        OceanJob.find.using(session).exists("warm-up");
        Map<String, AttributeValue> before = put(session, table, new HashMap<>(Map.of(
                "id", AttributeValue.fromS(ID),
                "credentials", AttributeValue.fromS("secret-ish"),
                "max_retries", n("5"),
                "created_at", n("1700000000"),          // whole seconds are read too
                "updated_at", n("1700000050.25"),
                "lock_version", n("0"),
                "steps", AttributeValue.fromS("[{\"name\":\"fetch\"}]"))));

        OceanJob job = OceanJob.find.using(session).byId(ID);
        assertThat(job.createdAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        job.maxRetries = 6;
        job.saveOrThrow();

        Map<String, AttributeValue> after = raw(session, table);
        assertThat(after.get("max_retries").n()).isEqualTo("6");
        assertThat(after.get("lock_version").n()).isEqualTo("1");
        assertThat(new BigDecimal(after.get("updated_at").n())).isGreaterThan(new BigDecimal("1700000050.25"));
        for (String untouched : List.of("credentials", "created_at", "steps")) {
            assertThat(after.get(untouched)).as(untouched).isEqualTo(before.get(untouched));
        }
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
    }

    @Test
    void sessionNamingAndTimestampFormatApplyToModelsWithoutTheirOwn() {
        try (Session rails = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_rails")
                .attributeNaming(AttributeNaming.SNAKE_CASE).timestampFormat(TimeFormat.EPOCH_SECONDS))) {
            try {
                Instant expires = Instant.parse("2030-01-01T00:00:00Z");
                ApiToken token = ApiToken.find.using(rails).create(t -> {
                    t.userId = "u-1";
                    t.expiresAt = expires;
                });
                Map<String, AttributeValue> item = raw(rails, ApiToken.find.using(rails).tableName(), token.id());
                assertThat(item.keySet()).containsExactlyInAnyOrder("id", "user_id", "expires_at", "created_at", "updated_at",
                        "lock_version");
                assertThat(item.get("created_at").n()).isNotNull();
                assertThat(item.get("expires_at").s()).as("only timestamps follow the session's format")
                        .isEqualTo("2030-01-01T00:00:00.000000000Z");
                assertThat(ApiToken.find.using(rails).where("userId", "u-1").all()).hasSize(1);
                assertThat(ApiToken.find.using(rails).byId(token.id()).expiresAt).isEqualTo(expires);
            } finally {
                rails.tables().dropAll();
            }
        }
    }
}
