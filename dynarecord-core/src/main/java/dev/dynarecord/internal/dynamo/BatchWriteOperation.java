package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.internal.dynamo.CallContext;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts or deletes many items of one table without conditions: BatchWriteItem in chunks of 25,
 * retrying what DynamoDB leaves unprocessed with exponential backoff until all are written or the
 * retries run out.
 */
public final class BatchWriteOperation {

    /** DynamoDB's limit on writes per BatchWriteItem. */
    public static final int MAX_WRITES = 25;
    private static final int MAX_ATTEMPTS = 10;

    private BatchWriteOperation() {
    }

    /**
     * @param gateway the adapter layer
     * @param table the full table name
     * @param items whole items to put, each key at most once
     * @param what what is being written, for messages
     */
    public static void put(DynamoDbGateway gateway, String table, List<Map<String, AttributeValue>> items, String what) {
        write(gateway, table, items.stream().map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(i).build())
                .build()).toList(), what);
    }

    /**
     * @param gateway the adapter layer
     * @param table the full table name
     * @param keys the keys of the items to delete, each at most once
     * @param what what is being deleted, for messages
     */
    public static void delete(DynamoDbGateway gateway, String table, List<Map<String, AttributeValue>> keys, String what) {
        write(gateway, table, keys.stream().map(k -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(k).build())
                .build()).toList(), what);
    }

    private static void write(DynamoDbGateway gateway, String table, List<WriteRequest> writes, String what) {
        for (int from = 0; from < writes.size(); from += MAX_WRITES) {
            List<WriteRequest> pending = new ArrayList<>(writes.subList(from, Math.min(writes.size(), from + MAX_WRITES)));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new ThroughputExceededException(what + ": " + pending.size() + " of " + writes.size()
                            + " writes stayed unprocessed after " + MAX_ATTEMPTS + " BatchWriteItem attempts on table " + table
                            + "; raise the table's write capacity or write fewer at once");
                }
                if (attempt > 1) {
                    Backoff.pause(attempt, "BatchWriteItem");
                }
                Map<String, List<WriteRequest>> request = new HashMap<>();
                request.put(table, pending);
                BatchWriteItemResponse response = gateway.batchWriteItem(BatchWriteItemRequest.builder().requestItems(request).build(),
                        CallContext.of(what, table));
                pending = response.hasUnprocessedItems() ? new ArrayList<>(response.unprocessedItems().getOrDefault(table, List.of()))
                        : List.of();
            }
        }
    }
}
