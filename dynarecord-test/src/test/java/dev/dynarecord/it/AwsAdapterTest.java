package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.TableNotFoundException;
import dev.dynarecord.it.fixtures.User;
import dev.dynarecord.test.RequestRecorder;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Adapter AWS against DynamoDB Local run as an HTTP server on loopback: the client Dynarecord
 * builds (endpoint, region, static credentials), a client the user supplies, tables not created
 * by default, and secrets kept out of {@code toString()}. Manages its own sessions, so every
 * finder and record is bound to one explicitly (another test class may have set the default).
 */
class AwsAdapterTest {

    /**
     * The access key id: DynamoDB Local 2.x rejects one holding anything but letters and digits
     * ("The Access Key ID or security token is invalid"), so no hyphens here.
     */
    private static final String KEY_ID = "dummyKeyId";
    private static final String SECRET = "dummy-secret";

    private static DynamoDBProxyServer server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-port", String.valueOf(port), "-disableTelemetry"});
        server.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private static String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The configuration of the first test: Dynarecord builds the client from it. */
    private static Consumer<Config.Builder> builtClient(RequestRecorder recorder) {
        return c -> c.adapter(Adapter.AWS).endpoint(endpoint()).region("us-east-1")
                .credentials(KEY_ID, SECRET).autoCreateTables(true).namespace("aws_it")
                .listener(recorder);
    }

    /**
     * A client of the test's own, independent of any session, to look at the server directly.
     * Without {@code -sharedDb}, DynamoDB Local keeps one database per access key id and region.
     */
    private static DynamoDbClient rawClient(String keyId, Consumer<ClientOverrideConfiguration.Builder> o) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, "y")))
                .httpClientBuilder(Apache5HttpClient.builder()).overrideConfiguration(o).build();
    }

    private static List<String> itemRequests(RequestRecorder recorder) {
        return recorder.summary().stream()
                .filter(s -> s.startsWith("PutItem") || s.startsWith("GetItem") || s.startsWith("UpdateItem")
                        || s.startsWith("DeleteItem"))
                .toList();
    }

    @Test
    void builtClientTalksHttpToTheEndpoint() {
        RequestRecorder recorder = new RequestRecorder();
        Session session = Session.open(builtClient(recorder));
        try (DynamoDbClient raw = rawClient(KEY_ID, o -> { }); DynamoDbClient otherKey = rawClient("x", o -> { })) {
            assertThat(session.client().getClass().getName()).doesNotContain("Proxy");
            assertThat(session.config().adapter()).isEqualTo(Adapter.AWS);

            User user = new User().using(session);
            user.name = "Ada";
            user.rank = 3;
            user.saveOrThrow();
            String id = (String) user.id();
            assertThat(id).isNotBlank();

            // the item is on the server: a client of our own, over HTTP, reads it
            Map<String, AttributeValue> stored = raw.getItem(GetItemRequest.builder().tableName("aws_it_users")
                    .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true).build()).item();
            assertThat(stored.get("name").s()).isEqualTo("Ada");
            // ... in the database of the configured access key, so the static credentials were sent
            assertThat(otherKey.listTables().tableNames()).doesNotContain("aws_it_users");

            User found = User.find.using(session).byId(id);
            assertThat(found.name).isEqualTo("Ada");
            assertThat(found.rank).isEqualTo(3);
            assertThat(found.session()).isSameAs(session);

            found.updateOrThrow(u -> u.name = "Grace");
            assertThat(User.find.using(session).byId(id).name).isEqualTo("Grace");
            assertThat(raw.getItem(GetItemRequest.builder().tableName("aws_it_users")
                    .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true).build()).item().get("name").s())
                    .isEqualTo("Grace");

            assertThat(found.destroy()).isTrue();
            assertThat(found.isDestroyed()).isTrue();
            assertThatThrownBy(() -> User.find.using(session).byId(id))
                    .isInstanceOf(RecordNotFoundException.class)
                    .hasMessageContaining("aws_it_users");
            assertThat(raw.getItem(GetItemRequest.builder().tableName("aws_it_users")
                    .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true).build()).hasItem()).isFalse();

            assertThat(itemRequests(recorder)).containsExactly(
                    "PutItem aws_it_users",
                    "GetItem aws_it_users",
                    "UpdateItem aws_it_users",
                    "GetItem aws_it_users",
                    "DeleteItem aws_it_users",
                    "GetItem aws_it_users");
            assertThat(recorder.single(PutItemRequest.class).item().get("name").s()).isEqualTo("Ada");
            assertThat(recorder.single(UpdateItemRequest.class).key()).containsEntry("id", AttributeValue.fromS(id));
            assertThat(recorder.single(DeleteItemRequest.class).key()).containsEntry("id", AttributeValue.fromS(id));
            assertThat(recorder.summary()).contains("CreateTable aws_it_users");
        } finally {
            try {
                session.tables().dropAll();
            } finally {
                session.close();
            }
        }
    }

    @Test
    void suppliedClientIsUsedAsIsAndNotClosed() {
        RequestRecorder recorder = new RequestRecorder();
        DynamoDbClient client = rawClient("x", o -> o.addExecutionInterceptor(recorder));
        try {
            Session session = Session.open(c -> c.adapter(Adapter.AWS).client(client).autoCreateTables(true)
                    .namespace("aws_it_client"));
            String id;
            try {
                assertThat(session.client()).isSameAs(client);
                assertThat(session.config().listeners()).isEmpty();

                User user = new User().using(session);
                user.name = "supplied";
                user.saveOrThrow();
                id = (String) user.id();
                assertThat(User.find.using(session).byId(id).name).isEqualTo("supplied");

                assertThat(itemRequests(recorder)).containsExactly("PutItem aws_it_client_users", "GetItem aws_it_client_users");
                assertThat(recorder.single(PutItemRequest.class).item().get("name").s()).isEqualTo("supplied");
                assertThat(recorder.single(GetItemRequest.class).key()).containsEntry("id", AttributeValue.fromS(id));
            } finally {
                session.close();
            }

            // the session did not close the user's client: it still works
            recorder.clear();
            assertThat(client.getItem(GetItemRequest.builder().tableName("aws_it_client_users")
                    .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true).build()).item().get("name").s())
                    .isEqualTo("supplied");
            assertThat(client.listTables().tableNames()).contains("aws_it_client_users");
            assertThat(recorder.summary()).containsExactly("GetItem aws_it_client_users", "ListTables");
        } finally {
            try {
                client.deleteTable(b -> b.tableName("aws_it_client_users"));
            } finally {
                client.close();
            }
        }
    }

    @Test
    void tablesAreNotCreatedByDefault() {
        RequestRecorder recorder = new RequestRecorder();
        Session session = Session.open(c -> c.adapter(Adapter.AWS).endpoint(endpoint()).region("us-east-1")
                .credentials(KEY_ID, SECRET).namespace("aws_it_manual").listener(recorder));
        try {
            assertThat(session.config().autoCreateTables()).isFalse();
            assertThat(session.tables().exists(User.class)).isFalse();

            User user = new User().using(session);
            user.name = "no table yet";
            assertThatThrownBy(user::save)
                    .isInstanceOf(TableNotFoundException.class)
                    .hasMessageContaining("aws_it_manual_users")
                    .hasMessageContaining("session.tables().create(");
            assertThat(recorder.summary()).doesNotContain("CreateTable aws_it_manual_users");
            assertThat(user.isNewRecord()).isTrue();
            assertThat(user.id()).as("the key generated for the failed save is rolled back").isNull();

            session.tables().create(User.class);
            assertThat(session.tables().exists(User.class)).isTrue();
            assertThat(user.save()).isTrue();
            assertThat(User.find.using(session).byId(user.id()).name).isEqualTo("no table yet");
        } finally {
            try {
                session.tables().dropAll();
            } finally {
                session.close();
            }
        }
    }

    @Test
    void configToStringHidesCredentials() {
        Session session = Session.open(builtClient(new RequestRecorder()));
        try {
            assertThat(session.config().secretAccessKey()).contains(SECRET);
            assertThat(session.config().accessKeyId()).contains(KEY_ID);
            String text = session.config().toString();
            assertThat(text).doesNotContain(SECRET).doesNotContain(KEY_ID)
                    .contains("aws_it").contains(endpoint());
            assertThat(session.toString()).doesNotContain(SECRET).doesNotContain(KEY_ID);
        } finally {
            session.close();
        }
    }
}
