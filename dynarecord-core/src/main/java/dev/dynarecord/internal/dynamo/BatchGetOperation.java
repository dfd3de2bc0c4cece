package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.ThroughputExceededException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads many items of one table by key: BatchGetItem in chunks of 100 keys, retrying the keys
 * DynamoDB leaves unprocessed, or that are throttled, by the session's retry policy.
 */
public final class BatchGetOperation {

    /** DynamoDB's limit on keys per BatchGetItem. */
    public static final int MAX_KEYS = 100;
    private static final int KEYS_SHOWN = 10;

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
     * @throws ThroughputExceededException when keys stay unprocessed or throttled through the session's
     *     retry policy, naming the keys not read
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
            @SuppressWarnings("unchecked")
            Map<String, KeysAndAttributes>[] pending = new Map[] {Map.of(table, request.build())};
            Backoff backoff = new Backoff(gateway, "BatchGetItem", () -> List.of(table));
            int left = chunk.size();
            while (left > 0) {
                int before = left;
                left = backoff.attempt(() -> {
                    BatchGetItemResponse response = gateway.batchGetItem(BatchGetItemRequest.builder().requestItems(pending[0])
                            .build(), CallContext.of(what, table));
                    found.addAll(response.responses().getOrDefault(table, List.of()));
                    KeysAndAttributes rest = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
                    int remaining = rest == null || !rest.hasKeys() ? 0 : rest.keys().size();
                    pending[0] = remaining == 0 ? Map.of() : Map.of(table, rest);
                    return remaining;
                }, before, n -> new ThroughputExceededException(what + ": " + n + " of " + keys.size() + " items were not read"
                        + " after " + gateway.retries().maxAttempts() + " BatchGetItem attempts in a row without progress on table "
                        + table + " (keys " + shown(pending[0].get(table)) + "); raise the table's read capacity, read fewer at"
                        + " once, or allow more attempts with Config.Builder.retryPolicy"));
            }
        }
        return found;
    }

    private static String shown(KeysAndAttributes keys) {
        if (keys == null || !keys.hasKeys()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        for (Map<String, AttributeValue> k : keys.keys().subList(0, Math.min(KEYS_SHOWN, keys.keys().size()))) {
            out.add(k.values().stream().map(v -> v.s() != null ? v.s() : v.n() != null ? v.n() : String.valueOf(v))
                    .collect(java.util.stream.Collectors.joining("/")));
        }
        return String.join(", ", out) + (keys.keys().size() > KEYS_SHOWN ? ", ..." : "");
    }
}
