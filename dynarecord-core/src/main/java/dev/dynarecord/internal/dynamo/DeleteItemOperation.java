package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.internal.dynamo.CallContext;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;

/** Deletes one item by key. Deleting an item that does not exist is not an error, as in DynamoDB. */
public final class DeleteItemOperation {

    private DeleteItemOperation() {
    }

    /**
     * Deletes unconditionally.
     *
     * @param gateway the adapter layer
     * @param table the full table name
     * @param key the key
     * @param what the record, for messages
     */
    public static void execute(DynamoDbGateway gateway, String table, Map<String, AttributeValue> key, String what) {
        gateway.deleteItem(DeleteItemRequest.builder().tableName(table).key(key).build(), CallContext.of("deleting " + what, table));
    }

    /**
     * Deletes only if the item's lock version is the one read and the user's condition holds; an
     * item already gone is not an error.
     *
     * @param gateway the adapter layer
     * @param table the full table name
     * @param key the key
     * @param guard what the item must still be
     * @param what the record, for messages
     * @throws dev.dynarecord.exception.StaleRecordException when its lock version changed
     * @throws ConditionFailedException when the user's condition is false
     */
    public static void execute(DynamoDbGateway gateway, String table, Map<String, AttributeValue> key, Guard guard, String what) {
        ExpressionNames placeholders = new ExpressionNames();
        String lock = guard.lockExpression(placeholders);
        String user = guard.userExpression(placeholders);
        if (lock == null && user == null) {
            execute(gateway, table, key, what);
            return;
        }
        String condition = lock != null && user != null ? lock + " AND " + user : lock != null ? lock : user;
        DeleteItemRequest request = DeleteItemRequest.builder().tableName(table).key(key)
                .conditionExpression("attribute_not_exists(" + placeholders.name(guard.hashKey()) + ") OR (" + condition + ")")
                .expressionAttributeNames(placeholders.names()).expressionAttributeValues(placeholders.valuesOrNull()).build();
        try {
            gateway.deleteItem(request, new CallContext("deleting " + what, table, () -> new ConditionFailedException("condition failed")));
        } catch (ConditionFailedException e) {
            guard.explain(gateway, table, key, what, false).ifPresent(x -> {
                throw x;
            });
        }
    }
}
