package dev.dynarecord.internal.operation;

import dev.dynarecord.exception.RecordNotUniqueException;
import dev.dynarecord.internal.client.CallContext;
import dev.dynarecord.internal.client.DynamoDbGateway;
import dev.dynarecord.internal.item.ItemSize;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Writes a new record: a PutItem conditional on no item having the same key, so that a new record
 * never silently overwrites an existing one.
 */
public final class CreateItemOperation {

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
        ItemSize.check(item, what);
        ExpressionNames placeholders = new ExpressionNames();
        String condition = "attribute_not_exists(" + placeholders.name(hashKeyName) + ")";
        PutItemRequest request = PutItemRequest.builder().tableName(table).item(item)
                .conditionExpression(condition).expressionAttributeNames(placeholders.names()).build();
        gateway.putItem(request, new CallContext("saving new " + what, table, () -> new RecordNotUniqueException(
                what + " already exists in table " + table + "; nothing was written. Load it with find.byId(...) and"
                        + " update it, or give the new record another key")));
    }
}
