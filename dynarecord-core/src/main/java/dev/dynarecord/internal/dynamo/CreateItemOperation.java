package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.RecordNotUniqueException;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.internal.dynamo.CallContext;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.dynamo.ItemSize;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Writes a new record: a PutItem conditional on no item having the same key, so that a new record
 * never silently overwrites an existing one.
 */
public final class CreateItemOperation {

    private static final String KEY_IS_FREE = "attribute_not_exists(#n0)";

    private CreateItemOperation() {
    }

    /**
     * @param gateway the adapter layer
     * @param table the full table name
     * @param hashKeyName the table's hash key attribute
     * @param item the whole item
     * @param what the record, for messages ("User 'u-1'")
     * @throws RecordNotUniqueException when an item with the key exists; nothing is written
     */
    public static void execute(DynamoDbGateway gateway, String table, String hashKeyName, Map<String, AttributeValue> item,
            String what) {
        execute(gateway, table, hashKeyName, null, item, null, () -> what);
    }

    /**
     * Writes a new item if its key is free and the user's condition (evaluated against the absent
     * item) holds.
     *
     * @param gateway the adapter layer
     * @param table the full table name
     * @param hashKeyName the table's hash key attribute
     * @param key the item's key, to tell a taken key from a false condition; may be null without a guard
     * @param item the whole item
     * @param guard the user's condition (only its user part is used), or null
     * @param what the record, for messages, computed only when a message needs it
     * @throws RecordNotUniqueException when an item with the key exists
     * @throws dev.dynarecord.exception.ConditionFailedException when the user's condition is false; nothing is written
     */
    public static void execute(DynamoDbGateway gateway, String table, String hashKeyName, Map<String, AttributeValue> key,
            Map<String, AttributeValue> item, Guard guard, Supplier<String> what) {
        ItemSize.check(item, what);
        PutItemRequest request;
        String user = null;
        if (guard == null || guard.userCondition() == null) {
            // The common case, on every new record: a constant expression and one name.
            request = PutItemRequest.builder().tableName(table).item(item).conditionExpression(KEY_IS_FREE)
                    .expressionAttributeNames(Map.of("#n0", hashKeyName)).build();
        } else {
            ExpressionNames placeholders = new ExpressionNames();
            String condition = "attribute_not_exists(" + placeholders.name(hashKeyName) + ")";
            user = guard.userExpression(placeholders);
            request = PutItemRequest.builder().tableName(table).item(item).conditionExpression(condition + " AND " + user)
                    .expressionAttributeNames(placeholders.names()).expressionAttributeValues(placeholders.valuesOrNull()).build();
        }
        Supplier<RecordNotUniqueException> taken = () -> new RecordNotUniqueException(
                what.get() + " already exists in table " + table + "; nothing was written. Load it with find.byId(...) and"
                        + " update it, or give the new record another key");
        if (user == null) {
            gateway.putItem(request, new CallContext(() -> "saving new " + what.get(), table, taken, null));
            return;
        }
        try {
            gateway.putItem(request, new CallContext(() -> "saving new " + what.get(), table,
                    () -> new ConditionFailedException("condition failed"), null));
        } catch (ConditionFailedException e) {
            if (GetItemOperation.exists(gateway, table, key, true, what.get())) {
                throw taken.get();
            }
            throw new ConditionFailedException(what.get() + ": the condition " + guard.userConditionText()
                    + " did not hold for the new record; nothing was written");
        }
    }
}
