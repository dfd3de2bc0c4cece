package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A condition on an item that a transaction requires without writing it ("the account still
 * exists and is open"). DynamoDB has no single call for it: it exists only as an item of a
 * TransactWriteItems.
 *
 * @param table the full table name
 * @param key the item's key
 * @param guard what the item must be; not empty
 * @param describer the record, for messages, computed on demand
 */
public record ConditionCheckOperation(String table, Map<String, AttributeValue> key, Guard guard, Supplier<String> describer)
        implements WriteOperation {

    /**
     * @throws IllegalArgumentException when the guard requires nothing: a check must check something
     */
    public ConditionCheckOperation {
        if (guard.isEmpty()) {
            throw new IllegalArgumentException("a condition check needs a condition");
        }
    }

    @Override
    public String operation() {
        return "ConditionCheck";
    }

    /** A check writes nothing, so nothing of it can show in the item. */
    @Override
    public Applied appliedIn(Map<String, AttributeValue> stored) {
        return Applied.NO;
    }

    @Override
    public String what() {
        return describer.get();
    }

    @Override
    public String description() {
        return "checking " + what();
    }

    @Override
    public TransactWriteItem transactItem() {
        ExpressionNames p = new ExpressionNames();
        String condition = guard.expression(p);
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(condition).expressionAttributeNames(p.namesOrNull())
                .expressionAttributeValues(p.valuesOrNull()).build()).build();
    }

    @Override
    public Map<String, AttributeValue> exchange(DynamoDbGateway gateway, CallContext context) {
        throw new DynarecordException(description() + ": a condition check is sent only as part of a transaction");
    }
}
