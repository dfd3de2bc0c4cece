package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.internal.dynamo.CallContext;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.dynamo.ItemSize;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Writes the changes of a persisted record: an UpdateItem that SETs the given attributes and
 * REMOVEs the ones that became null, conditional on the item still existing, on its lock version
 * being the one read (then incremented), and on the user's condition. Attributes not named are
 * left as they are in the item, so nothing written by others is lost.
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
     * @param guard what the item must still be
     * @param size the whole item as it will be after the update, for the 400 KB check; null to skip it
     * @param what the record, for messages
     * @throws dev.dynarecord.exception.RecordNotSavedException when the item no longer exists
     * @throws dev.dynarecord.exception.StaleRecordException when its lock version changed
     * @throws ConditionFailedException when the user's condition is false; nothing is written in each case
     */
    public static void execute(DynamoDbGateway gateway, String table, Map<String, AttributeValue> key,
            Map<String, AttributeValue> set, Collection<String> remove, Guard guard, Map<String, AttributeValue> size, String what) {
        if (size != null) {
            ItemSize.check(size, what);
        }
        ExpressionNames placeholders = new ExpressionNames();
        StringBuilder expression = new StringBuilder(16 * (set.size() + remove.size()) + 32);
        boolean first = true;
        AttributeValue next = guard.nextVersion();
        if (!set.isEmpty() || next != null) {
            expression.append("SET ");
            for (Map.Entry<String, AttributeValue> e : set.entrySet()) {
                expression.append(first ? "" : ", ").append(placeholders.name(e.getKey())).append(" = ")
                        .append(placeholders.value(e.getValue()));
                first = false;
            }
            if (next != null) {
                expression.append(first ? "" : ", ").append(placeholders.name(guard.lockAttribute())).append(" = ")
                        .append(placeholders.value(next));
            }
        }
        if (!remove.isEmpty()) {
            expression.append(expression.length() == 0 ? "REMOVE " : " REMOVE ");
            first = true;
            for (String name : remove) {
                expression.append(first ? "" : ", ").append(placeholders.name(name));
                first = false;
            }
        }
        StringBuilder condition = new StringBuilder("attribute_exists(").append(placeholders.name(guard.hashKey())).append(')');
        String lock = guard.lockExpression(placeholders);
        if (lock != null) {
            condition.append(" AND ").append(lock);
        }
        String user = guard.userExpression(placeholders);
        if (user != null) {
            condition.append(" AND ").append(user);
        }
        UpdateItemRequest request = UpdateItemRequest.builder().tableName(table).key(key)
                // Nothing to SET or REMOVE (a key-only model without locking): no update expression, which DynamoDB
                // refuses when empty; the condition alone still checks that the item exists.
                .updateExpression(expression.length() == 0 ? null : expression.toString()).conditionExpression(condition.toString())
                .expressionAttributeNames(placeholders.names()).expressionAttributeValues(placeholders.valuesOrNull()).build();
        try {
            gateway.updateItem(request, new CallContext("saving " + what, table,
                    () -> new ConditionFailedException("condition failed")));
        } catch (ConditionFailedException e) {
            throw guard.explain(gateway, table, key, what, true).orElseThrow(() -> e);
        }
    }
}
