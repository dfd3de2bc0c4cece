package dev.dynarecord.internal.operation;

import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.client.CallContext;
import dev.dynarecord.internal.client.DynamoDbGateway;
import dev.dynarecord.internal.item.ItemSize;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Writes a persisted record: an UpdateItem that SETs the given attributes and REMOVEs the ones
 * that became null, conditional on the item still existing. Attributes the model does not
 * declare are left as they are in the item, so nothing written by others is lost.
 */
public final class UpdateItemOperation {

    private UpdateItemOperation() {
    }

    /**
     * @param gateway the adapter layer
     * @param table the full table name
     * @param key the record's key
     * @param set attributes to set (key attributes excluded)
     * @param remove attribute names to remove
     * @param what the record, for messages
     * @throws RecordNotSavedException when the item no longer exists; nothing is written
     */
    public static void execute(DynamoDbGateway gateway, String table, Map<String, AttributeValue> key,
            Map<String, AttributeValue> set, Collection<String> remove, String what) {
        ItemSize.check(withKey(key, set), what);
        ExpressionNames placeholders = new ExpressionNames();
        StringBuilder expression = new StringBuilder(16 * (set.size() + remove.size()) + 16);
        if (!set.isEmpty()) {
            expression.append("SET ");
            boolean first = true;
            for (Map.Entry<String, AttributeValue> e : set.entrySet()) {
                expression.append(first ? "" : ", ").append(placeholders.name(e.getKey())).append(" = ")
                        .append(placeholders.value(e.getValue()));
                first = false;
            }
        }
        if (!remove.isEmpty()) {
            expression.append(set.isEmpty() ? "REMOVE " : " REMOVE ");
            boolean first = true;
            for (String name : remove) {
                expression.append(first ? "" : ", ").append(placeholders.name(name));
                first = false;
            }
        }
        String condition = "attribute_exists(" + placeholders.name(key.keySet().iterator().next()) + ")";
        UpdateItemRequest request = UpdateItemRequest.builder().tableName(table).key(key)
                // Nothing to SET or REMOVE (a key-only model): no update expression, which DynamoDB refuses
                // when empty; the condition alone still checks that the item exists.
                .updateExpression(expression.length() == 0 ? null : expression.toString()).conditionExpression(condition)
                .expressionAttributeNames(placeholders.names()).expressionAttributeValues(placeholders.valuesOrNull()).build();
        gateway.updateItem(request, new CallContext("saving " + what, table, () -> new RecordNotSavedException(
                what + " no longer exists in table " + table + " (deleted since it was loaded); nothing was written."
                        + " Save it as a new record if it should come back")));
    }

    private static Map<String, AttributeValue> withKey(Map<String, AttributeValue> key, Map<String, AttributeValue> set) {
        Map<String, AttributeValue> all = new java.util.HashMap<>(set);
        all.putAll(key);
        return all;
    }
}
