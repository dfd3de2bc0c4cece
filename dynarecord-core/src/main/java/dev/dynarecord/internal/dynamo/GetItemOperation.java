package dev.dynarecord.internal.dynamo;

import dev.dynarecord.internal.dynamo.CallContext;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Reads one item by key, eventually or strongly consistent. */
public final class GetItemOperation {

    private GetItemOperation() {
    }

    /**
     * @param gateway the adapter layer
     * @param table the full table name
     * @param key the key
     * @param consistent whether to ask for a strongly consistent read
     * @param what the record, for messages
     * @return the item, or empty when none has the key
     */
    public static Optional<Map<String, AttributeValue>> execute(DynamoDbGateway gateway, String table,
            Map<String, AttributeValue> key, boolean consistent, String what) {
        return Optional.ofNullable(item(gateway, table, key, consistent, () -> what));
    }

    /**
     * The hot path of a find: no Optional, no message text unless a failure needs it.
     *
     * @param gateway the adapter layer
     * @param table the full table name
     * @param key the key
     * @param consistent whether to ask for a strongly consistent read
     * @param what the record, for messages, computed on demand
     * @return the item, or null when none has the key
     */
    public static Map<String, AttributeValue> item(DynamoDbGateway gateway, String table, Map<String, AttributeValue> key,
            boolean consistent, java.util.function.Supplier<String> what) {
        GetItemResponse response = gateway.getItem(GetItemRequest.builder().tableName(table).key(key)
                .consistentRead(consistent ? Boolean.TRUE : null).build(), CallContext.of(() -> "finding " + what.get(), table));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    /**
     * Reads only some attributes of the item with a key: what tells whether it exists.
     *
     * @param gateway the adapter layer
     * @param table the full table name
     * @param key the key
     * @param also attributes to read besides the key's (the TTL attribute), or empty
     * @param consistent whether to ask for a strongly consistent read
     * @param what the record, for messages
     * @return the item's key and those attributes, or null when none has the key
     */
    public static Map<String, AttributeValue> probe(DynamoDbGateway gateway, String table, Map<String, AttributeValue> key,
            Collection<String> also, boolean consistent, String what) {
        ExpressionNames placeholders = new ExpressionNames();
        Set<String> read = new LinkedHashSet<>(key.keySet());
        read.addAll(also);
        String projection = placeholders.projection(read);
        GetItemResponse response = gateway.getItem(GetItemRequest.builder().tableName(table).key(key).consistentRead(consistent)
                .projectionExpression(projection).expressionAttributeNames(placeholders.names()).build(),
                CallContext.of("checking " + what, table));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }
}
