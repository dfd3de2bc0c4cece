package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.TransientFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reads items of one or more tables by key in one TransactGetItems: a serializable snapshot, all
 * of them or none. The caller checks DynamoDB's limits (100 items, each item once) before. A
 * cancellation because a write transaction was changing an item, throttling and a failure without
 * an answer are retried by the session's retry policy (a read changes nothing); a cancellation the
 * retries do not get past comes back as the gateway's exception with the SDK's
 * {@code TransactionCanceledException} as its cause.
 */
public final class TransactGetOperation {

    /** The most items DynamoDB reads in one transaction. */
    public static final int MAX_ITEMS = 100;

    /**
     * One item to read.
     *
     * @param table the full table name
     * @param key the item's key
     */
    public record Target(String table, Map<String, AttributeValue> key) {
    }

    private TransactGetOperation() {
    }

    /**
     * @param gateway the adapter layer
     * @param targets the items to read, at most {@link #MAX_ITEMS}, each once; not empty
     * @param what what is being read, for messages, computed on demand
     * @return the items in the order of the targets, null where no item has the key
     */
    public static List<Map<String, AttributeValue>> execute(DynamoDbGateway gateway, List<Target> targets,
            Supplier<String> what) {
        TransactGetItemsRequest request = TransactGetItemsRequest.builder().transactItems(targets.stream()
                .map(t -> TransactGetItem.builder().get(Get.builder().tableName(t.table()).key(t.key()).build()).build())
                .toList()).build();
        String tables = targets.stream().map(Target::table).distinct().collect(Collectors.joining(", "));
        TransactGetItemsResponse response = send(gateway, request, CallContext.of(what, tables));
        List<Map<String, AttributeValue>> items = new ArrayList<>(targets.size());
        List<ItemResponse> responses = response.hasResponses() ? response.responses() : List.of();
        for (int i = 0; i < targets.size(); i++) {
            ItemResponse r = i < responses.size() ? responses.get(i) : null;
            items.add(r != null && r.hasItem() && !r.item().isEmpty() ? r.item() : null);
        }
        return items;
    }

    private static TransactGetItemsResponse send(DynamoDbGateway gateway, TransactGetItemsRequest request, CallContext context) {
        Backoff backoff = new Backoff(gateway, "TransactGetItems", () -> request.transactItems().stream().map(i -> i.get().tableName()).distinct().toList());
        while (true) {
            try {
                return gateway.transactGetItems(request, context);
            } catch (TransientFailureException e) {
                if (!backoff.another()) {
                    throw e;
                }
            } catch (DynarecordException e) {
                if (!(e.getCause() instanceof TransactionCanceledException cancelled)
                        || !TransactWriteOperation.onlyTransient(cancelled) || !backoff.another()) {
                    throw e;
                }
            }
        }
    }
}
