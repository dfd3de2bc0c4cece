package dev.dynarecord.internal.query;

import dev.dynarecord.internal.dynamo.BatchGetOperation;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Completes the items of a global index that does not hold every attribute: takes index items a
 * chunk at a time, reads the full items from the table with BatchGetItem, and gives them out in the
 * index's order. Items deleted from the table in between are skipped.
 */
final class TableCompletion implements Iterator<Map<String, AttributeValue>> {

    private final Iterator<Map<String, AttributeValue>> index;
    private final DynamoDbGateway gateway;
    private final String table;
    private final List<String> tableKeys;
    private final Collection<String> projection;
    private final int chunk;
    private final String description;
    private final ArrayDeque<Map<String, AttributeValue>> ready = new ArrayDeque<>();

    TableCompletion(Iterator<Map<String, AttributeValue>> index, DynamoDbGateway gateway, String table, List<String> tableKeys,
            Collection<String> projection, int chunk, String description) {
        this.index = index;
        this.gateway = gateway;
        this.table = table;
        this.tableKeys = tableKeys;
        this.projection = projection;
        this.chunk = Math.max(1, Math.min(BatchGetOperation.MAX_KEYS, chunk));
        this.description = description;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && index.hasNext()) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>(chunk);
            while (keys.size() < chunk && index.hasNext()) {
                Map<String, AttributeValue> key = Positions.keyOf(index.next(), tableKeys);
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey = new HashMap<>();
            for (Map<String, AttributeValue> item : BatchGetOperation.execute(gateway, table, keys, projection, false, description)) {
                byKey.put(Positions.keyOf(item, tableKeys), item);
            }
            for (Map<String, AttributeValue> key : keys) {
                Map<String, AttributeValue> item = byKey.get(key);
                if (item != null) {
                    ready.add(item);
                }
            }
        }
        return !ready.isEmpty();
    }

    @Override
    public Map<String, AttributeValue> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.pollFirst();
    }
}
