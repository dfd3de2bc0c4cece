package dev.dynarecord.internal.dynamo;

import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes a whole item. A new record's put is conditional on its key being free, so that it never
 * silently overwrites a stored one. The item's size is checked when the operation is built, so an
 * item over 400 KB is refused before any request, alone, in a batch or in a transaction.
 *
 * @param table the full table name
 * @param key the item's key; null for an unconditional put, which is never refused
 * @param item the whole item
 * @param guard what the stored item must be
 * @param describer the record, for messages, computed on demand
 */
public record PutItemOperation(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item, Guard guard,
        Supplier<String> describer) implements WriteOperation {

    private static final String KEY_IS_FREE = "attribute_not_exists(#n0)";

    /**
     * @throws dev.dynarecord.exception.ItemTooLargeException when the item is over DynamoDB's 400 KB limit
     */
    public PutItemOperation {
        ItemSize.check(item, describer);
    }

    /**
     * @param table the full table name
     * @param item the whole item
     * @param what what is written, for messages
     * @return a put that replaces whatever the item's key holds
     */
    public static PutItemOperation of(String table, Map<String, AttributeValue> item, String what) {
        return of(table, item, () -> what);
    }

    /**
     * @param table the full table name
     * @param item the whole item
     * @param what what is written, for messages, computed on demand (one supplier for many puts)
     * @return a put that replaces whatever the item's key holds
     */
    public static PutItemOperation of(String table, Map<String, AttributeValue> item, Supplier<String> what) {
        return new PutItemOperation(table, null, item, Guard.none(), what);
    }

    @Override
    public String operation() {
        return "PutItem";
    }

    @Override
    public Applied appliedIn(Map<String, AttributeValue> stored) {
        return item.equals(stored) ? Applied.YES : Applied.NO;
    }

    @Override
    public String what() {
        return describer.get();
    }

    @Override
    public String description() {
        return (guard.existence() == Guard.Existence.MUST_BE_ABSENT ? "saving new " : "writing ") + what();
    }

    /** @return the PutItem request */
    public PutItemRequest request() {
        if (guard.existence() == Guard.Existence.MUST_BE_ABSENT && guard.conditions().isEmpty()) {
            // The common case, on every new record: a constant expression and one name.
            return PutItemRequest.builder().tableName(table).item(item).conditionExpression(KEY_IS_FREE)
                    .expressionAttributeNames(Map.of("#n0", guard.hashKey())).build();
        }
        ExpressionNames p = new ExpressionNames();
        String condition = guard.expression(p);
        return PutItemRequest.builder().tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(p.namesOrNull()).expressionAttributeValues(p.valuesOrNull()).build();
    }

    @Override
    public TransactWriteItem transactItem() {
        ExpressionNames p = new ExpressionNames();
        String condition = guard.expression(p);
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(p.namesOrNull()).expressionAttributeValues(p.valuesOrNull()).build()).build();
    }

    @Override
    public WriteRequest batchItem() {
        if (!guard.isEmpty()) {
            return WriteOperation.super.batchItem();
        }
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    @Override
    public Map<String, AttributeValue> exchange(DynamoDbGateway gateway, CallContext context) {
        gateway.putItem(request(), context);
        return Map.of();
    }
}
