package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.PartialWriteException;
import dev.dynarecord.exception.ThroughputExceededException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Sends unconditional puts and deletes, of one table or several, with BatchWriteItem in chunks of
 * 25, retrying what DynamoDB leaves unprocessed with exponential backoff until all are written or
 * the retries run out. The writes are the same {@link WriteOperation}s a single call sends; each
 * gives its {@link WriteOperation#batchItem()}.
 */
public final class BatchWriteOperation {

    /** DynamoDB's limit on writes per BatchWriteItem. */
    public static final int MAX_WRITES = 25;

    private BatchWriteOperation() {
    }

    /**
     * @param gateway the adapter layer
     * @param table the full table name
     * @param items whole items to put, each key at most once
     * @param what what is being written, for messages
     */
    public static void put(DynamoDbGateway gateway, String table, List<Map<String, AttributeValue>> items, String what) {
        send(gateway, items.stream().map(i -> PutItemOperation.of(table, i, what)).toList(), what);
    }

    /**
     * @param gateway the adapter layer
     * @param table the full table name
     * @param keys the keys of the items to delete, each at most once
     * @param what what is being deleted, for messages
     */
    public static void delete(DynamoDbGateway gateway, String table, List<Map<String, AttributeValue>> keys, String what) {
        send(gateway, keys.stream().map(k -> DeleteItemOperation.of(table, k, what)).toList(), what);
    }

    /**
     * Sends writes in order, 25 a request.
     *
     * @param gateway the adapter layer
     * @param writes unconditional puts and deletes, each key at most once
     * @param what what is being written, for messages
     * @return the retries: requests sent again for writes left unprocessed or throttled, beyond one per 25 writes
     * @throws IllegalStateException when a write has a condition (BatchWriteItem carries none); nothing is sent then
     * @throws ThroughputExceededException when writes stay unprocessed after the retries
     */
    public static int send(DynamoDbGateway gateway, List<? extends WriteOperation> writes, String what) {
        List<Item> items = new ArrayList<>(writes.size());
        for (WriteOperation w : writes) {
            items.add(new Item(w.table(), w.batchItem()));
        }
        int[] applied = {0};
        int retries = 0;
        try {
            for (int from = 0; from < items.size(); from += MAX_WRITES) {
                retries += send(gateway, byTable(items.subList(from, Math.min(items.size(), from + MAX_WRITES))), items.size(),
                        applied, what);
            }
        } catch (DynarecordException e) {
            if (applied[0] == 0) {
                throw e;
            }
            throw new PartialWriteException(what + ": " + applied[0] + " of " + items.size() + " writes were made, then: "
                    + e.getMessage() + ". Repeat the same call to complete it: each write puts or deletes one item, so"
                    + " repeating makes no duplicates", e, applied[0], items.size());
        }
        return retries;
    }

    /**
     * Sends one chunk until DynamoDB has processed all of it, counting the writes it made in {@code applied[0]}.
     *
     * @return the requests sent after the first
     */
    private static int send(DynamoDbGateway gateway, Map<String, List<WriteRequest>> chunk, int total, int[] applied,
            String what) {
        @SuppressWarnings("unchecked")
        Map<String, List<WriteRequest>>[] pending = new Map[] {chunk};
        Backoff backoff = new Backoff(gateway, "BatchWriteItem", () -> pending[0].keySet());
        int left = count(chunk);
        int requests = 0;
        while (left > 0) {
            int before = left;
            requests++;
            left = backoff.attempt(() -> {
                BatchWriteItemResponse response = gateway.batchWriteItem(BatchWriteItemRequest.builder()
                        .requestItems(pending[0]).build(), CallContext.of(what, String.join(", ", pending[0].keySet())));
                Map<String, List<WriteRequest>> rest = response.hasUnprocessedItems()
                        ? new LinkedHashMap<>(response.unprocessedItems()) : new LinkedHashMap<>();
                rest.values().removeIf(List::isEmpty);
                pending[0] = rest;
                int remaining = count(rest);
                applied[0] += before - remaining;
                return remaining;
            }, before, n -> new ThroughputExceededException(what + ": " + n + " of " + total + " writes stayed unprocessed after "
                    + gateway.retries().maxAttempts() + " BatchWriteItem attempts in a row without progress on table "
                    + String.join(", ", new TreeSet<>(pending[0].keySet())) + "; raise the table's write capacity, write fewer"
                    + " at once, or allow more attempts with Config.Builder.retryPolicy"));
        }
        return requests - 1;
    }

    private static int count(Map<String, List<WriteRequest>> writes) {
        int n = 0;
        for (List<WriteRequest> w : writes.values()) {
            n += w.size();
        }
        return n;
    }

    private static Map<String, List<WriteRequest>> byTable(List<Item> chunk) {
        Map<String, List<WriteRequest>> out = new LinkedHashMap<>();
        for (Item i : chunk) {
            out.computeIfAbsent(i.table(), t -> new ArrayList<>()).add(i.request());
        }
        return out;
    }

    private record Item(String table, WriteRequest request) {
    }
}
