package dev.dynarecord.it.tables;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse;

/**
 * The embedded engine with the continuous backups it lacks: Describe/UpdateContinuousBackups are
 * answered here from a map, every other call goes to the engine. What DynamoDB answers is taken
 * from its API reference; the requests themselves are what the tests check.
 */
final class BackupsEngine {

    private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final DynamoDbClient client;

    BackupsEngine(DynamoDbClient engine) {
        this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof DescribeContinuousBackupsRequest r) {
                        return describe(r.tableName());
                    }
                    if (args != null && args.length == 1 && args[0] instanceof UpdateContinuousBackupsRequest r) {
                        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            throw ContinuousBackupsUnavailableException.builder()
                                    .message("Backups are being enabled for the table: " + r.tableName() + ". Please retry later")
                                    .statusCode(400).build();
                        }
                        enabled.put(r.tableName(), r.pointInTimeRecoverySpecification().pointInTimeRecoveryEnabled());
                        return UpdateContinuousBackupsResponse.builder()
                                .continuousBackupsDescription(description(r.tableName())).build();
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** @return the client to give a session */
    DynamoDbClient client() {
        return client;
    }

    /** The next {@code times} UpdateContinuousBackups are refused, as DynamoDB refuses them on a table just created. */
    void unavailableFor(int times) {
        unavailable.set(times);
    }

    /** @return whether point-in-time recovery is on for a table */
    boolean enabled(String table) {
        return enabled.getOrDefault(table, false);
    }

    private DescribeContinuousBackupsResponse describe(String table) {
        return DescribeContinuousBackupsResponse.builder().continuousBackupsDescription(description(table)).build();
    }

    private ContinuousBackupsDescription description(String table) {
        String status = enabled(table) ? "ENABLED" : "DISABLED";
        return ContinuousBackupsDescription.builder().continuousBackupsStatus("ENABLED")
                .pointInTimeRecoveryDescription(p -> p.pointInTimeRecoveryStatus(status)).build();
    }
}
