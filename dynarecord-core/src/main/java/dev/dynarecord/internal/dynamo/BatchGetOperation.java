package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.internal.dynamo.CallContext;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads many items of one table by key: BatchGetItem in chunks of 100 keys, retrying the keys
 * DynamoDB leaves unprocessed with exponential backoff until all are read or the retries run out.
 */
public final class BatchGetOperation {

    /** DynamoDB's limit on keys per BatchGetItem. */
    public static final int MAX_KEYS = 100;
    private static final int MAX_ATTEMPTS = 10;

    private BatchGetOperation() {
    }

    /**
     * @param gateway the adapter layer
     * @param table the full table name
     * @param keys the keys, each at most once
     * @param projection attributes to read, or empty for all
     * @param consistent whether to read strongly consistently
     * @param what what is being read, for messages
     * @return the items found, in no particular order (missing keys have none)
     * @throws ThroughputExceededException when keys stay unprocessed after every retry
     */
    public static List<Map<String, AttributeValue>> execute(DynamoDbGateway gateway, String table,
            List<Map<String, AttributeValue>> keys, Collection<String> projection, boolean consistent, String what) {
        List<Map<String, AttributeValue>> found = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS));
            KeysAndAttributes.Builder request = KeysAndAttributes.builder().keys(chunk).consistentRead(consistent ? Boolean.TRUE : null);
            if (!projection.isEmpty()) {
                ExpressionNames placeholders = new ExpressionNames();
                request.projectionExpression(placeholders.projection(projection)).expressionAttributeNames(placeholders.names());
            }
            Map<String, KeysAndAttributes> pending = new HashMap<>(Map.of(table, request.build()));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new ThroughputExceededException(what + ": " + pending.get(table).keys().size() + " of " + keys.size()
                            + " items stayed unprocessed after " + MAX_ATTEMPTS + " BatchGetItem attempts on table " + table
                            + "; raise the table's read capacity or read fewer at once");
                }
                if (attempt > 1) {
                    Backoff.pause(attempt, "BatchGetItem");
                }
                BatchGetItemResponse response = gateway.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build(),
                        CallContext.of(what, table));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.hasUnprocessedKeys() ? new HashMap<>(response.unprocessedKeys()) : Map.of();
                pending.values().removeIf(k -> !k.hasKeys() || k.keys().isEmpty());
            }
        }
        return found;
    }
}
