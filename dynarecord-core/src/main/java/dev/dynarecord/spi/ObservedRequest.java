package dev.dynarecord.spi;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * A request as a {@link RequestObserver} sees it, with what metrics, traces and logs report about
 * it worked out once: never an item's values.
 *
 * @param operation the DynamoDB operation, e.g. {@code PutItem}
 * @param tables the tables it touches (the keys of a batch's request items, each once), in order
 * @param index the secondary index a Query or Scan reads, or null
 * @param batchItems for BatchGetItem, BatchWriteItem and the transactions: how many keys or writes
 *     each table has in this request; empty otherwise
 * @param request the request exactly as sent
 */
public record ObservedRequest(String operation, List<String> tables, String index, Map<String, Integer> batchItems,
        DynamoDbRequest request) {

    /** @return the tables joined with commas, the {@code table} tag's value; empty for ListTables */
    public String table() {
        return tables.size() == 1 ? tables.get(0) : String.join(",", tables);
    }

    /** @return whether this request reads or writes items, as opposed to managing tables */
    public boolean dataPlane() {
        return switch (operation) {
            case "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem",
                    "TransactGetItems", "TransactWriteItems" -> true;
            default -> false;
        };
    }

    /** @return whether the capacity this request consumes is read capacity (a read), rather than write */
    public boolean reads() {
        return switch (operation) {
            case "GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems" -> true;
            default -> false;
        };
    }
}
