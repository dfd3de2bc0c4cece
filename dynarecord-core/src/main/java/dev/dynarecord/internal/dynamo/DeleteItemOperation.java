package dev.dynarecord.internal.dynamo;

import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes one item by key. Deleting an item that does not exist is not an error, as in DynamoDB;
 * a destroy's guard adds the lock version and the user's condition for an item that does.
 *
 * @param table the full table name
 * @param key the key
 * @param guard what the stored item must be
 * @param describer the record, for messages, computed on demand
 */
public record DeleteItemOperation(String table, Map<String, AttributeValue> key, Guard guard, Supplier<String> describer)
        implements WriteOperation {

    /**
     * @param table the full table name
     * @param key the key
     * @param what the record, for messages
     * @return an unconditional delete
     */
    public static DeleteItemOperation of(String table, Map<String, AttributeValue> key, String what) {
        return new DeleteItemOperation(table, key, Guard.none(), () -> what);
    }

    @Override
    public String operation() {
        return "DeleteItem";
    }

    @Override
    public Applied appliedIn(Map<String, AttributeValue> stored) {
        return stored == null ? Applied.YES : Applied.NO;
    }

    @Override
    public String what() {
        return describer.get();
    }

    @Override
    public String description() {
        return "deleting " + what();
    }

    /** @return the DeleteItem request */
    public DeleteItemRequest request() {
        ExpressionNames p = new ExpressionNames();
        String condition = guard.expression(p);
        return DeleteItemRequest.builder().tableName(table).key(key).conditionExpression(condition)
                .expressionAttributeNames(p.namesOrNull()).expressionAttributeValues(p.valuesOrNull()).build();
    }

    @Override
    public TransactWriteItem transactItem() {
        ExpressionNames p = new ExpressionNames();
        String condition = guard.expression(p);
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).conditionExpression(condition)
                .expressionAttributeNames(p.namesOrNull()).expressionAttributeValues(p.valuesOrNull()).build()).build();
    }

    @Override
    public WriteRequest batchItem() {
        if (!guard.isEmpty()) {
            return WriteOperation.super.batchItem();
        }
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    @Override
    public Map<String, AttributeValue> exchange(DynamoDbGateway gateway, CallContext context) {
        gateway.deleteItem(request(), context);
        return Map.of();
    }
}
